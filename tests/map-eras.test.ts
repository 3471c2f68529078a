/**
 * Map page (`/ban-do/`) and its embed across the 2025 reform (issue 16): the year chosen decides
 * the units. 2018–2024: the 102 old communes under 10 districts; 2025: the 40 new units under
 * the former districts, with a note on the reform linking the crosswalk, and a list naming each
 * new unit's predecessors. A year's values join only its own era's units (new units reuse old
 * codes). Oracles: the published units.csv era rows, the boundary files and indicators.json
 * in build/data/, and the plan file (its reform label); never the page's own model.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser, openPage, runAxe, type OpenedPage } from './browser';
import {
	attributes,
	fetchHtml,
	params,
	parseCsv,
	readTable,
	staticDocument,
	until
} from './feature';

const baseURL = inject('baseURL');
const buildDir = inject('buildDir');

/** units.csv as published, one object per row */
const unitsCsv = (() => {
	const { header, rows } = parseCsv(readFileSync(join(buildDir, 'data/units.csv'), 'utf8'));
	return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
})();
const REFORM = '2025-07-01';
const oldRows = unitsCsv.filter((r) => r.valid_from === '' && r.valid_to === '2025-06-30');
const newRows = unitsCsv.filter((r) => r.valid_from === REFORM && r.valid_to === '');
const oldCommunes = oldRows.filter((r) => r.level === 'commune');
const newCommunes = newRows.filter((r) => r.level === 'commune');
const newAreas = newRows.filter((r) => r.level === 'district');
const nameIn = (rows: typeof unitsCsv) => new Map(rows.map((r) => [r.unit_code, r.name]));
const oldNames = nameIn(oldCommunes);
const newNames = nameIn(newCommunes);

/** feature codes and names of a published boundary file */
const geoFile = (file: string) =>
	(
		JSON.parse(readFileSync(join(buildDir, 'data/geo', file), 'utf8')) as {
			features: { properties: { code: string; name: string } }[];
		}
	).features.map((f) => f.properties);

const plan = JSON.parse(readFileSync('data/plans/kontum-3430.json', 'utf8')) as {
	geography: { reforms: { from: string; label: { vi: string; en: string } }[] };
};
const reform = plan.geography.reforms.find((r) => r.from === REFORM)!;

/** the network flag of a commune in a year, from indicators.json: the class its shape must have */
const indicators = readTable(buildDir, 'indicators');
const networkClass = (year: number, code: string) => {
	const r = indicators.find(
		(x) => x.year === year && x.level === 'commune' && x.unit_code === code
	);
	return r?.linked_network === 1 ? 'yes' : r?.linked_network === 0 ? 'no' : 'no_data';
};

/** SVG shapes as drawn: code, class and name (its <title>) */
const svgShapes = (page: Page) =>
	page.locator('svg.choropleth path[data-code]').evaluateAll((els) =>
		els.map((e) => ({
			code: e.getAttribute('data-code')!,
			cls: e.getAttribute('data-class'),
			title: e.querySelector('title')?.textContent ?? ''
		}))
	);
/** the unit list's rows: code, name and the "formed from" cell */
const listRows = (page: Page) =>
	page.locator('tr[data-code]').evaluateAll((els) =>
		els.map((e) => ({
			code: e.getAttribute('data-code')!,
			name: e.querySelector('.unit-button')?.textContent?.trim() ?? '',
			formedCodes: e.querySelector('.formed-from')?.getAttribute('data-codes') ?? null,
			formed: e.querySelector('.formed-from')?.textContent?.trim() ?? null
		}))
	);

/** What the 2025 map must show, checked on the SVG, the list and the note. */
async function expect2025(page: Page, path = '/ban-do/', lang: 'vi' | 'en' = 'vi') {
	const shapes = await svgShapes(page);
	expect(shapes.length).toBe(40);
	expect(shapes.map((s) => [s.code, s.title]).sort()).toEqual([...newNames.entries()].sort());
	// a 2025 value on each new unit; reused codes (23293 …) carry 2025's, not 2024's
	expect(shapes.filter((s) => s.cls !== networkClass(2025, s.code))).toEqual([]);
	// the district outlines are named as the former areas (units.csv's era-2 names)
	const labels = await page.locator('svg.choropleth g.labels text').allTextContents();
	expect(labels.sort()).toEqual(
		newAreas.map((a) => a.name.replace(/^Khu vực (thành phố|huyện) /, '')).sort()
	);
	const rows = await listRows(page);
	expect(rows.length).toBe(40);
	for (const r of rows) {
		const csv = newCommunes.find((c) => c.unit_code === r.code)!;
		expect(r.name, r.code).toBe(csv.name);
		// the crosswalk on the page: each new unit with its predecessors' old names
		const preds = csv.predecessor_codes.split(';');
		expect(r.formedCodes, r.code).toBe(preds.join(' '));
		expect(r.formed, r.code).toBe(preds.map((c) => oldNames.get(c)).join(', '));
	}
	const note = page.locator('[data-testid=reform-note]');
	expect(await note.count()).toBe(1);
	const text = (await note.textContent())!.replace(/\s+/g, ' ');
	expect(text).toContain(reform.label[lang]);
	expect(text).toContain(lang === 'vi' ? '01/07/2025' : '1 Jul 2025');
	// links are relative (the site may live under a path): resolved from the page's address
	const href = (await note.locator('a').getAttribute('href'))!;
	expect(new URL(href, new URL(path, baseURL)).pathname).toBe('/data/geo/crosswalk-2025-07-01.csv');
}

