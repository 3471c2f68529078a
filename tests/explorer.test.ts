/** Explorer page (`/phan-tich/`): prerendered view, DuckDB filters, CSV download, uploads. */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser, openPage, runAxe, type OpenedPage } from './browser';
import {
	fetchHtml,
	params,
	parseCsv,
	readCube,
	readTable,
	staticDocument,
	explorerTableChildren
} from './feature';

const baseURL = inject('baseURL');
const buildDir = inject('buildDir');
const PAGE = new URL('phan-tich/', baseURL).href;
const ENGINE_TIMEOUT = 60_000;

const districts = readTable(buildDir, 'units')
	.filter((u) => u.level === 'district')
	.map((u) => ({ code: String(u.unit_code), name: String(u.name) }));

/** The published cube (children_cube.csv, its `#` notice line skipped) as objects. */
const cube = readCube(buildDir);
const BREAKDOWNS = ['disability_type', 'severity', 'sex', 'age_band', 'ethnicity'];

/**
 * Children in the cube for one unit level, year 2025, one disability type (or all), rest 'all';
 * 'hidden' where the cell is suppressed (its flag must say true or false: a missing one is a bug).
 */
function cubeChildren(
	level: 'province' | 'district',
	disabilityType: string
): Map<string, number | 'hidden'> {
	const out = new Map<string, number | 'hidden'>();
	for (const r of cube) {
		if (r.year !== '2025' || r.level !== level) continue;
		if (!BREAKDOWNS.every((b) => r[b] === (b === 'disability_type' ? disabilityType : 'all')))
			continue;
		if (r.children_suppressed !== 'true' && r.children_suppressed !== 'false')
			throw new Error(`cube: ${r.unit_code} has no children_suppressed flag`);
		out.set(r.unit_code, r.children_suppressed === 'true' ? 'hidden' : Number(r.children));
	}
	return out;
}
const provinceFigure = (type: string) => {
	const n = cubeChildren('province', type).get('62');
	if (typeof n !== 'number') throw new Error(`cube: province, type ${type}: ${n}`);
	return n;
};
const provinceAll = provinceFigure('all');
const provinceVisual = provinceFigure('3');

/** "Số TEKT: 4.345" → 4345 */
const digits = (text: string | null) => Number((text ?? '').replace(/\D/g, ''));

async function waitForEngine(page: Page): Promise<void> {
	await page.locator('p.engine[data-status=ready]').waitFor({ timeout: ENGINE_TIMEOUT });
}
const total = (page: Page) =>
	page.locator('[data-testid=total-children] strong').textContent().then(digits);
/** "Đã ẩn (<5)" → 'hidden', "1.234" → 1234 */

/** District code → children shown in the table (rows follow the district order). */
const tableChildren = (page: Page) => explorerTableChildren(page, districts);

const HEADER =
	'commune_code,commune_name,year,disability_type,severity,sex,age_band,ethnicity,children,accessed,accessed_health,accessed_education,accessed_social,accessed_protection,skills';

