/**
 * The explorers of the other plans (/ke-hoach/<id>/phan-tich/): each answers in vi and en with
 * no console error, no request to another origin and nothing for axe; on two plans the table is
 * checked cell by cell against the published cube JSON read here in Node (an independent
 * reading of contract §3: the row of exactly that combination, `_suppressed` → "Đã ẩn", a rate
 * only from two published counts with a denominator ≥ minDenominator), after filters changed by
 * keyboard; the CSV download holds the same cells; a shared address restores a view.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser, runAxe } from './browser';
import { parseCsv } from './feature';
import {
	expectedCell,
	number,
	percent,
	unitsOf,
	WORDS,
	type Lang,
	type PlanJson,
	type View
} from './plan-explorer-oracle';

const baseURL = inject('baseURL');
const buildDir = inject('buildDir');
const origin = new URL(baseURL).origin;

const plans = readdirSync('data/plans')
	.filter((f) => f.endsWith('.json'))
	.map((f) => JSON.parse(readFileSync(join('data/plans', f), 'utf8')) as PlanJson);
const folder = (id: string) => join(buildDir, 'plan-data', id);
const explored = plans.filter(
	(p) =>
		existsSync(join(folder(p.id), 'manifest.json')) && existsSync(join(buildDir, 'ke-hoach', p.id))
);
const prefix = (lang: Lang) => (lang === 'vi' ? '' : 'en/');

async function shownView(page: Page): Promise<View> {
	const t = page.locator('table.explore-table');
	const a = async (n: string) => (await t.getAttribute(n)) ?? '';
	return {
		choice: await a('data-choice'),
		year: Number(await a('data-year')),
		level: await a('data-level'),
		split: await a('data-split'),
		filters: Object.fromEntries(new URLSearchParams(await a('data-filters')))
	};
}

/** Every cell of the table shown against the oracle; returns how many read "hidden". */
async function checkTable(page: Page, plan: PlanJson, lang: Lang): Promise<number> {
	const v = await shownView(page);
	const cells = await page.locator('table.explore-table tbody td').evaluateAll((tds) =>
		tds.map((td) => ({
			unit: td.getAttribute('data-unit')!,
			category: td.getAttribute('data-category')!,
			text: td.querySelector('.value')!.textContent!.trim()
		}))
	);
	const units = [...new Set(cells.map((c) => c.unit))].sort();
	expect(units, `${plan.id}: rows`).toEqual(unitsOf(folder(plan.id), v.level, v.year));
	for (const c of cells)
		expect(c.text, `${plan.id} ${JSON.stringify(v)} ${c.unit} ${c.category}`).toBe(
			expectedCell(plan, folder(plan.id), v, c.unit, c.category === 'all' ? null : c.category, lang)
		);
	return cells.filter((c) => c.text === WORDS.hidden[lang]).length;
}

const statusWord: Record<string, keyof typeof WORDS> = {
	hidden: 'hidden',
	small_denominator: 'small',
	not_published: 'notPublished',
	missing: 'missing'
};

/** Downloads the result's CSV; each line against the oracle; returns its lines. */
async function checkCsv(page: Page, plan: PlanJson, button: string): Promise<string[][]> {
	const v = await shownView(page);
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: button }).click()
	]);
	const text = readFileSync((await download.path())!, 'utf8');
	expect(text.startsWith('\uFEFF# DỮ LIỆU MINH HỌA')).toBe(true);
	const { header, rows } = parseCsv(text);
	const at = (r: string[], c: string) => r[header.indexOf(c)];
	expect(header.slice(0, 4)).toEqual(['year', 'level', 'unit_code', 'unit_name']);
	const rate = v.choice.startsWith('r:');
	const cells = await page.locator('table.explore-table tbody td').count();
	expect(rows.length, 'one line per cell of the table').toBe(cells);
	for (const r of rows) {
		const [value, status] = [at(r, 'value'), at(r, 'status')];
		const read =
			status === 'value'
				? rate
					? percent(Number(value), 'en')
					: number(Number(value), 'en')
				: WORDS[statusWord[status]].en;
		const category = v.split && at(r, v.split) !== 'all' ? at(r, v.split) : null;
		expect(read, r.join(',')).toBe(
			expectedCell(plan, folder(plan.id), v, at(r, 'unit_code'), category, 'en')
		);
		for (const [b, c] of Object.entries(v.filters)) expect(at(r, b)).toBe(c);
	}
	return rows;
}