/** What a 2018–2024 map must show. */
async function expectOld(page: Page) {
	const shapes = await svgShapes(page);
	expect(shapes.length).toBe(102);
	expect(shapes.map((s) => [s.code, s.title]).sort()).toEqual([...oldNames.entries()].sort());
	const rows = await listRows(page);
	expect(rows.length).toBe(102);
	expect(rows.map((r) => [r.code, r.name]).sort()).toEqual([...oldNames.entries()].sort());
	expect(rows.every((r) => r.formed === null)).toBe(true);
	expect(await page.locator('[data-testid=reform-note]').count()).toBe(0);
	const labels = await page.locator('svg.choropleth g.labels text').allTextContents();
	expect(labels.some((l) => l.endsWith(' cũ'))).toBe(false);
}

/** The live map's commune source: its file, shapes, and the codes given a value. */
async function liveSource(map: Locator) {
	return {
		file: new URL((await map.getAttribute('data-communes')) || 'x:', baseURL).pathname,
		features: Number(await map.getAttribute('data-features')),
		joined: ((await map.getAttribute('data-joined')) ?? '').split(' ').filter(Boolean).sort()
	};
}

describe('map across the 2025 reform', () => {
	let browser: Browser;

	beforeAll(async () => {
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
	});

	test('the published oracle: 102 old communes, 40 new units, 10 former areas', () => {
		expect(oldCommunes.length).toBe(102);
		expect(newCommunes.length).toBe(40);
		expect(newAreas.length).toBe(10);
		expect(new Set(geoFile('communes-2025-07-01.geojson').map((p) => p.code))).toEqual(
			new Set(newNames.keys())
		);
		expect(new Set(geoFile('communes.geojson').map((p) => p.code))).toEqual(
			new Set(oldNames.keys())
		);
	});

	test('without JavaScript, /ban-do/ (2025, the latest year) draws the 40 new units and lists them with their predecessors', async () => {
		const { status, html } = await fetchHtml(baseURL, '/ban-do/');
		expect(status).toBe(200);
		const doc = await staticDocument(browser, html);
		try {
			await expect2025(doc.page);
		} finally {
			await doc.close();
		}
		// the crosswalk the note links is published
		const res = await fetch(new URL('data/geo/crosswalk-2025-07-01.csv', baseURL));
		expect(res.status).toBe(200);
	});

	test('the embed shows 2025 on the 40 new units, with the note', async () => {
		const { html } = await fetchHtml(baseURL, '/embed/ban-do/');
		const doc = await staticDocument(browser, html);
		try {
			const shapes = await svgShapes(doc.page);
			expect(shapes.map((s) => [s.code, s.title]).sort()).toEqual([...newNames.entries()].sort());
			expect(shapes.filter((s) => s.cls !== networkClass(2025, s.code))).toEqual([]);
			expect(await doc.page.locator('[data-testid=reform-note]').textContent()).toContain(
				reform.label.vi
			);
		} finally {
			await doc.close();
		}
	});

	describe('with JavaScript, switching years', () => {
		let opened: OpenedPage;
		let page: Page;

		beforeAll(async () => {
			opened = await openPage(browser, new URL('ban-do/?year=2024', baseURL).href, {
				viewport: { width: 1366, height: 900 },
				settleMs: 8000
			});
			page = opened.page;
			await page.locator('.maplibre.ready canvas').waitFor({ timeout: 45_000 });
		});
		afterAll(async () => {
			await opened?.close();
		});

		test('2024: the 102 old communes, on the SVG, in the list and in MapLibre’s source', async () => {
			await expect.poll(() => page.locator('tr[data-code]').count()).toBe(102);
			await expectOld(page);
			const shapes = await svgShapes(page);
			expect(shapes.filter((s) => s.cls !== networkClass(2024, s.code))).toEqual([]);
			const map = page.locator('.maplibre.ready');
			await expect
				.poll(async () => (await liveSource(map)).file)
				.toBe('/data/geo/communes.geojson');
			const src = await liveSource(map);
			expect(src.features).toBe(102);
			expect(src.joined).toEqual([...oldNames.keys()].sort());
			expect(await runAxe(page)).toEqual([]);
		});

		test('a unit chosen in 2024 is not carried to 2025 under its reused code', async () => {
			// 23293 was Phường Thắng Lợi; in 2025 the code names Phường Kon Tum
			expect(oldNames.get('23293')).not.toBe(newNames.get('23293'));
			await page.locator('tr[data-code="23293"] .unit-button').click();
			await expect
				.poll(() => page.locator('section.panel h2').textContent())
				.toBe(oldNames.get('23293'));
			// its trend spans its own era only: 2018–2024, no 2025 row
			const years = await page
				.locator('section.panel table tbody th')
				.allTextContents()
				.then((ys) => ys.filter((y) => /^\d{4}$/.test(y.trim())));
			expect(years.map(Number)).toEqual([2018, 2019, 2020, 2021, 2022, 2023, 2024]);
			expect(params(page).get('unit')).toBe('23293');
		});

		test('2025: the 40 new units everywhere, the old ones gone from MapLibre’s join', async () => {
			const year = page.getByRole('combobox', { name: /^Năm/ });
			await until(
				() => year.selectOption('2025'),
				() => page.locator('tr[data-code]').count(),
				40
			);
			await expect2025(page);
			// the chosen old unit's panel closed: no 2025 figure under Phường Thắng Lợi
			expect(await page.locator('section.panel').count()).toBe(0);
			expect(params(page).has('unit')).toBe(false);
			const map = page.locator('.maplibre.ready');
			await expect
				.poll(async () => (await liveSource(map)).file, { timeout: 20_000 })
				.toBe('/data/geo/communes-2025-07-01.geojson');
			await expect.poll(async () => (await liveSource(map)).joined.length).toBe(40);
			const src = await liveSource(map);
			expect(src.features).toBe(40);
			expect(src.joined).toEqual([...newNames.keys()].sort());
			// the level switch names the former districts; its list, their era-2 names
			await page.getByRole('button', { name: 'Khu vực huyện cũ', exact: true }).click();
			await expect.poll(() => page.locator('tr[data-code]').count()).toBe(10);
			expect((await listRows(page)).map((r) => r.name).sort()).toEqual(
				newAreas.map((a) => a.name).sort()
			);
			expect(await runAxe(page)).toEqual([]);
			await page.getByRole('button', { name: 'Xã', exact: true }).click();
			await expect.poll(() => page.locator('tr[data-code]').count()).toBe(40);
		});

		test('the tooltip of a 2025 commune names a new unit', async () => {
			const canvas = page.locator('.maplibre.ready canvas');
			const box = (await canvas.boundingBox())!;
			const tip = page.locator('.tooltip');
			let named = '';
			for (const [fx, fy] of [
				[0.5, 0.3],
				[0.45, 0.5],
				[0.55, 0.4]
			]) {
				await page.mouse.move(box.x + box.width * fx, Math.min(box.y + box.height * fy, 880));
				if (await tip.isVisible()) {
					named = (await tip.locator('strong').textContent())!.trim();
					break;
				}
			}
			expect([...newNames.values()]).toContain(named);
			await page.mouse.move(0, 0);
		});

		test('back to 2019: the old units again, and the old source', async () => {
			const year = page.getByRole('combobox', { name: /^Năm/ });
			await until(
				() => year.selectOption('2019'),
				() => page.locator('tr[data-code]').count(),
				102
			);
			await expectOld(page);
			const map = page.locator('.maplibre.ready');
			await expect
				.poll(async () => (await liveSource(map)).file)
				.toBe('/data/geo/communes.geojson');
			expect((await liveSource(map)).joined).toEqual([...oldNames.keys()].sort());
			expect(opened.foreignRequests).toEqual([]);
			expect(opened.consoleErrors).toEqual([]);
		});
	});

	test('in English, the 2025 note comes from the dictionary and the plan’s English label', async () => {
		const { html } = await fetchHtml(baseURL, '/en/ban-do/');
		const doc = await staticDocument(browser, html);
		try {
			const note = (await doc.page.locator('[data-testid=reform-note]').textContent())!;
			expect(note.replace(/\s+/g, ' ')).toContain(
				`The units changed on 1 Jul 2025: ${reform.label.en}`
			);
			const hrefs = await attributes(doc.page.locator('[data-testid=reform-note] a'), 'href');
			expect(hrefs.map((h) => new URL(h ?? '', new URL('/en/ban-do/', baseURL)).pathname)).toEqual([
				'/data/geo/crosswalk-2025-07-01.csv'
			]);
		} finally {
			await doc.close();
		}
	});
});