describe('explorer', () => {
	let browser: Browser;

	beforeAll(async () => {
		browser = await launchBrowser();
	});

	afterAll(async () => {
		await browser?.close();
	});

	test('the cube has the figures the tests rely on', () => {
		// (a district and, from 2025-07-01, its former area: one code, a name per era)
		expect(new Set(districts.map((d) => d.code)).size).toBe(10);
		expect(provinceAll).toBeGreaterThan(0);
		expect(provinceVisual).toBeGreaterThan(0);
		expect(provinceVisual).toBeLessThan(provinceAll);
	});

	test('the HTML without JavaScript shows the total and the district table', async () => {
		const { status, html } = await fetchHtml(baseURL, '/phan-tich/');
		expect(status).toBe(200);
		const doc = await staticDocument(browser, html);
		try {
			expect(await total(doc.page)).toBe(provinceAll);
			expect(await tableChildren(doc.page)).toEqual(cubeChildren('district', 'all'));
		} finally {
			await doc.close();
		}
	});

	test('before the engine arrives, a shared link with two filters is said to wait, and no number stands under it', async () => {
		const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
		try {
			// the engine never arrives (a very slow connection)
			await context.route(/\.wasm(\?|$)/, () => undefined);
			const page = await context.newPage();
			await page.goto(`${PAGE}?disability_type=5&district=617&year=2024`, { waitUntil: 'load' });
			const waits = page.getByTestId('selection-waits');
			await waits.waitFor({ timeout: 15_000 });
			const text = await waits.textContent();
			for (const part of ['Khuyết tật trí tuệ', 'Huyện Tu Mơ Rông', '2024'])
				expect(text).toContain(part);
			// no figure at all while it waits: none of another selection under its words
			expect(await page.locator('[data-testid=total-children]').count()).toBe(0);
			expect(await page.locator('[data-testid=explorer-table]').count()).toBe(0);
		} finally {
			await context.close();
		}
	}, 60_000);

	describe('with DuckDB', () => {
		let opened: OpenedPage;
		let page: Page;
		const visual = () => page.getByRole('checkbox', { name: /^Khuyết tật nhìn/ });

		beforeAll(async () => {
			opened = await openPage(browser, PAGE);
			page = opened.page;
			await waitForEngine(page);
		}, ENGINE_TIMEOUT + 10_000);

		afterAll(async () => {
			await opened?.close();
		});

		test('a filter changes the total to the cube figure, goes in the URL, survives a reload', async () => {
			expect(await runAxe(page), 'axe, engine ready').toEqual([]);
			expect(await total(page)).toBe(provinceAll);

			await visual().check();
			await expect.poll(() => params(page).get('disability_type')).toBe('3');
			await expect.poll(() => total(page)).toBe(provinceVisual);
			await expect.poll(() => tableChildren(page)).toEqual(cubeChildren('district', '3'));
			expect(await runAxe(page), 'axe, filtered').toEqual([]);

			await page.reload({ waitUntil: 'load' });
			await waitForEngine(page);
			expect(params(page).get('disability_type')).toBe('3');
			await expect.poll(() => visual().isChecked()).toBe(true);
			await expect.poll(() => total(page)).toBe(provinceVisual);
		}, 90_000);

		test('"Tải CSV" holds the filtered district rows and the filter', async () => {
			expect(await visual().isChecked()).toBe(true);
			const link = page
				.locator('section[aria-labelledby=table-h]')
				.getByRole('link', { name: 'Tải CSV' });
			expect(await link.getAttribute('download')).toMatch(/\.csv$/);
			const href = (await link.getAttribute('href'))!;
			expect(href).toMatch(/^data:text\/csv/);
			const csv = parseCsv(decodeURIComponent(href.slice(href.indexOf(',') + 1)));
			expect(csv.header).toContain('district_code');
			expect(csv.header).toContain('children');
			expect(csv.header).toContain('filters');
			const col = (name: string) => csv.header.indexOf(name);
			expect(csv.rows.length).toBe(10);
			// hidden cells are flagged, their value left empty
			const children = new Map(
				csv.rows.map((r) => [
					r[col('district_code')],
					r[col('children_suppressed')] === 'true'
						? 'hidden'
						: r[col('children')] === ''
							? NaN
							: Number(r[col('children')])
				])
			);
			expect(children).toEqual(cubeChildren('district', '3'));
			for (const r of csv.rows) {
				expect(r[col('year')]).toBe('2025');
				expect(r[col('filters')]).toContain('Khuyết tật nhìn');
			}
			expect(csv.comments.join(' ')).toContain('Dữ liệu minh họa');
		});

		test('a bad upload lists its errors by file, row and column, and changes nothing', async () => {
			const before = await total(page);
			const sent = opened.requests.length;
			const name = 'bao-cao-loi.csv';
			const text = [
				HEADER,
				'23404,Xã Ngọc Lây,2025,3,2,nam,6-10,dtts,4,2,1,1,0,0,1',
				'99999,,2025,3,2,nu,6-10,dtts,3,1,1,0,0,0,1',
				'23407,Xã Đắk Na,2025,3,1,nam,0-5,dtts,-2,0,0,0,0,0,0'
			].join('\n');
			await page
				.locator('input[data-testid=upload]')
				.setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
			const alert = page.locator('[role=alert]');
			await alert.waitFor();
			const errors = await alert.locator('li').allTextContents();
			expect(
				errors.some((e) => e.includes(`${name}, dòng 3, cột "commune_code"`) && e.includes('99999'))
			).toBe(true);
			expect(
				errors.some((e) => e.includes(`${name}, dòng 4, cột "children"`) && e.includes('-2'))
			).toBe(true);
			expect(errors.every((e) => e.startsWith(`${name}, dòng `))).toBe(true);
			expect(await page.locator('.banner').count()).toBe(0);
			expect(await total(page)).toBe(before);

			// Filters still work on the published data.
			await visual().uncheck();
			await expect.poll(() => total(page)).toBe(provinceAll);
			expect(params(page).has('disability_type')).toBe(false);

			const during = opened.requests.slice(sent);
			const origin = new URL(baseURL).origin;
			expect(during.filter((r) => r.method !== 'GET' || !r.url.startsWith(origin))).toEqual([]);
		});

		test('a valid upload replaces the data until "Quay lại dữ liệu đã công bố"', async () => {
			expect(await total(page)).toBe(provinceAll);
			const sent = opened.requests.length;
			const rows = [
				'23404,Xã Ngọc Lây,2025,1,2,nam,6-10,dtts,12,9,5,4,2,1,6',
				'23404,Xã Ngọc Lây,2025,3,3,nu,0-5,dtts,7,5,3,1,1,0,2',
				'23407,Xã Đắk Na,2025,2,1,nam,11-15,dtts,30,21,10,8,5,2,11',
				'23407,Xã Đắk Na,2025,5,2,nu,6-10,kinh,5,4,2,2,0,0,3'
			];
			const sum = rows.reduce((s, r) => s + Number(r.split(',')[8]), 0);
			await page.locator('input[data-testid=upload]').setInputFiles({
				name: 'children-2025-tu-mo-rong.csv',
				mimeType: 'text/csv',
				buffer: Buffer.from([HEADER, ...rows].join('\n'))
			});
			const banner = page.locator('.banner');
			await banner.waitFor();
			// the confirmation comes where the user is: by the upload control, announced, focused, in view
			const done = page.getByTestId('upload-done');
			await done.waitFor();
			expect(await done.textContent()).toContain('children-2025-tu-mo-rong.csv');
			expect(await done.evaluate((el) => el.closest('[role=status]') !== null)).toBe(true);
			await expect
				.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
				.toBe('upload-done');
			const viewport = page.viewportSize()!;
			await expect
				.poll(async () => {
					const box = (await done.boundingBox())!;
					return box.y >= 0 && box.y + box.height <= viewport.height;
				})
				.toBe(true);
			expect(await banner.textContent()).toContain('children-2025-tu-mo-rong.csv');
			expect(await page.locator('[role=alert]').count()).toBe(0);
			await expect.poll(() => total(page)).toBe(sum);
			// Only Tu Mơ Rông has children in the uploaded file.
			const byDistrict = await tableChildren(page);
			expect([...byDistrict].filter(([, n]) => n !== 0)).toEqual([['617', sum]]);

			const during = opened.requests.slice(sent);
			const origin = new URL(baseURL).origin;
			expect(during.filter((r) => r.method !== 'GET' || !r.url.startsWith(origin))).toEqual([]);

			await done.getByRole('button', { name: 'Quay lại dữ liệu đã công bố' }).click();
			await expect.poll(() => banner.count()).toBe(0);
			await expect.poll(() => total(page)).toBe(provinceAll);
			expect(await tableChildren(page)).toEqual(cubeChildren('district', 'all'));
		});

		test('nothing is requested from another origin, nothing is posted', () => {
			const origin = new URL(baseURL).origin;
			expect(
				opened.requests.filter(
					(r) =>
						r.method !== 'GET' || (!/^(data|blob):/.test(r.url) && new URL(r.url).origin !== origin)
				)
			).toEqual([]);
			expect(opened.foreignRequests).toEqual([]);
			expect(opened.consoleErrors).toEqual([]);
		});
	});
});
