/**
 * `/phan-tich/` before DuckDB-WASM arrives (its .wasm request held back, never answered): a
 * view with one filter in one year is answered at once with the published cube's own figures
 * for exactly that selection; a view with two filters says it waits and shows no number; the
 * cube downloads meanwhile.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser } from './browser';
import { readCube, readTable, explorerTableChildren, shownCount } from './feature';

const baseURL = inject('baseURL');
const buildDir = inject('buildDir');
const PAGE = new URL('phan-tich/', baseURL).href;
const cube = readCube(buildDir);
const BREAKDOWNS = ['disability_type', 'severity', 'sex', 'age_band', 'ethnicity'];
const districts = readTable(buildDir, 'units')
	.filter((u) => u.level === 'district')
	.map((u) => ({ code: String(u.unit_code), name: String(u.name) }));

/** The cube's children per unit of a level, one year, one breakdown value (or none), rest 'all'. */
function cubeChildren(
	level: 'province' | 'district',
	year: string,
	only?: [string, string]
): Map<string, number | 'hidden'> {
	const out = new Map<string, number | 'hidden'>();
	for (const r of cube) {
		if (r.year !== year || r.level !== level) continue;
		if (!BREAKDOWNS.every((b) => r[b] === (only && only[0] === b ? only[1] : 'all'))) continue;
		if (r.children_suppressed !== 'true' && r.children_suppressed !== 'false')
			throw new Error(`cube: ${r.unit_code} has no children_suppressed flag`);
		out.set(r.unit_code, r.children_suppressed === 'true' ? 'hidden' : Number(r.children));
	}
	return out;
}

const total = (page: Page) =>
	page.locator('[data-testid=total-children] strong').textContent().then(shownCount);
const selection = (page: Page) => page.getByTestId('selection').textContent();

/** District code → children shown in the table (rows follow the district order). */
const tableChildren = (page: Page) => explorerTableChildren(page, districts);

