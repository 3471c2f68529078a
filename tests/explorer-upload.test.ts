/**
 * The explorer's upload (`/phan-tich/`) under large and broken files: checked in a worker with
 * progress and a working cancel while the page keeps drawing frames, refused before reading past
 * the size limit, its error list capped with values cut short; a good file still loads.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser, openPage, runAxe, type OpenedPage } from './browser';

const baseURL = inject('baseURL');
const ENGINE_TIMEOUT = 60_000;
/** The limit the page states (10 MB): hand-set here, not read from the code under test. */
const LIMIT = 10 * 1024 * 1024;

const HEADER =
	'commune_code,commune_name,year,disability_type,severity,sex,age_band,ethnicity,children,accessed,accessed_health,accessed_education,accessed_social,accessed_protection,skills';
const ROWS = [
	'23404,Xã Ngọc Lây,2024,1,2,nam,6-10,dtts,12,9,5,4,2,1,6',
	'23404,Xã Ngọc Lây,2024,3,3,nu,0-5,dtts,7,5,3,1,1,0,2',
	'23407,Xã Đắk Na,2024,2,1,nam,11-15,dtts,30,21,10,8,5,2,11',
	'23407,Xã Đắk Na,2024,5,2,nu,6-10,kinh,5,4,2,2,0,0,3'
];

/** A report of `bytes` or a little less: the four rows again and again (each repeat a duplicate). */
function repeated(bytes: number): string {
	const lines = [HEADER];
	let size = HEADER.length + 1;
	for (let i = 0; ; i++) {
		const row = ROWS[i % ROWS.length];
		const next = Buffer.byteLength(row) + 1;
		if (size + next > bytes) break;
		lines.push(row);
		size += next;
	}
	return lines.join('\n') + '\n';
}

const dir = mkdtempSync(join(tmpdir(), 'tekt-upload-'));
function file(name: string, text: string): string {
	const path = join(dir, name);
	writeFileSync(path, text);
	return path;
}

const upload = (page: Page) => page.locator('input[data-testid=upload]');
const status = (page: Page) => page.getByTestId('upload-status');
const workerRequests = (opened: OpenedPage) =>
	opened.requests.filter((r) => /upload\.worker/.test(r.url)).length;

