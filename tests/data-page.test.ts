/** Data page (`/du-lieu/`): every published file listed and downloadable, dictionary, method. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser, openPage, runAxe } from './browser';
import { fetchHtml, staticDocument } from './feature';

const baseURL = inject('baseURL');
const buildDir = inject('buildDir');

type Lang = 'vi' | 'en';
interface ManifestFile {
	path: string;
	format: string;
	bytes: number;
	sha256: string;
}
interface Manifest {
	suppression: { minCount: number; maxCount: number; minDenominator: number };
	tables: {
		name: string;
		files: ManifestFile[];
		columns: { name: string; type: string; role: string; label: Record<Lang, string> }[];
	}[];
	files: ManifestFile[];
}
const manifest = JSON.parse(
	readFileSync(join(buildDir, 'data', 'manifest.json'), 'utf8')
) as Manifest;
const FILES = [...manifest.tables.flatMap((t) => t.files), ...manifest.files];
const LEGAL = ['3430/KH-UBND', '1438/QĐ-TTg'];
const PAGES: [string, Lang][] = [
	['du-lieu/', 'vi'],
	['en/du-lieu/', 'en']
];

/** A size as the page prints it: KB, one decimal under 10 KB, in the page's language. */
function formatSize(bytes: number, lang: Lang): string {
	const digits = bytes < 10240 ? 1 : 0;
	const n = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
		minimumFractionDigits: digits,
		maximumFractionDigits: digits
	}).format(bytes / 1024);
	return `${n} KB`;
}

/** The suppression rule in the page's words, with the manifest's thresholds. */
function suppressionText(lang: Lang): string[] {
	const { minCount, maxCount, minDenominator } = manifest.suppression;
	return lang === 'vi'
		? [`Số trẻ từ ${minCount} đến ${maxCount}`, `mẫu số dưới ${minDenominator}`]
		: [`Counts of ${minCount} to ${maxCount} children`, `denominator under ${minDenominator}`];
}

/** Text of the methodology section: `h2#phuong-phap` and everything after it up to the next h2. */
function methodology(page: Page): Promise<string> {
	return page.evaluate(() => {
		const heading = document.getElementById('phuong-phap');
		if (!heading) return '';
		const parts = [heading.textContent ?? ''];
		for (let el = heading.nextElementSibling; el && el.tagName !== 'H2';) {
			parts.push(el.textContent ?? '');
			el = el.nextElementSibling;
		}
		return parts.join(' ').replace(/\s+/g, ' ');
	});
}

describe('data page', () => {
	let browser: Browser;

	beforeAll(async () => {
		browser = await launchBrowser();
	});

	afterAll(async () => {
		await browser?.close();
	});

	test.each(PAGES)(
		'/%s lists every published file with its size, dictionary and method',
		async (path, lang) => {
			const { status, html } = await fetchHtml(baseURL, path);
			expect(status).toBe(200);
			const doc = await staticDocument(browser, html);
			try {
				const { page } = doc;
				expect(await page.getAttribute('html', 'lang')).toBe(lang);
				const listed = await page
					.locator('tr[data-file]')
					.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-file')));
				expect(listed.sort()).toEqual(FILES.map((f) => f.path).sort());
				for (const file of FILES) {
					const row = page.locator(`tr[data-file="${file.path}"]`);
					const cells = (await row.locator('th, td').allTextContents()).map((c) => c.trim());
					expect(cells, file.path).toContain(formatSize(file.bytes, lang));
					const link = row.locator('a[href]');
					expect(await link.count(), `${file.path} link`).toBe(1);
					expect((await link.textContent())?.trim()).toBe(file.path);
					expect(await link.getAttribute('download'), `${file.path} download`).not.toBeNull();
					expect(new URL((await link.getAttribute('href'))!, new URL(path, baseURL)).href).toBe(
						new URL(`data/${file.path}`, baseURL).href
					);
				}

				// Data dictionary: one block per table, a row per column, in the manifest's order.
				for (const table of manifest.tables) {
					const block = page.locator('details.dict').filter({
						has: page.locator('summary', { hasText: `${table.name}:` })
					});
					expect(await block.count(), `dictionary of ${table.name}`).toBe(1);
					const rows = await block
						.locator('tbody tr')
						.evaluateAll((trs) =>
							trs.map((tr) =>
								[...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())
							)
						);
					expect(rows, `columns of ${table.name}`).toEqual(
						table.columns.map((c) => [c.name, c.type, c.role, c.label[lang]])
					);
				}

				const method = await methodology(page);
				expect(method.length).toBeGreaterThan(0);
				for (const words of suppressionText(lang)) expect(method).toContain(words);
				for (const number of LEGAL) expect(method).toContain(number);
			} finally {
				await doc.close();
			}
		}
	);

	test('every listed link downloads the manifest’s exact bytes', async () => {
		const { html } = await fetchHtml(baseURL, 'du-lieu/');
		const doc = await staticDocument(browser, html);
		const hrefs = await doc.page
			.locator('tr[data-file] a[href]')
			.evaluateAll((links) =>
				links.map((a) => [a.closest('tr')!.getAttribute('data-file')!, a.getAttribute('href')!])
			);
		await doc.close();
		expect(hrefs.length).toBe(FILES.length);
		const problems: string[] = [];
		for (const [path, href] of hrefs) {
			const file = FILES.find((f) => f.path === path)!;
			const url = new URL(href, new URL('du-lieu/', baseURL));
			const response = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
			const body = Buffer.from(await response.arrayBuffer());
			const sha256 = createHash('sha256').update(body).digest('hex');
			if (response.status !== 200) problems.push(`${path}: HTTP ${response.status}`);
			if (body.length !== file.bytes) problems.push(`${path}: ${body.length} B, not ${file.bytes}`);
			if (sha256 !== file.sha256) problems.push(`${path}: sha256 ${sha256}, not ${file.sha256}`);
		}
		expect(problems).toEqual([]);
	});

	test('clicking a file link downloads it', async () => {
		const opened = await openPage(browser, new URL('du-lieu/', baseURL).href);
		try {
			const { page } = opened;
			const file = manifest.tables.find((t) => t.name === 'units')!.files[0];
			const [download] = await Promise.all([
				page.waitForEvent('download'),
				page.locator(`tr[data-file="${file.path}"] a`).click()
			]);
			expect(download.suggestedFilename()).toBe(file.path);
			const saved = await download.path();
			const sha256 = createHash('sha256').update(readFileSync(saved)).digest('hex');
			expect(sha256).toBe(file.sha256);
		} finally {
			await opened.close();
		}
	});

	test.each(PAGES)('/%s has no axe violation', async (path) => {
		const opened = await openPage(browser, new URL(path, baseURL).href);
		try {
			expect(opened.status).toBe(200);
			expect(opened.consoleErrors).toEqual([]);
			expect(opened.foreignRequests).toEqual([]);
			expect(await runAxe(opened.page)).toEqual([]);
			// The dictionary's tables are in closed <details>: open them, audit again.
			await opened.page
				.locator('details.dict')
				.evaluateAll((els) => els.forEach((d) => d.setAttribute('open', '')));
			expect(await runAxe(opened.page), 'axe, dictionary open').toEqual([]);
		} finally {
			await opened.close();
		}
	});
});
