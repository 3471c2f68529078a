/**
 * The explorer's downloads on /phan-tich/: each says what it holds (button, file name, notes in
 * the file), each row's `filters` is true of that row, the Parquet file stores the year and the
 * counts as integers (read back with DuckDB), and the whole protected cube is offered as published.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { parquetReadObjects } from 'hyparquet';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage, type OpenedPage } from './browser';
import { parseCsv, readTable } from './feature';

const baseURL = inject('baseURL');
const buildDir = inject('buildDir');
const districts = new Map(
	readTable(buildDir, 'units')
		.filter((u) => u.level === 'district')
		.map((u) => [String(u.unit_code), String(u.name)])
);
// Tu Mơ Rông chosen: the table still lists every district, each row about its own district
const QUERY = '?disability_type=3&district=617';
const CHOSEN = 'Huyện Tu Mơ Rông';

describe('explorer downloads', () => {
	let browser: Browser;
	let opened: OpenedPage;
	let page: Page;
	beforeAll(async () => {
		browser = await launchBrowser();
		opened = await openPage(browser, new URL(`phan-tich/${QUERY}`, baseURL).href);
		page = opened.page;
		await page.locator('p.engine[data-status="ready"]').waitFor({ timeout: 60_000 });
		await page.waitForFunction(
			() => document.querySelector('.views')?.getAttribute('aria-busy') === 'false'
		);
	}, 90_000);
	afterAll(async () => {
		await opened?.close();
		await browser?.close();
	});

	const section = () => page.locator('section[aria-labelledby=table-h]');

	it('the CSV says what it holds, and each row describes its own district', async () => {
		const link = section().getByRole('link', { name: /^Tải CSV/ });
		expect(await link.textContent()).toContain('bảng 10 huyện, năm 2025');
		expect(await link.getAttribute('download')).toBe(
			'phan-tich-theo-huyen-2025-disability-type-3.csv'
		);
		const href = (await link.getAttribute('href'))!;
		const csv = parseCsv(decodeURIComponent(href.slice(href.indexOf(',') + 1)));
		const notes = csv.comments.join(' ');
		expect(notes).toContain('bảng 10 huyện, năm 2025');
		expect(notes).toContain('Khuyết tật nhìn');
		const col = (name: string) => csv.header.indexOf(name);
		expect(csv.rows).toHaveLength(10);
		for (const r of csv.rows) {
			const own = districts.get(r[col('district_code')])!;
			expect(r[col('district')]).toBe(own);
			expect(r[col('filters')]).toContain('Khuyết tật nhìn');
			expect(r[col('filters')]).toContain(own);
			if (own !== CHOSEN) expect(r[col('filters')]).not.toContain(CHOSEN);
		}
	});

	it('the Parquet file: the same rows, year and counts as integers, rates as doubles', async () => {
		const button = section().getByRole('button', { name: /^Tải Parquet/ });
		expect(await button.textContent()).toContain('bảng 10 huyện, năm 2025');
		const [dl] = await Promise.all([
			page.waitForEvent('download', { timeout: 10_000 }).catch((e) => {
				throw new Error(`${e.message}; console: ${opened.consoleErrors.join(' | ')}`);
			}),
			button.click()
		]);
		expect(opened.consoleErrors).toEqual([]);
		expect(dl.suggestedFilename()).toBe('phan-tich-theo-huyen-2025-disability-type-3.parquet');
		const file = (await dl.path())!;
		const bytes = readFileSync(file);
		expect(bytes.subarray(0, 4).toString()).toBe('PAR1');
		const buf = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
		const rows = (await parquetReadObjects({ file: buf })) as Record<string, unknown>[];
		expect(rows).toHaveLength(10);
		for (const r of rows) {
			const own = districts.get(String(r.district_code))!;
			expect(String(r.filters)).toContain('Khuyết tật nhìn');
			expect(String(r.filters)).toContain(own);
			if (own !== CHOSEN) expect(String(r.filters)).not.toContain(CHOSEN);
		}
		// The table on screen and the file agree on the children counts, hidden ones included.
		const shown = await page
			.locator('[data-testid=explorer-table] tbody tr')
			.evaluateAll((trs) =>
				trs.map((tr) => tr.querySelectorAll('td')[0]?.textContent?.trim() ?? '')
			);
		rows.forEach((r, i) => {
			if (r.children_suppressed) expect(shown[i]).toBe('Đã ẩn (<5)');
			else expect(shown[i].replace(/\./g, '')).toBe(String(r.children));
		});
		// DuckDB reads the schema: whole numbers are integers, not DOUBLE
		const db = await DuckDBInstance.create(':memory:');
		const con = await db.connect();
		try {
			const described = await con.runAndReadAll(
				`DESCRIBE SELECT * FROM read_parquet('${file.replace(/'/g, "''")}')`
			);
			const types = Object.fromEntries(
				described.getRowObjectsJS().map((r) => [String(r.column_name), String(r.column_type)])
			);
			for (const c of ['year', 'children', 'accessed', 'skills'])
				expect(types[c], c).toBe('INTEGER');
			for (const c of ['access_rate', 'skills_rate']) expect(types[c], c).toBe('DOUBLE');
			expect(types.children_suppressed).toBe('BOOLEAN');
			expect(types.district).toBe('VARCHAR');
			const meta = await con.runAndReadAll(
				`SELECT decode(key) AS k, decode(value) AS v FROM parquet_kv_metadata('${file.replace(/'/g, "''")}')`
			);
			const kv = Object.fromEntries(meta.getRowsJS().map(([k, v]) => [String(k), String(v)]));
			expect(kv.contents).toContain('bảng 10 huyện, năm 2025');
		} finally {
			con.closeSync();
			db.closeSync();
		}
	}, 60_000);

	it('the whole protected cube is offered, byte for byte as published', async () => {
		const links = page.getByTestId('cube-downloads').getByRole('link');
		expect(await links.count()).toBe(2);
		for (const [i, name] of ['children_cube.csv', 'children_cube.parquet'].entries()) {
			const href = await links.nth(i).getAttribute('href');
			const url = new URL(href!, page.url());
			expect(url.pathname).toBe(`/data/${name}`);
			const body = Buffer.from(
				await (await fetch(url, { headers: { 'accept-encoding': 'identity' } })).arrayBuffer()
			);
			expect(body.equals(readFileSync(join(buildDir, 'data', name)))).toBe(true);
		}
	});
});
