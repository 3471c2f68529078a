/**
 * Data page (`/du-lieu/`): every published file listed and downloadable, dictionary, method,
 * and the disclosure model with the rule, depths, shares and audit read from the manifest.
 */
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
	protection: {
		rule: { min: number; max: number; minDenominator: number };
		breakdownDepth: Record<Level, number>;
		cells: {
			table: string;
			cells: number;
			published: number;
			primary: number;
			secondary: number;
		}[];
		audit: {
			method: string;
			hiddenValues: number;
			smallGroups: number;
			disclosures: number;
			seconds: number;
		};
	};
	tables: {
		name: string;
		files: ManifestFile[];
		columns: {
			name: string;
			type: string;
			role: string;
			label: Record<Lang, string>;
			protected?: boolean;
			atMost?: string;
			numerator?: string;
			denominator?: string;
		}[];
	}[];
	files: ManifestFile[];
}
type Level = 'province' | 'district' | 'commune';
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

const number = (n: number, lang: Lang, digits = 0) =>
	new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
		minimumFractionDigits: digits,
		maximumFractionDigits: digits
	}).format(n);

/** A share of cells as the page prints it: one decimal, none when whole, never a false 0 or 100 %. */
function formatShare(part: number, whole: number, lang: Lang): string {
	const share = (part / whole) * 100;
	if (part > 0 && share < 0.05) return `< ${number(0.1, lang, 1)}%`;
	if (part < whole && share >= 99.95) return `> ${number(99.9, lang, 1)}%`;
	const rounded = Math.round(share * 10) / 10;
	return `${number(rounded, lang, Number.isInteger(rounded) ? 0 : 1)}%`;
}

/** The protection rule in the page's words, with the manifest's thresholds. */
function ruleText(lang: Lang): string[] {
	const { min, max, minDenominator } = manifest.protection.rule;
	return lang === 'vi'
		? [
				`Mọi số đếm người có giá trị từ ${min} đến ${max} đều bị ẩn`,
				`mẫu số nhỏ hơn ${minDenominator}`,
				`Mọi nhóm từ ${min} đến ${max} trẻ em`,
				`nhóm dưới ${max + 1} trẻ`
			]
		: [
				`Every count of ${min} to ${max} people is hidden`,
				`denominator is under ${minDenominator}`,
				`Every group of ${min} to ${max} children`,
				`group of fewer than ${max + 1} children`
			];
}

/** What a level publishes, in the page's words, for the manifest's depth (5 breakdowns). */
function depthText(depth: number, lang: Lang): string {
	const vi = lang === 'vi';
	if (depth <= 0) return vi ? 'chỉ có số tổng' : 'totals only';
	if (depth === 1) return vi ? 'từng tiêu chí phân tổ riêng lẻ' : 'one breakdown at a time';
	if (depth >= 5) return vi ? 'mọi tổ hợp của 5 tiêu chí phân tổ' : 'every combination of the 5';
	return vi ? `tối đa ${depth} tiêu chí` : `up to ${depth} breakdowns`;
}

/** The audit's figures the page must show (none before the audit has run), as it prints them. */
function auditText(lang: Lang): Record<string, string> {
	const a = manifest.protection.audit;
	if (a.method.trim() === '' && !(a.hiddenValues > 0) && !(a.seconds > 0)) return {};
	const figures: Record<string, string> = {
		hiddenValues: number(a.hiddenValues, lang),
		smallGroups: number(a.smallGroups, lang),
		disclosures: number(a.disclosures, lang)
	};
	if (a.method.trim() !== '') figures.method = a.method.trim();
	if (a.seconds >= 0.05)
		figures.seconds = `${number(a.seconds, lang, a.seconds < 10 ? 1 : 0)} ${lang === 'vi' ? 'giây' : 's'}`;
	return figures;
}

