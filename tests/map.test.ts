/** Map page (`/ban-do/`): SVG and MapLibre maps, unit list and search, URL state, unit pages. */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser, openPage, type OpenedPage } from './browser';
import {
	attributes,
	fetchHtml,
	params,
	pngStats,
	readTable,
	staticDocument,
	until
} from './feature';

const baseURL = inject('baseURL');
const buildDir = inject('buildDir');

const units = readTable(buildDir, 'units');
/** the units of 2018–2024 (the first era: valid until the 2025 reform) */
const oldUnits = units.filter((u) => (u.valid_from ?? '') === '');
const districts = oldUnits.filter((u) => u.level === 'district');
const communes = oldUnits.filter((u) => u.level === 'commune');
/** the 40 units of 2025 (the era from 2025-07-01): the latest year, the page's default */
const newCommunes = units.filter((u) => u.valid_from === '2025-07-01' && u.level === 'commune');
const indicators = readTable(buildDir, 'indicators');

/**
 * Communes counted in `year`, from the published table: services maintained in 2018–2020, a
 * linked network from 2021 (3430 asks one, then the other).
 */
function networkCount(year: number): number {
	const flag = year <= 2020 ? 'services_maintained' : 'linked_network';
	return indicators.filter((r) => r.level === 'commune' && r.year === year && r[flag] === 1).length;
}

/** '#08519c' → [8, 81, 156] */
const rgb = (hex: string): [number, number, number] => [
	parseInt(hex.slice(1, 3), 16),
	parseInt(hex.slice(3, 5), 16),
	parseInt(hex.slice(5, 7), 16)
];