describe('explorer upload', () => {
	let browser: Browser;
	let opened: OpenedPage;
	let page: Page;

	beforeAll(async () => {
		browser = await launchBrowser();
		opened = await openPage(browser, new URL('phan-tich/', baseURL).href);
		page = opened.page;
	});

	afterAll(async () => {
		await opened?.close();
		await browser?.close();
		rmSync(dir, { recursive: true, force: true });
	});

	test('a file over 10 MB is refused with the limit before any of it is read', async () => {
		const name = 'qua-lon.csv';
		await upload(page).setInputFiles(file(name, repeated(LIMIT + 1) + 'x'.repeat(100)));
		const alert = page.locator('[role=alert]');
		await alert.waitFor();
		const text = (await alert.textContent()) ?? '';
		expect(text).toContain(`${name} nặng 10,0 MB, quá giới hạn 10 MB mỗi tệp`);
		expect(text).toContain('chia tệp');
		// not read at all: no worker was started, no progress shown
		expect(workerRequests(opened)).toBe(0);
		expect(await page.getByTestId('upload-progress').count()).toBe(0);
		expect(await page.locator('p.muted', { hasText: 'Tối đa 10 MB mỗi tệp.' }).count()).toBe(1);
	});

	test('large files show their progress and can be cancelled while the page keeps drawing', async () => {
		const paths = ['lon-1.csv', 'lon-2.csv', 'lon-3.csv'].map((n) =>
			file(n, repeated(LIMIT - 1024))
		);
		// frames drawn: a page frozen by the check would draw none
		await page.evaluate(() => {
			const w = window as unknown as { frames_: number };
			w.frames_ = 0;
			const tick = () => {
				w.frames_++;
				requestAnimationFrame(tick);
			};
			requestAnimationFrame(tick);
		});
		const frames = () => page.evaluate(() => (window as unknown as { frames_: number }).frames_);
		await upload(page).setInputFiles(paths);
		expect(await status(page).getAttribute('role')).toBe('status');
		expect(await status(page).getAttribute('aria-live')).toBe('polite');
		// the rows of the first file are being checked
		// reading 10 MB comes first: the check starts within seconds, not within the poll's default 1 s
		await expect
			.poll(() => status(page).textContent(), { timeout: 15_000 })
			.toMatch(/Đang kiểm tra lon-1\.csv \(tệp 1\/3\): \d+%/);
		const progress = page.getByTestId('upload-progress');
		const value = () => progress.evaluate((p) => (p as HTMLProgressElement).value);
		const at = { frames: await frames(), value: await value() };
		expect(at.value).toBeGreaterThan(0);
		// while the worker goes on, the page draws frames and the bar moves
		await expect.poll(frames).toBeGreaterThan(at.frames + 5);
		await expect.poll(value).toBeGreaterThan(at.value);
		expect(await value()).toBeLessThan(1);

		await page.getByRole('button', { name: 'Hủy kiểm tra' }).click();
		await expect
			.poll(() => status(page).textContent())
			.toContain('Đã hủy kiểm tra tệp. Trang vẫn hiển thị dữ liệu như trước.');
		expect(await progress.count()).toBe(0);
		expect(await page.locator('[role=alert]').count()).toBe(0);
		expect(await page.locator('.banner').count()).toBe(0);
		// focus lands on the file control, not lost on the page
		expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
			'upload'
		);
	}, 90_000);

	test('an unclosed quote gets one short message; a file of errors lists 50 and counts the rest', async () => {
		// an unclosed quote on row 3 swallows the 2 MB that follow into one cell
		const quoted = repeated(2 * 1024 * 1024).replace(
			`\n${ROWS[1]}\n`,
			`\n${ROWS[1].replace('Xã Ngọc Lây', '"Xã Ngọc Lây')}\n`
		);
		// 200 rows, 199 of them repeat a key
		const dups = [HEADER, ...Array.from({ length: 200 }, () => ROWS[0])].join('\n');
		await upload(page).setInputFiles([file('ngoac-kep.csv', quoted), file('trung.csv', dups)]);
		const alert = page.locator('[role=alert]');
		await alert.waitFor({ timeout: 30_000 });
		const items = await alert.locator('li').allTextContents();
		const quote = items.filter((i) => i.startsWith('ngoac-kep.csv'));
		expect(quote.length).toBe(1);
		expect(quote[0]).toContain('ngoac-kep.csv, dòng 3');
		expect(quote[0].length).toBeLessThan(400);
		expect(quote[0]).toContain('…');
		const dup = items.filter((i) => i.startsWith('trung.csv'));
		expect(dup.length).toBe(51);
		expect(dup.slice(0, 50).every((i) => i.startsWith('trung.csv, dòng '))).toBe(true);
		expect(dup[0]).toContain('trung.csv, dòng 3,');
		expect(dup[50]).toContain('trung.csv: và 149 lỗi khác (chỉ liệt kê 50 lỗi đầu)');
		// the whole list reads in a page, not megabytes
		expect(((await alert.textContent()) ?? '').length).toBeLessThan(20_000);
		expect(await page.locator('.banner').count()).toBe(0);
		expect(await runAxe(page), 'axe, upload errors listed').toEqual([]);
	}, 60_000);

	test(
		'after all that, a good file still loads',
		async () => {
			const sum = ROWS.reduce((s, r) => s + Number(r.split(',')[8]), 0);
			await upload(page).setInputFiles(file('tot.csv', [HEADER, ...ROWS].join('\n')));
			const done = page.getByTestId('upload-done');
			await done.waitFor({ timeout: ENGINE_TIMEOUT });
			expect(await done.textContent()).toContain('tot.csv');
			expect(await page.locator('[role=alert]').count()).toBe(0);
			await expect
				.poll(() =>
					page
						.locator('[data-testid=total-children] strong')
						.textContent()
						.then((t) => Number((t ?? '').replace(/\D/g, '')))
				)
				.toBe(sum);
			expect(opened.consoleErrors).toEqual([]);
			expect(opened.foreignRequests).toEqual([]);
		},
		ENGINE_TIMEOUT + 10_000
	);

	test('in English, the limit and the refusal', async () => {
		const en = await openPage(browser, new URL('en/phan-tich/', baseURL).href);
		try {
			await upload(en.page).setInputFiles(file('too-big.csv', repeated(LIMIT + 200_000)));
			const alert = en.page.locator('[role=alert]');
			await alert.waitFor();
			expect(await alert.textContent()).toContain(
				'too-big.csv is 10.2 MB, over the limit of 10 MB per file, so it was not read.'
			);
			expect(await en.page.getByText('At most 10 MB per file.').count()).toBe(1);
		} finally {
			await en.close();
		}
	});
});