describe('explorer before its engine arrives', () => {
	let browser: Browser;
	let context: BrowserContext;
	let wasmAsked = 0;

	beforeAll(async () => {
		browser = await launchBrowser();
		context = await browser.newContext({ serviceWorkers: 'block' });
		// the engine never arrives (a very slow connection): its request is held, never answered
		await context.route(/\.wasm(\?|$)/, () => {
			wasmAsked++;
		});
	});
	afterAll(async () => {
		await context?.close();
		await browser?.close();
	});

	const open = async (query: string) => {
		const page = await context.newPage();
		await page.goto(`${PAGE}${query}`, { waitUntil: 'load' });
		await page.locator('p.engine[data-status=loading]').waitFor();
		return page;
	};

	test('the cube has the cells the test reads', () => {
		const type5 = cubeChildren('province', '2025', ['disability_type', '5']).get('62');
		expect(typeof type5).toBe('number');
		expect(type5).not.toBe(cubeChildren('province', '2025').get('62'));
		expect(typeof cubeChildren('district', '2024').get('617')).toBe('number');
	});

	test('one disability type in 2025: the cube figures for exactly that selection', async () => {
		const page = await open('?disability_type=5&year=2025');
		const province = cubeChildren('province', '2025', ['disability_type', '5']).get('62');
		await expect.poll(() => total(page), { timeout: 15_000 }).toBe(province);
		expect(await selection(page)).toContain('Dạng tật');
		expect(await selection(page)).toContain('2025');
		expect(await tableChildren(page)).toEqual(
			cubeChildren('district', '2025', ['disability_type', '5'])
		);
		expect(await page.getByTestId('selection-waits').count()).toBe(0);
		// still before the engine, and the page says which views wait for it
		expect(await page.locator('p.engine').getAttribute('data-status')).toBe('loading');
		await expect.poll(() => wasmAsked, { timeout: 15_000 }).toBeGreaterThan(0);
		expect(await page.locator('p.engine').getAttribute('data-status')).toBe('loading');
		expect(await page.getByTestId('early-note').textContent()).toContain('nhiều bộ lọc hơn');
		await page.close();
	}, 60_000);

	test('on a phone the answer comes before the loading note, on the first screen', async () => {
		const page = await context.newPage();
		await page.setViewportSize({ width: 390, height: 844 });
		await page.goto(`${PAGE}?disability_type=5&year=2025`, { waitUntil: 'load' });
		await page.locator('p.engine[data-status=loading]').waitFor();
		const province = cubeChildren('province', '2025', ['disability_type', '5']).get('62');
		await expect.poll(() => total(page), { timeout: 15_000 }).toBe(province);
		const box = await page.getByTestId('summary').boundingBox();
		expect(box!.y + box!.height).toBeLessThanOrEqual(844);
		// the answer first, then how the engine is coming along
		const note = await page.locator('p.engine').boundingBox();
		expect(box!.y).toBeLessThan(note!.y);
		await page.close();
	}, 60_000);

	test('one district in 2024: the cube figures for that district and year', async () => {
		const page = await open('?district=617&year=2024');
		const district = cubeChildren('district', '2024').get('617');
		await expect.poll(() => total(page), { timeout: 15_000 }).toBe(district);
		const text = await selection(page);
		expect(text).toContain('Tu Mơ Rông');
		expect(text).toContain('2024');
		// the district table: every district's 2024 cell (the grouping sets its own filter aside)
		expect(await tableChildren(page)).toEqual(cubeChildren('district', '2024'));
		expect(await page.locator('p.engine').getAttribute('data-status')).toBe('loading');
		await page.close();
	}, 60_000);

	test('two filters wait for the engine: the notice, and no number', async () => {
		const page = await open('?disability_type=5&district=617&year=2024');
		const waits = page.getByTestId('selection-waits');
		await waits.waitFor({ timeout: 15_000 });
		const text = (await waits.textContent()) ?? '';
		for (const part of ['Khuyết tật trí tuệ', 'Huyện Tu Mơ Rông', '2024'])
			expect(text).toContain(part);
		expect(await page.locator('[data-testid=total-children]').count()).toBe(0);
		expect(await page.locator('[data-testid=explorer-table]').count()).toBe(0);
		expect(await page.locator('#results .bar-list, #results svg').count()).toBe(0);
		await page.close();
	}, 60_000);

	test('ticking a filter answers at once; a second filter waits', async () => {
		const page = await open('');
		await page.getByRole('checkbox', { name: /^Khuyết tật nhìn/ }).check();
		const visual = cubeChildren('province', '2025', ['disability_type', '3']).get('62');
		await expect.poll(() => total(page), { timeout: 15_000 }).toBe(visual);
		expect(new URL(page.url()).searchParams.get('disability_type')).toBe('3');
		// 2025's units: the district is named as its former area (the last name of its code)
		const glei = districts.find((d) => d.name === 'Huyện Đắk Glei')!.code;
		const gleiNow = districts.filter((d) => d.code === glei).at(-1)!.name;
		await page.getByRole('checkbox', { name: new RegExp(`^${gleiNow}`) }).check();
		await page.getByTestId('selection-waits').waitFor();
		expect(await page.locator('[data-testid=total-children]').count()).toBe(0);
		// back to one filter: answered again
		await page.getByRole('checkbox', { name: /^Khuyết tật nhìn/ }).uncheck();
		await expect
			.poll(() => total(page), { timeout: 15_000 })
			.toBe(cubeChildren('district', '2025').get(glei));
		await page.close();
	}, 60_000);

	test('the cube downloads while the engine does, not after it', async () => {
		const page = await context.newPage();
		const cubeAsked: string[] = [];
		page.on('request', (r) => {
			const name = new URL(r.url()).pathname.split('/').pop()!;
			if (name.startsWith('children_cube.')) cubeAsked.push(name);
		});
		const cubeArrived = page.waitForResponse((r) => /\/children_cube\.csv$/.test(r.url()), {
			timeout: 20_000
		});
		await page.goto(PAGE, { waitUntil: 'load' });
		// the engine's .wasm is held back, never answered: the cube came all the same
		expect((await cubeArrived).status()).toBe(200);
		await expect.poll(() => wasmAsked).toBeGreaterThan(0);
		expect(await page.locator('p.engine').getAttribute('data-status')).toBe('loading');
		expect(cubeAsked).toEqual(['children_cube.csv']);
		await page.close();
	});
});