describe('map', () => {
	let browser: Browser;

	beforeAll(async () => {
		browser = await launchBrowser();
	});

	afterAll(async () => {
		await browser?.close();
	});

	test('the published geography has 10 districts and 102 communes, then 40 new units', () => {
		expect(districts.length).toBe(10);
		expect(communes.length).toBe(102);
		expect(newCommunes.length).toBe(40);
	});

	test('the HTML without JavaScript holds the SVG choropleth of the latest year: the 40 units of 2025', async () => {
		const { status, html } = await fetchHtml(baseURL, '/ban-do/');
		expect(status).toBe(200);
		const doc = await staticDocument(browser, html);
		try {
			const codes = await attributes(
				doc.page.locator('svg.choropleth path[data-code]'),
				'data-code'
			);
			expect(codes.length).toBe(40);
			expect(new Set(codes)).toEqual(new Set(newCommunes.map((c) => c.unit_code)));
			// Each shape is coloured by class and named, and has an outline of its own.
			const shapes = await doc.page.locator('svg.choropleth path[data-code]').evaluateAll((els) =>
				els.map((e) => ({
					code: e.getAttribute('data-code'),
					d: e.getAttribute('d') ?? '',
					cls: e.getAttribute('data-class'),
					title: e.querySelector('title')?.textContent ?? ''
				}))
			);
			expect(shapes.filter((s) => !s.title).map((s) => s.code)).toEqual([]);
			expect(shapes.filter((s) => s.cls === 'yes').length).toBe(networkCount(2025));
			expect
				.soft(
					shapes.filter((s) => s.d.length < 20).map((s) => s.code),
					'communes with no shape'
				)
				.toEqual([]);
			// The communes fill the picture: together they span most of the 520 × 640 viewBox
			// (a projection fitted to the wrong extent shrinks the province to a dot).
			const box = await doc.page.locator('svg.choropleth g.units').evaluate((g) => {
				const b = (g as SVGGraphicsElement).getBBox();
				return { width: Math.round(b.width), height: Math.round(b.height) };
			});
			const [, , vbWidth, vbHeight] = (await doc.page.getAttribute('svg.choropleth', 'viewBox'))!
				.split(' ')
				.map(Number);
			expect(
				Math.max(box.width / vbWidth, box.height / vbHeight),
				`units span ${box.width}×${box.height}`
			).toBeGreaterThan(0.8);
			// The unit list is in the HTML too.
			expect(await doc.page.locator('tr[data-code]').count()).toBe(40);
		} finally {
			await doc.close();
		}
	});

	describe('with JavaScript', () => {
		let opened: OpenedPage;
		let page: Page;

		beforeAll(async () => {
			// 2024: the last year of the 102 communes (map-eras.test.ts follows the years across 2025)
			opened = await openPage(browser, new URL('ban-do/?year=2024', baseURL).href, {
				settleMs: 8000
			});
			page = opened.page;
		});

		afterAll(async () => {
			await opened?.close();
		});

		test('MapLibre draws the choropleth on its canvas', async () => {
			const canvas = page.locator('.maplibre.ready canvas');
			await canvas.waitFor({ state: 'visible', timeout: 45_000 });
			// MapLibre's own texts speak the page's language (its defaults are "Map", "Zoom in")
			expect(await canvas.getAttribute('aria-label')).toBe('Bản đồ tương tác');
			expect(await page.locator('.maplibregl-ctrl-zoom-in').getAttribute('aria-label')).toBe(
				'Phóng to'
			);
			expect(await page.locator('.maplibregl-ctrl-zoom-out').getAttribute('aria-label')).toBe(
				'Thu nhỏ'
			);
			// The WebGL canvas keeps no drawing buffer (no preserveDrawingBuffer), so toDataURL or
			// readPixels would read blank: screenshot what Chromium composited instead. The SVG map
			// under the canvas is hidden first, so it cannot stand in for a blank canvas. The PNG is
			// decoded by Chromium itself (pngStats), and we require the two fills of the default
			// "network" measure (yes: #08519c, no: #fdae6b) to cover a real share of the canvas.
			await page.locator('svg.choropleth').evaluate((svg) => {
				(svg as SVGElement).style.visibility = 'hidden';
			});
			const share = async (hex: string) => {
				const png = await canvas.screenshot({ type: 'png' });
				return (await pngStats(page, png, rgb(hex))).share;
			};
			try {
				await expect.poll(() => share('#08519c'), { timeout: 20_000 }).toBeGreaterThan(0.02);
				expect(await share('#fdae6b')).toBeGreaterThan(0.02);
				const stats = await pngStats(
					page,
					await canvas.screenshot({ type: 'png' }),
					rgb('#f4f6f8')
				);
				expect(stats.width).toBeGreaterThan(200);
				expect(stats.colours).toBeGreaterThanOrEqual(4);
				expect(stats.dominant).toBeLessThan(0.9);
			} finally {
				await page.locator('svg.choropleth').evaluate((svg) => {
					(svg as SVGElement).style.visibility = '';
				});
			}
		});

		test('the page ends at its footer, on screen and printed, on a desktop and a phone', async () => {
			const overflow = (p: Page) =>
				p.evaluate(() => {
					const footer = document.querySelector('footer')!.getBoundingClientRect();
					return document.documentElement.scrollHeight - (footer.bottom + window.scrollY);
				});
			expect(await overflow(page), 'desktop').toBeLessThanOrEqual(2);
			await page.emulateMedia({ media: 'print' });
			try {
				expect(await overflow(page), 'printed').toBeLessThanOrEqual(2);
			} finally {
				await page.emulateMedia({ media: 'screen' });
			}
			const phone = await openPage(browser, new URL('ban-do/', baseURL).href, {
				viewport: { width: 390, height: 844 }
			});
			try {
				expect(await overflow(phone.page), 'phone').toBeLessThanOrEqual(2);
			} finally {
				await phone.close();
			}
		});

		test('keyboard: a unit chosen from the list opens its panel in view with focus on it; Esc closes it and focus goes back', async () => {
			const button = page.locator('tr[data-code] .unit-button').nth(40);
			const code = await button.evaluate((b) => b.closest('tr')!.getAttribute('data-code'));
			await button.focus();
			await page.keyboard.press('Enter');
			const heading = page.locator(`.panel[data-code="${code}"] h2`);
			await expect.poll(() => heading.evaluate((h) => h === document.activeElement)).toBe(true);
			const box = (await heading.boundingBox())!;
			const viewport = page.viewportSize()!;
			expect(box.y).toBeGreaterThanOrEqual(0);
			expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
			await page.keyboard.press('Escape');
			await expect.poll(() => page.locator('.panel').count()).toBe(0);
			expect(await button.evaluate((b) => b === document.activeElement)).toBe(true);
		});

		test('the unit list lists the 102 communes and its search finds them', async () => {
			const rows = page.locator('tr[data-code]');
			const codes = await attributes(rows, 'data-code');
			expect(codes.length).toBe(102);
			for (const c of codes) expect(c).toMatch(/^\d{5}$/);
			expect(new Set(codes)).toEqual(new Set(communes.map((c) => c.unit_code)));
			const search = page.getByLabel('Tìm đơn vị');
			const count = page.locator('.unit-list .count');
			await expect.poll(() => count.textContent()).toContain('102');

			const find = async (query: string, name: string) => {
				await until(
					() => search.fill(query),
					async () => (await rows.allTextContents()).some((t) => t.includes(name)),
					true
				);
				const shown = await rows.count();
				expect(shown, `"${query}" narrows the list`).toBeLessThan(102);
				expect(shown).toBeGreaterThan(0);
				await expect.poll(() => count.textContent()).toMatch(new RegExp(`^${shown}\\b`));
				for (const text of await rows.locator('.unit-button').allTextContents()) {
					expect(fold(text)).toContain(query);
				}
			};
			await find('dak choong', 'Xã Đắk Choong');
			await find('ia dal', 'Xã Ia Đal');
			await search.fill('zzz no such unit');
			await expect.poll(() => rows.count()).toBe(0);
			await expect.poll(() => count.textContent()).toMatch(/^0\b/);
			await search.fill('');
			await expect.poll(() => rows.count()).toBe(102);
		});

		test('the network sentence counts communes from the published data', async () => {
			const sentence = page.locator('[data-testid=network-sentence]');
			await expect
				.poll(() => sentence.textContent())
				.toContain(`Năm 2024: ${networkCount(2024)}/102`);
			expect(await sentence.textContent()).toContain('(mục tiêu 2025: 51/102)');
			const year = page.getByRole('combobox', { name: /^Năm/ });
			await until(
				() => year.selectOption('2019'),
				() => params(page).get('year'),
				'2019'
			);
			await expect
				.poll(() => sentence.textContent())
				.toContain(`Năm 2019: ${networkCount(2019)}/102`);
			expect(await sentence.textContent()).toContain('(mục tiêu 2020: 42/102)');
			expect(networkCount(2019)).not.toBe(networkCount(2025));
			// 2025 counts the 40 new units; the target was set on the 102 communes before them
			await year.selectOption('2025');
			await expect.poll(() => params(page).has('year')).toBe(false);
			await expect
				.poll(() => sentence.textContent())
				.toContain(`Năm 2025: ${networkCount(2025)}/40`);
			expect(await sentence.textContent()).toContain(
				'(mục tiêu 2025: 51/102 xã, phường, thị trấn trước sắp xếp)'
			);
		});

		test('measure, year, level and unit round-trip through the URL', async () => {
			const measure = page.getByRole('combobox', { name: /Tô màu theo/ });
			const year = page.getByRole('combobox', { name: /^Năm/ });
			const districtLevel = page.getByRole('button', { name: 'Huyện', exact: true });
			const communeLevel = page.getByRole('button', { name: 'Xã', exact: true });
			const unit = districts.find((d) => d.unit_code === '615') ?? districts[0];
			const code = String(unit.unit_code);
			const name = String(unit.name);

			await until(
				() => measure.selectOption('access'),
				() => params(page).get('measure'),
				'access'
			);
			await year.selectOption('2022');
			await districtLevel.click();
			await expect.poll(() => page.locator('tr[data-code]').count()).toBe(10);
			const unitButton = page.locator(`tr[data-code="${code}"] .unit-button`);
			await unitButton.click();
			await expect.poll(() => page.locator('section.panel h2').textContent()).toBe(name);
			const expected = { measure: 'access', year: '2022', level: 'district', unit: code };
			expect(Object.fromEntries(params(page))).toEqual(expected);

			await page.reload({ waitUntil: 'load' });
			expect(Object.fromEntries(params(page))).toEqual(expected);
			await expect.poll(() => measure.inputValue(), { timeout: 10_000 }).toBe('access');
			await expect.poll(() => year.inputValue()).toBe('2022');
			await expect.poll(() => districtLevel.getAttribute('aria-pressed')).toBe('true');
			expect(await communeLevel.getAttribute('aria-pressed')).toBe('false');
			await expect.poll(() => page.locator('tr[data-code]').count()).toBe(10);
			expect(await unitButton.getAttribute('aria-pressed')).toBe('true');
			await expect.poll(() => page.locator('section.panel h2').textContent()).toBe(name);
			expect(await page.locator('section.panel').getAttribute('data-code')).toBe(code);
			// The SVG follows the level too: 10 district shapes.
			expect(await page.locator('svg.choropleth path[data-code]').count()).toBe(10);
		});

		test('nothing is requested from another origin', () => {
			const origin = new URL(baseURL).origin;
			expect(opened.requests.length).toBeGreaterThan(0);
			const foreign = opened.requests
				.map((r) => r.url)
				.filter((u) => !/^(data|blob):/.test(u) && new URL(u).origin !== origin);
			expect(foreign).toEqual([]);
			expect(opened.foreignRequests).toEqual([]);
			// MapLibre did load, from this site (its worker and the boundary files).
			expect(opened.requests.some((r) => /maplibre-gl-worker/.test(r.url))).toBe(true);
			expect(opened.requests.some((r) => r.url.endsWith('/data/geo/communes.geojson'))).toBe(true);
		});
	});

	test('every district and commune has its unit page', async () => {
		/** The page's <h1> text, which names the unit. */
		const heading = (html: string) => /<h1[^>]*>([^<]*)<\/h1>/.exec(html)?.[1].trim();
		// A code names a unit only with its era (the 2025 reform reused codes): the page is
		// headed by the unit the code names last, and names each unit the code named.
		const latestName = (code: unknown) =>
			units.filter((x) => x.unit_code === code && x.level !== 'province').at(-1)!.name;
		const wrong: string[] = [];
		for (const u of [...districts, ...communes]) {
			const { status, html } = await fetchHtml(baseURL, `/don-vi/${u.unit_code}/`);
			if (
				status !== 200 ||
				heading(html) !== latestName(u.unit_code) ||
				!html.includes(`>${u.name}<`)
			) {
				wrong.push(`${u.unit_code}: HTTP ${status}, h1 ${JSON.stringify(heading(html))}`);
			}
		}
		expect(wrong).toEqual([]);
		for (const u of [districts[0], communes[0], communes.at(-1)!]) {
			const { status, html } = await fetchHtml(baseURL, `/en/don-vi/${u.unit_code}/`);
			expect(status, `/en/don-vi/${u.unit_code}/`).toBe(200);
			expect(heading(html)).toBe(latestName(u.unit_code));
			expect(html).toContain('<html lang="en"');
		}
		expect((await fetchHtml(baseURL, '/don-vi/99999/')).status).toBe(404);
	});
});

/** Lower case without diacritics, đ → d: how the unit search matches. */
function fold(s: string): string {
	return s
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/đ/g, 'd')
		.replace(/Đ/g, 'D')
		.toLowerCase();
}