/** Text of a section: its h2 and everything after it up to the next h2. */
function section(page: Page, id: string): Promise<string> {
	return page.evaluate((id) => {
		const heading = document.getElementById(id);
		if (!heading) return '';
		const parts = [heading.textContent ?? ''];
		for (let el = heading.nextElementSibling; el && el.tagName !== 'H2';) {
			parts.push(el.textContent ?? '');
			el = el.nextElementSibling;
		}
		return parts.join(' ').replace(/\s+/g, ' ');
	}, id);
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

				// Data dictionary: one block per table, a row per column, in the manifest's order;
				// a fifth column states the public rules (≤, ÷) when the table's columns carry any.
				for (const table of manifest.tables) {
					const hasRules = table.columns.some(
						(c) => c.protected || c.atMost || (c.numerator && c.denominator)
					);
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
					expect(
						rows.map((r) => r.slice(0, 4)),
						`columns of ${table.name}`
					).toEqual(table.columns.map((c) => [c.name, c.type, c.role, c.label[lang]]));
					for (const [i, c] of table.columns.entries()) {
						expect(rows[i].length, `${table.name}.${c.name} cells`).toBe(hasRules ? 5 : 4);
						if (c.atMost) expect(rows[i][4]).toContain(`≤ ${c.atMost}`);
						if (c.numerator && c.denominator)
							expect(rows[i][4]).toContain(`${c.numerator} ÷ ${c.denominator}`);
					}
				}

				const method = await section(page, 'phuong-phap');
				expect(method.length).toBeGreaterThan(0);
				for (const number of LEGAL) expect(method).toContain(number);

				// Disclosure model and method: the rule, the depths, the shares and the audit, each
				// read from the manifest; a figure the manifest lacks is left out, never shown as 0.
				const protection = await section(page, 'bao-ve');
				expect(protection.length).toBeGreaterThan(0);
				expect(protection).not.toMatch(/NaN|undefined|null|Infinity/);
				for (const words of ruleText(lang)) expect(protection).toContain(words);
				for (const [level, depth] of Object.entries(manifest.protection.breakdownDepth)) {
					const dd = page.locator(`[data-level="${level}"] dd`);
					expect(await dd.count(), `depth of ${level}`).toBe(1);
					expect(await dd.textContent(), `depth of ${level}`).toContain(depthText(depth, lang));
				}
				const counted = manifest.protection.cells.filter((c) => c.cells > 0);
				expect(await page.locator('table.shares tbody tr').count()).toBe(counted.length);
				expect(await page.locator('[data-share-total]').count()).toBe(counted.length ? 1 : 0);
				for (const c of counted) {
					const share = page.locator(`tr[data-table="${c.table}"] [data-share]`);
					expect((await share.textContent())?.trim(), `share of ${c.table}`).toBe(
						formatShare(c.published, c.cells, lang)
					);
				}
				if (counted.length) {
					const sum = (k: 'cells' | 'published') => counted.reduce((s, c) => s + c[k], 0);
					expect(await page.locator('[data-share-total]').textContent()).toContain(
						formatShare(sum('published'), sum('cells'), lang)
					);
				}
				const audit = await page
					.locator('[data-audit]')
					.evaluateAll((els) =>
						Object.fromEntries(
							els.map((el) => [
								el.getAttribute('data-audit'),
								el.querySelector('dd')?.textContent?.trim()
							])
						)
					);
				expect(audit, 'audit figures').toEqual(auditText(lang));

				// Headings in order: one h1, and no level skipped on the way down.
				const levels = await page
					.locator('main h1, main h2, main h3, main h4')
					.evaluateAll((hs) => hs.map((h) => Number(h.tagName[1])));
				expect(levels[0]).toBe(1);
				for (let i = 1; i < levels.length; i++)
					expect(levels[i], `heading ${i}`).toBeLessThanOrEqual(levels[i - 1] + 1);
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

	test('the 2025 crosswalk is listed with its acts, and maps each of the 102 communes once', async () => {
		const { html } = await fetchHtml(baseURL, 'du-lieu/');
		const doc = await staticDocument(browser, html);
		const row = doc.page.locator('tr[data-file^="geo/crosswalk-"]');
		const text = (await row.textContent()) ?? '';
		const href = await row.locator('a[href]').getAttribute('href');
		await doc.close();
		expect(text).toContain('1677/NQ-UBTVQH15');
		expect(text).toContain('1027/CTK-CSCL');
		// the oracle: the communes of the unit list the site was built from
		const communes = readFileSync('data/geo/kontum-units.csv', 'utf8')
			.trim()
			.split('\n')
			.slice(1)
			.map((l) => l.split(','))
			.filter((c) => c[3] === 'commune')
			.map((c) => c[0]);
		expect(communes.length).toBe(102);
		const body = await (await fetch(new URL(href!, new URL('du-lieu/', baseURL)))).text();
		const lines = body.trim().split('\n');
		const header = lines[0].split(',');
		const rows = lines.slice(1).map((l) => l.split(','));
		const old = rows.map((r) => r[header.indexOf('old_code')]).sort();
		expect(old).toEqual([...communes].sort());
		expect(new Set(rows.map((r) => r[header.indexOf('new_code')])).size).toBe(40);
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