describe('plan explorers', () => {
	let browser: Browser;
	let context: BrowserContext;
	const foreign: string[] = [];

	beforeAll(async () => {
		browser = await launchBrowser();
		context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
		await context.route(
			(u) => u.origin !== origin && !u.href.startsWith('data:') && !u.href.startsWith('blob:'),
			(route) => (foreign.push(route.request().url()), route.abort('blockedbyclient'))
		);
	});
	afterAll(async () => {
		await browser?.close();
	});

	async function visit(path: string) {
		const page = await context.newPage();
		const errors: string[] = [];
		page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
		page.on('pageerror', (e) => errors.push(e.message));
		const response = await page.goto(new URL(path, baseURL).href, { waitUntil: 'load' });
		// the controls unlock once the page has hydrated
		await page.locator('fieldset:not([disabled])').waitFor();
		return { page, errors, status: response?.status() ?? 0 };
	}

	/** Moves a select one option down by keyboard and waits for the table of the new view. */
	async function keyDown(page: Page, select: string, wait: string) {
		await page.locator(select).focus();
		await page.keyboard.press('ArrowDown');
		await page.locator(`table.explore-table${wait}`).waitFor();
	}

	test('there are explorers to visit', () => {
		expect(explored.length).toBeGreaterThanOrEqual(2);
	});

	const pages = (['vi', 'en'] as Lang[]).flatMap((lang) =>
		explored.map((p) => [`${prefix(lang)}ke-hoach/${p.id}/phan-tich/`, p, lang] as const)
	);
	test.each(pages)(
		'%s: default view against the cube, axe, nothing foreign',
		async (path, plan, lang) => {
			const before = foreign.length;
			const { page, errors, status } = await visit(path);
			try {
				expect(status).toBe(200);
				// the page hydrates: its HTML (page data included) names no other plan
				const html = await (await context.request.get(new URL(path, baseURL).href)).text();
				expect(html).not.toContain('Kon Tum');
				// the plan's nav links here, marked as the page shown
				expect(await page.locator('.plan-nav a[aria-current="page"]').getAttribute('href')).toMatch(
					/phan-tich\/$/
				);
				await checkTable(page, plan, lang);
				expect.soft(await runAxe(page), 'axe violations').toEqual([]);
				expect.soft(errors, 'console errors').toEqual([]);
				expect.soft(foreign.slice(before), 'requests to other origins').toEqual([]);
			} finally {
				await page.close();
			}
		}
	);

	test('Hưng Yên: circumstance, sex and the commune level by keyboard, the CSV of the result', async () => {
		const plan = plans.find((p) => p.id === 'hungyen-647')!;
		const before = foreign.length;
		const { page, errors } = await visit(`ke-hoach/${plan.id}/phan-tich/`);
		try {
			expect(await shownView(page)).toMatchObject({ choice: 'r:assisted', split: 'circumstance' });
			// columns: circumstance → sex
			await keyDown(page, 'select[name="s"]', '[data-split="sex"]');
			expect(new URL(page.url()).searchParams.get('s')).toBe('sex');
			await checkTable(page, plan, 'vi');
			// a count rather than the rate, then one level down: communes publish totals only
			await page.locator('select[name="m"]').selectOption('m:csec');
			await page.locator('table.explore-table[data-choice="m:csec"]').waitFor();
			await keyDown(page, 'select[name="l"]', '[data-level="commune"]');
			await expect.poll(() => page.getByTestId('dropped').textContent()).toContain('Giới tính');
			// the commune totals: every row and cell against the cube
			await checkTable(page, plan, 'vi');
			expect(errors).toEqual([]);
			expect(foreign.slice(before)).toEqual([]);
		} finally {
			await page.close();
		}
	});

	test('Lạng Sơn (vi): hidden cells read "Đã ẩn" with the reason', async () => {
		const plan = plans.find((p) => p.id === 'langson-city-2024')!;
		const { page, errors } = await visit(
			`ke-hoach/${plan.id}/phan-tich/?m=r%3Asurgery&s=condition`
		);
		try {
			await page.locator('table.explore-table[data-split="condition"]').waitFor();
			expect(await checkTable(page, plan, 'vi')).toBeGreaterThan(0);
			expect(await page.getByTestId('explore-notes').textContent()).toContain(
				'Đã ẩn: nhóm từ 1 đến 4 người'
			);
			// outside a group: children screened without an eye condition, restored from the address
			await page.goto(
				new URL(`ke-hoach/${plan.id}/phan-tich/?m=m%3Ascreened&s=&f.condition=!eye`, baseURL).href
			);
			await page.locator('table.explore-table[data-filters="condition=%21eye"]').waitFor();
			expect(await page.locator('select[name="f.condition"] option:checked').textContent()).toMatch(
				/^không có /
			);
			await checkTable(page, plan, 'vi');
			expect(errors).toEqual([]);
		} finally {
			await page.close();
		}
	});

	test('Lạng Sơn (en): a shared address restores the surgery rate by condition; a sex filter by keyboard', async () => {
		const plan = plans.find((p) => p.id === 'langson-city-2024')!;
		const before = foreign.length;
		const { page, errors } = await visit(
			`en/ke-hoach/${plan.id}/phan-tich/?m=r%3Asurgery&s=condition`
		);
		try {
			await page
				.locator('table.explore-table[data-choice="r:surgery"][data-split="condition"]')
				.waitFor();
			expect(await checkTable(page, plan, 'en')).toBeGreaterThan(0);
			await keyDown(page, 'select[name="f.sex"]', '[data-filters="sex=nam"]');
			expect(new URL(page.url()).searchParams.get('f.sex')).toBe('nam');
			await checkTable(page, plan, 'en');
			const lines = await checkCsv(page, plan, 'Download the result (CSV)');
			expect(lines.some((r) => r.at(-1) === 'hidden')).toBe(true);
			expect(await runAxe(page)).toEqual([]);
			expect(errors).toEqual([]);
			expect(foreign.slice(before)).toEqual([]);
		} finally {
			await page.close();
		}
	});
});
