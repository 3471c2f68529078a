/**
 * What each level publishes (the manifest's `protection.breakdownDepth`), as the pages say it:
 * the explorer shows "not published at this level" and no number for a view finer than its
 * level publishes, and the right figure for one it publishes; a commune's page says its
 * children by disability type are not published, its district's page shows them. Every figure
 * is checked against the build's own published CSV, read here on its own.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser, openPage, runAxe, type OpenedPage } from './browser';
import { explorerTableChildren, fetchHtml, readCube, readTable, staticDocument } from './feature';

const baseURL = inject('baseURL');
const buildDir = inject('buildDir');
const ENGINE_TIMEOUT = 60_000;

const manifest = JSON.parse(readFileSync(join(buildDir, 'data', 'manifest.json'), 'utf8')) as {
	protection: { breakdownDepth: Record<'province' | 'district' | 'commune', number> };
};
const cube = readCube(buildDir);
const units = readTable(buildDir, 'units');
const BREAKDOWNS = ['disability_type', 'severity', 'sex', 'age_band', 'ethnicity'];
const YEAR = String(Math.max(...cube.map((r) => Number(r.year))));
/**
 * The units a year's figures are keyed by: those in force on its last day (after the 2025 reform,
 * the new communes under the former districts; a code names a unit only with its era).
 */
const eraStarts = [...new Set(units.map((u) => String(u.valid_from ?? '')))].sort();
const unitsOf = (year: string) => {
	const from = eraStarts.filter((f) => f <= `${year}-12-31`).at(-1) ?? '';
	return units.filter((u) => String(u.valid_from ?? '') === from);
};
const yearUnits = unitsOf(YEAR);
/** A unit's name in a year's era (the explorer shows YEAR); the plan's first units for the old ones. */
const unitName = (code: string, rows = yearUnits) =>
	String(rows.find((u) => u.unit_code === code)!.name);
const firstUnits = units.filter((u) => String(u.valid_from ?? '') === eraStarts[0]);

/** The cube's cell for a unit and year with these breakdown categories, the rest 'all'. */
function cell(unit: string, year: string, cats: Record<string, string>) {
	const found = cube.filter(
		(r) =>
			r.unit_code === unit &&
			r.year === year &&
			BREAKDOWNS.every((b) => r[b] === (cats[b] ?? 'all'))
	);
	if (found.length > 1) throw new Error(`cube: ${found.length} rows for ${unit} ${year}`);
	const r = found[0];
	if (!r) return undefined;
	if (r.children_suppressed !== 'true' && r.children_suppressed !== 'false')
		throw new Error(`cube: ${unit} ${year} has no children_suppressed flag`);
	return r.children_suppressed === 'true' ? ('hidden' as const) : Number(r.children);
}

/** "Đã ẩn (<5)" → 'hidden', "1.234" → 1234, text without a digit → null */
function count(text: string | null): number | 'hidden' | null {
	const t = text ?? '';
	if (/Đã ẩn|Hidden/.test(t)) return 'hidden';
	const d = t.replace(/\D/g, '');
	return d === '' ? null : Number(d);
}

async function waitForView(page: Page, selection: RegExp): Promise<void> {
	await page.locator('p.engine[data-status=ready]').waitFor({ timeout: ENGINE_TIMEOUT });
	await expect
		.poll(() => page.locator('[data-testid=selection]').textContent(), { timeout: 15_000 })
		.toMatch(selection);
	await page.waitForFunction(
		() => document.querySelector('.views')?.getAttribute('aria-busy') === 'false'
	);
}
const totalText = (page: Page) => page.locator('[data-testid=total-children] strong').textContent();
/** Counts shown beside the options of each filter group, by legend, then by option code. */
function optionCounts(page: Page): Promise<Record<string, Record<string, string>>> {
	return page
		.locator('fieldset.filter')
		.evaluateAll((sets) =>
			Object.fromEntries(
				sets.map((set) => [
					set.querySelector('legend')!.textContent!.trim(),
					Object.fromEntries(
						[...set.querySelectorAll('label')].map((l) => [
							(l.querySelector('input') as HTMLInputElement).value,
							l.querySelector('.n')?.textContent ?? ''
						])
					)
				])
			)
		);
}

describe('breakdowns a level does not publish', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
	});

	test('the manifest publishes up to three breakdowns combined for the province, one for districts, totals for communes', () => {
		// the plan file's publication.breakdownDepth, as published: the cases below rely on it
		expect(manifest.protection.breakdownDepth).toEqual({ province: 3, district: 1, commune: 0 });
		// and the cube holds nothing finer (read independently of the site's code)
		const depthOf = (r: Record<string, string>) => BREAKDOWNS.filter((b) => r[b] !== 'all').length;
		for (const level of ['province', 'district', 'commune'] as const) {
			const rows = cube.filter((r) => r.level === level);
			expect(rows.length, level).toBeGreaterThan(0);
			expect(Math.max(...rows.map(depthOf)), level).toBe(manifest.protection.breakdownDepth[level]);
		}
	});

	describe('explorer', () => {
		let opened: OpenedPage | undefined;
		afterAll(async () => {
			await opened?.close();
		});
		const open = async (path: string) => {
			await opened?.close();
			opened = await openPage(browser, new URL(path, baseURL).href);
			return opened.page;
		};

		test('a district with two breakdown filters: "not published at this level", no number, the province answers it', async () => {
			const district = '617';
			const page = await open(`phan-tich/?district=${district}&sex=nam&ethnicity=dtts`);
			await waitForView(page, new RegExp(unitName(district)));

			expect(count(await totalText(page))).toBe(null);
			expect(await totalText(page)).toBe('Không công bố ở cấp này');
			const box = page.locator('[data-testid=not-published]').first();
			const text = await box.textContent();
			expect(text).toContain('Không công bố ở cấp huyện');
			expect(text).toContain('theo từng phân tổ một');
			expect(text).toContain('kết hợp 2 phân tổ (giới tính, dân tộc)');
			expect(text).toContain('Cấp tỉnh có công bố số liệu này.');
			const why = await box.getByRole('link', { name: 'Cách bảo vệ dữ liệu' }).getAttribute('href');
			expect(new URL(why!, page.url()).pathname).toBe('/du-lieu/');
			// no number anywhere for this selection: no bars, no table, no download, no option counts
			expect(await page.locator('.views .bar-list').count()).toBe(0);
			expect(await page.locator('[data-testid=explorer-table]').count()).toBe(0);
			expect(await page.getByRole('link', { name: 'Tải CSV' }).count()).toBe(0);
			expect(await page.getByRole('button', { name: 'Tải Parquet' }).count()).toBe(0);
			expect(await page.locator('fieldset.filter .n').count()).toBe(0);
			expect(await page.locator('.views svg').count()).toBe(0); // no trend chart
			expect(opened!.consoleErrors).toEqual([]);
			expect(await runAxe(page), 'axe, not published').toEqual([]);

			// The province publishes the combination: one press shows the cube's figure.
			await page.getByRole('button', { name: 'Xem cho toàn tỉnh' }).click();
			await expect.poll(() => new URL(page.url()).searchParams.has('district')).toBe(false);
			await waitForView(page, /Giới tính: Nam · Dân tộc: Dân tộc thiểu số · /);
			const province = cell('62', YEAR, { sex: 'nam', ethnicity: 'dtts' });
			expect(typeof province).toBe('number');
			await expect.poll(async () => count(await totalText(page))).toBe(province);
			// what is left unpublished: districts compared within the two breakdowns, nothing else
			expect(
				await page
					.locator('.views [data-testid=not-published][data-level]')
					.evaluateAll((els) => els.map((e) => e.getAttribute('data-level')))
			).toEqual(['district']);
			expect(await page.locator('[data-testid=explorer-table]').count()).toBe(0);
			// and the province is already shown: nothing to press there
			expect(await page.getByRole('button', { name: 'Xem cho toàn tỉnh' }).count()).toBe(0);
		}, 120_000);

		test('in English it says so too, and links to the English data page', async () => {
			const page = await open('en/phan-tich/?district=617&sex=nam&ethnicity=dtts');
			await waitForView(page, new RegExp(unitName('617')));
			expect(await totalText(page)).toBe('Not published at this level');
			const box = page.locator('[data-testid=not-published]').first();
			const text = await box.textContent();
			expect(text).toContain('Not published at district level');
			expect(text).toContain('combine 2 breakdowns (sex, ethnicity)');
			expect(text).toContain('They are published at province level.');
			const why = await box
				.getByRole('link', { name: 'How the data is protected' })
				.getAttribute('href');
			expect(new URL(why!, page.url()).pathname).toBe('/en/du-lieu/');
			expect(
				await page.getByRole('button', { name: 'See it for the whole province' }).count()
			).toBe(1);
		}, 120_000);

		test('a commune with a breakdown filter: not published, its district answers it; districts compared still are', async () => {
			// a commune of the year shown, in the district of old 23404
			const district = String(units.find((u) => u.unit_code === '23404')!.district_code);
			const commune = String(
				yearUnits.find((u) => u.level === 'commune' && u.district_code === district)!.unit_code
			);
			const page = await open(
				`phan-tich/?district=${district}&commune=${commune}&disability_type=3`
			);
			await waitForView(page, new RegExp(unitName(commune)));

			expect(await totalText(page)).toBe('Không công bố ở cấp này');
			const text = await page.locator('[data-testid=not-published]').first().textContent();
			expect(text).toContain('Không công bố ở cấp xã');
			expect(text).toContain('dưới dạng số tổng');
			expect(text).toContain('chia theo 1 phân tổ (dạng tật)');
			expect(text).toContain('Cấp huyện có công bố số liệu này.');
			// the communes' and the breakdowns' option counts are not published either
			const counts = await optionCounts(page);
			for (const [legend, byOption] of Object.entries(counts))
				if (legend !== 'Huyện') expect(Object.values(byOption).filter(Boolean), legend).toEqual([]);
			expect(Object.keys(counts[`Xã (${unitName(district)})`]).sort()).toEqual(
				yearUnits
					.filter((u) => u.level === 'commune' && u.district_code === district)
					.map((u) => String(u.unit_code))
					.sort()
			);
			// the districts' are (districts within one breakdown)
			for (const [code, n] of Object.entries(counts['Huyện']))
				expect(count(n), code).toBe(cell(code, YEAR, { disability_type: '3' }));
			// Districts compared within one breakdown are published: the cube's figures.
			const districts = yearUnits.filter((u) => u.level === 'district');
			const shown = await explorerTableChildren(
				page,
				districts.map((d) => ({ code: String(d.unit_code), name: String(d.name) }))
			);
			expect(shown.size).toBe(districts.length);
			for (const [code, n] of shown)
				expect(n, code).toBe(cell(code, YEAR, { disability_type: '3' }));

			// Its district publishes the figure: one press shows it.
			await page.getByRole('button', { name: `Xem cho ${unitName(district)}` }).click();
			await expect.poll(() => new URL(page.url()).searchParams.has('commune')).toBe(false);
			await waitForView(page, /Dạng tật: Khuyết tật nhìn · Huyện: /);
			await expect
				.poll(async () => count(await totalText(page)))
				.toBe(cell(district, YEAR, { disability_type: '3' }));
		}, 120_000);

		test('a published one-breakdown district view shows the cube figures, and a sum that touches a hidden cell stays hidden', async () => {
			// a district, a breakdown and two categories, read from the CSV
			const district = '608';
			const page = await open(`phan-tich/?district=${district}&age_band=0-5,6-10`);
			await waitForView(page, new RegExp(unitName(district)));
			const parts = ['0-5', '6-10'].map((a) => cell(district, YEAR, { age_band: a }));
			expect(parts.every((p) => p !== undefined)).toBe(true);
			const sum = parts.includes('hidden')
				? 'hidden'
				: (parts as number[]).reduce((a, b) => a + b, 0);
			await expect.poll(async () => count(await totalText(page))).toBe(sum);
			expect(await page.locator('[data-testid=not-published]').first().textContent()).toContain(
				'Không công bố ở cấp huyện'
			); // by disability type within an age filter: two breakdowns
			// the age bands beside their options: the district's one-breakdown cells
			const shown = (await optionCounts(page))['Nhóm tuổi'];
			for (const a of ['0-5', '6-10', '11-15'])
				expect(count(shown[a]), a).toBe(cell(district, YEAR, { age_band: a }));

			// one category: the cell itself
			const one = await open(`phan-tich/?district=${district}&sex=nu`);
			await waitForView(one, new RegExp(unitName(district)));
			const figure = cell(district, YEAR, { sex: 'nu' });
			expect(figure).not.toBe(undefined);
			await expect.poll(async () => count(await totalText(one))).toBe(figure);
			expect(opened!.consoleErrors).toEqual([]);
		}, 120_000);
	});

	describe('unit pages', () => {
		const typeRows = async (path: string) => {
			const doc = await staticDocument(browser, (await fetchHtml(baseURL, path)).html);
			try {
				const section = doc.page.locator('[data-testid=by-type]');
				return {
					message:
						(await section.locator('[data-testid=not-published]').count()) > 0
							? await section.locator('[data-testid=not-published]').textContent()
							: null,
					// hrefs as the browser resolves them from the page's address
					links: (
						await section
							.locator('a')
							.evaluateAll((as) => as.map((a) => [a.textContent!.trim(), a.getAttribute('href')!]))
					).map(([text, href]) => [text, new URL(href, new URL(path, baseURL)).pathname]),
					rows: await section
						.locator('tbody tr')
						.evaluateAll((trs) =>
							trs.map((tr) => [
								tr.querySelector('th')!.textContent!.trim(),
								tr.querySelector('td')!.textContent!.trim()
							])
						)
				};
			} finally {
				await doc.close();
			}
		};

		test("a commune's page says its children by disability type are not published, and links to its district", async () => {
			const commune = '23404';
			const district = String(units.find((u) => u.unit_code === commune)!.district_code);
			const vi = await typeRows(`/don-vi/${commune}/`);
			expect(vi.rows).toEqual([]);
			expect(vi.message).toContain('Không công bố ở cấp xã');
			expect(vi.message).toContain('chia theo 1 phân tổ (dạng tật)');
			expect(vi.links).toContainEqual([
				`Xem theo dạng tật ở ${unitName(district, firstUnits)}`,
				`/don-vi/${district}/`
			]);
			const en = await typeRows(`/en/don-vi/${commune}/`);
			expect(en.message).toContain('Not published at commune level');
			expect(en.links).toContainEqual([
				`See it by disability type for ${unitName(district, firstUnits)}`,
				`/en/don-vi/${district}/`
			]);
		});

		test("a district's page shows its children by disability type: the cube's figures", async () => {
			const district = '617';
			const page = await typeRows(`/don-vi/${district}/`);
			expect(page.message).toBe(null);
			const types = ['1', '2', '3', '4', '5', '6'];
			expect(page.rows.length).toBe(types.length);
			page.rows.forEach(([, n], i) =>
				expect(count(n), types[i]).toBe(cell(district, YEAR, { disability_type: types[i] }))
			);
		});

		test("the map's panel for a commune says the same", async () => {
			const o = await openPage(
				browser,
				new URL('ban-do/?year=2024&level=commune&unit=23404', baseURL).href
			);
			try {
				const panel = o.page.locator('section.panel[data-code="23404"]');
				await panel.waitFor({ timeout: 15_000 });
				expect(await panel.locator('[data-testid=not-published]').textContent()).toContain(
					'Không công bố ở cấp xã'
				);
				expect(await panel.locator('table', { hasText: 'Theo dạng tật' }).count()).toBe(0);
				expect(o.consoleErrors).toEqual([]);
			} finally {
				await o.close();
			}
		}, 60_000);
	});
});
