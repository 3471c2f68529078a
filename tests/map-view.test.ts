/**
 * Map page (`/ban-do/`), reading the map: the tooltip in view, phone gestures and the "whole
 * province" button, place names, classes by distance to the target, the list moving the map,
 * the canvas focus ring. Oracles: the published tables and boundary files in build/data/, and
 * the plan's targets.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser, openPage, type OpenedPage } from './browser';
import { fetchHtml, readTable, staticDocument, until } from './feature';

const baseURL = inject('baseURL');
const buildDir = inject('buildDir');

const units = readTable(buildDir, 'units');
const indicators = readTable(buildDir, 'indicators');
const plan = JSON.parse(readFileSync('data/plans/kontum-3430.json', 'utf8')) as {
	indicators: { id: string; targets?: { phase: string; value: number }[] }[];
};
/**
 * The page opens on the latest year, 2025: its units are those from the 2025 reform on (the
 * units table's rows valid from 2025-07-01), the districts named as the former areas they are.
 */
const units2025 = units.filter((u) => u.valid_from === '2025-07-01');
const name = (code: unknown) => String(units2025.find((u) => u.unit_code === code)?.name);
const districtNames = units2025.filter((u) => u.level === 'district').map((u) => String(u.name));
/** "Khu vực huyện Đắk Glei cũ" → "Đắk Glei cũ", the place name a map writes */
const placeName = (n: string) => n.replace(/^Khu vực (thành phố|huyện) /, '');

type Box = [number, number, number, number];
/** [west, south, east, north] of every feature in a published boundary file */
function boundsOf(file: 'communes-2025-07-01' | 'districts'): Map<string, Box> {
	const fc = JSON.parse(readFileSync(join(buildDir, 'data/geo', `${file}.geojson`), 'utf8'));
	const out = new Map<string, Box>();
	for (const f of fc.features) {
		const b: Box = [Infinity, Infinity, -Infinity, -Infinity];
		for (const [x, y] of f.geometry.coordinates.flat(f.geometry.type === 'Polygon' ? 1 : 2)) {
			b[0] = Math.min(b[0], x);
			b[1] = Math.min(b[1], y);
			b[2] = Math.max(b[2], x);
			b[3] = Math.max(b[3], y);
		}
		out.set(String(f.properties.code), b);
	}
	return out;
}
const communeBounds = boundsOf('communes-2025-07-01');
const province = [...boundsOf('districts').values()].reduce<Box>(
	(u, b) => [
		Math.min(u[0], b[0]),
		Math.min(u[1], b[1]),
		Math.max(u[2], b[2]),
		Math.max(u[3], b[3])
	],
	[Infinity, Infinity, -Infinity, -Infinity]
);

/** The live map's view, as its container tells it (data-center, data-bounds, data-zoom). */
async function mapView(page: Page) {
	const el = page.locator('.maplibre.ready');
	const nums = async (a: string) => ((await el.getAttribute(a)) ?? '').split(',').map(Number);
	return {
		center: await nums('data-center'),
		bounds: await nums('data-bounds'),
		zoom: Number(await el.getAttribute('data-zoom'))
	};
}

/** Font sizes of the SVG map's labels in screen pixels (the SVG is scaled to its box). */
const svgLabelSizes = (page: Page) =>
	page
		.locator('svg.choropleth g.labels text')
		.evaluateAll((els) =>
			els.map(
				(e) => parseFloat(getComputedStyle(e).fontSize) * (e as SVGTextElement).getScreenCTM()!.a
			)
		);

/** "93,3%" as the page writes a rate in Vietnamese */
const viPercent = (v: number) => `${String(v).replace('.', ',')}%`;

describe('map: reading the map', () => {
	let browser: Browser;

	beforeAll(async () => {
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
	});

	test('the prerendered SVG names the 10 districts (2025: the former areas), each at a point inside it', async () => {
		const { html } = await fetchHtml(baseURL, '/ban-do/');
		const doc = await staticDocument(browser, html);
		try {
			const labels = await doc.page.locator('svg.choropleth g.labels text').evaluateAll((els) =>
				els.map((e) => {
					const svg = e.closest('svg')!;
					const code = e.getAttribute('data-code');
					const x = Number(e.getAttribute('x'));
					const y = Number(e.getAttribute('y'));
					const shape = svg.querySelector<SVGPathElement>(
						`g.outlines path[data-outline="${code}"]`
					);
					const pt = svg.createSVGPoint();
					pt.x = x;
					pt.y = y;
					return { code, text: e.textContent, inside: !!shape?.isPointInFill(pt) };
				})
			);
			expect(labels.map((l) => l.text).sort()).toEqual(districtNames.map(placeName).sort());
			for (const l of labels) expect(l.text, l.code!).toBe(placeName(name(l.code)));
			expect(labels.filter((l) => !l.inside).map((l) => l.code)).toEqual([]);
		} finally {
			await doc.close();
		}
	});

	describe('on a desktop (1366 × 900)', () => {
		let opened: OpenedPage;
		let page: Page;

		beforeAll(async () => {
			opened = await openPage(browser, new URL('ban-do/?measure=access', baseURL).href, {
				viewport: { width: 1366, height: 900 },
				settleMs: 8000
			});
			page = opened.page;
			await page.locator('.maplibre.ready canvas').waitFor({ timeout: 45_000 });
		});
		afterAll(async () => {
			await opened?.close();
		});

		test('the tooltip of a hovered commune lies inside the viewport and names it with its value', async () => {
			const canvas = page.locator('.maplibre.ready canvas');
			const box = (await canvas.boundingBox())!;
			const viewport = page.viewportSize()!;
			// the map reaches below the fold: the lower point is near the viewport's bottom edge
			for (const [fx, fy] of [
				[0.5, 0.3],
				[0.35, 0.8]
			]) {
				const y = Math.min(box.y + box.height * fy, viewport.height - 20);
				await page.mouse.move(box.x + box.width * fx, y);
				const tip = page.locator('.tooltip');
				await tip.waitFor({ state: 'visible', timeout: 10_000 });
				await expect.poll(async () => (await tip.boundingBox())!.x).toBeGreaterThanOrEqual(0);
				const t = (await tip.boundingBox())!;
				expect(t.y, `tooltip top at ${fx},${fy}`).toBeGreaterThanOrEqual(0);
				expect(t.x + t.width).toBeLessThanOrEqual(viewport.width);
				expect(t.y + t.height, `tooltip bottom at ${fx},${fy}`).toBeLessThanOrEqual(
					viewport.height
				);
				const unitName = (await tip.locator('strong').textContent())!.trim();
				const unit = units2025.find((u) => u.name === unitName && u.level === 'commune');
				expect(unit, unitName).toBeTruthy();
				const row = indicators.find((r) => r.unit_code === unit!.unit_code && r.year === 2025)!;
				expect(await tip.textContent()).toContain(viPercent(row.access_rate as number));
				await page.mouse.move(0, 0);
			}
		});

		test('the live map names the 10 districts in text of at least 12 px', async () => {
			const labels = page.locator('.maplibre .map-labels .district');
			await expect.poll(() => labels.count()).toBe(10);
			expect((await labels.allTextContents()).sort()).toEqual(districtNames.map(placeName).sort());
			const sizes = await labels.evaluateAll((els) =>
				els.map((e) => parseFloat(getComputedStyle(e).fontSize))
			);
			expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
		});

		test('the SVG map behind it names the districts in text of at least 12 px as rendered', async () => {
			expect(Math.min(...(await svgLabelSizes(page)))).toBeGreaterThanOrEqual(12);
			const phone = await openPage(browser, new URL('ban-do/', baseURL).href, {
				viewport: { width: 360, height: 780 }
			});
			try {
				expect(Math.min(...(await svgLabelSizes(phone.page))), 'phone').toBeGreaterThanOrEqual(12);
			} finally {
				await phone.close();
			}
		});

		test('rate classes: by distance to the target, none empty, counts as in the published data', async () => {
			const target = plan.indicators
				.find((i) => i.id === 'access')!
				.targets!.find((t) => t.phase === '2021-2025')!.value;
			const rates = indicators
				.filter((r) => r.level === 'commune' && r.year === 2025)
				.map((r) => r.access_rate as number | null)
				.filter((v): v is number => v !== null);
			// bands of shortfall in points: met, up to 10, 10–25, over 25 (worked out here, not by the page)
			const expected = {
				met: rates.filter((v) => v >= target).length,
				near: rates.filter((v) => v < target && v >= target - 10).length,
				below: rates.filter((v) => v < target - 10 && v >= target - 25).length,
				far: rates.filter((v) => v < target - 25).length
			};
			const legend = await page.locator('.legend li').evaluateAll((els) =>
				els.map((e) => ({
					cls: e.getAttribute('data-class'),
					count: Number(/\((\d+)\)/.exec(e.textContent ?? '')?.[1])
				}))
			);
			expect(Object.fromEntries(legend.map((l) => [l.cls, l.count]))).toEqual(
				Object.fromEntries(Object.entries(expected).filter(([, n]) => n > 0))
			);
			// the largest class holds well under the 68 of 102 of the old "below target" class
			expect(Math.max(...legend.map((l) => l.count))).toBeLessThan(50);
			// every measure: no legend class is empty
			const measure = page.getByRole('combobox', { name: /Tô màu theo/ });
			for (const m of await measure
				.locator('option')
				.evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))) {
				await measure.selectOption(m);
				await expect.poll(() => page.url()).toContain(m === 'network' ? '' : `measure=${m}`);
				const counts = await page
					.locator('.legend li')
					.evaluateAll((els) => els.map((e) => /\((\d+)\)/.exec(e.textContent ?? '')?.[1]));
				expect(counts.length, m).toBeGreaterThan(0);
				expect(
					counts.filter((c) => Number(c) === 0),
					m
				).toEqual([]);
			}
			await measure.selectOption('access');
		});

		test('"lagging first" puts the commune with the lowest rate at the top of the list', async () => {
			const lowest = indicators
				.filter((r) => r.level === 'commune' && r.year === 2025 && r.access_rate !== null)
				.sort((a, b) => (a.access_rate as number) - (b.access_rate as number))[0];
			const first = page.locator('tr[data-code]').first();
			await until(
				() => page.getByRole('button', { name: 'Chậm nhất trước' }).click(),
				() => first.getAttribute('data-code'),
				lowest.unit_code
			);
			expect(await first.textContent()).toContain(viPercent(lowest.access_rate as number));
		});

		test('a unit chosen from the list moves the map onto it; "Toàn tỉnh" shows the whole province again', async () => {
			const before = await mapView(page);
			const row = page.locator('tr[data-code]').nth(5);
			const code = (await row.getAttribute('data-code'))!;
			await row.locator('.unit-button').click();
			const [w, s, e, n] = communeBounds.get(code)!;
			await expect
				.poll(
					async () => {
						const [x, y] = (await mapView(page)).center;
						return x >= w && x <= e && y >= s && y <= n;
					},
					{ timeout: 15_000 }
				)
				.toBe(true);
			expect((await mapView(page)).zoom).toBeGreaterThan(before.zoom + 1);
			// zoomed in, communes are named too
			await expect.poll(() => page.locator('.map-labels .commune').count()).toBeGreaterThan(0);

			await page.keyboard.press('Escape');
			await page.getByRole('button', { name: 'Toàn tỉnh' }).click();
			const eps = 0.01;
			await expect
				.poll(
					async () => {
						const [vw, vs, ve, vn] = (await mapView(page)).bounds;
						return (
							vw <= province[0] + eps &&
							vs <= province[1] + eps &&
							ve >= province[2] - eps &&
							vn >= province[3] - eps
						);
					},
					{ timeout: 15_000 }
				)
				.toBe(true);
			expect((await mapView(page)).zoom).toBeCloseTo(before.zoom, 1);
		});

		test('the focus ring of the map canvas is drawn in full, inside the map box', async () => {
			await page.locator('.maplibregl-ctrl-zoom-in').focus();
			await page.keyboard.press('Shift+Tab');
			const ring = await page.evaluate(() => {
				const canvas = document.activeElement as HTMLElement;
				const style = getComputedStyle(canvas);
				const box = canvas.closest('.map-box')!;
				const c = canvas.getBoundingClientRect();
				const b = box.getBoundingClientRect();
				const reach = parseFloat(style.outlineWidth) + parseFloat(style.outlineOffset);
				const border = parseFloat(getComputedStyle(box).borderTopWidth);
				return {
					isCanvas: canvas.classList.contains('maplibregl-canvas'),
					style: style.outlineStyle,
					width: parseFloat(style.outlineWidth),
					// how far the ring reaches past the box's padding edge, where overflow clips it
					outside: Math.max(
						b.left + border - (c.left - reach),
						c.right + reach - (b.right - border),
						b.top + border - (c.top - reach),
						c.bottom + reach - (b.bottom - border)
					)
				};
			});
			expect(ring.isCanvas).toBe(true);
			expect(ring.style).toBe('solid');
			expect(ring.width).toBeGreaterThanOrEqual(2);
			expect(ring.outside).toBeLessThanOrEqual(0);
		});
	});

	test('on a phone a one-finger swipe scrolls the page, not the map, and says how to move it', async () => {
		const context = await browser.newContext({
			viewport: { width: 390, height: 844 },
			hasTouch: true,
			isMobile: true,
			serviceWorkers: 'block'
		});
		try {
			const page = await context.newPage();
			await page.goto(new URL('ban-do/', baseURL).href, { waitUntil: 'load' });
			await page.locator('.maplibre.ready canvas').waitFor({ timeout: 45_000 });
			// the message in the page's language, from the dictionary
			expect(
				await page
					.locator('.maplibregl-cooperative-gesture-screen .maplibregl-mobile-message')
					.textContent()
			).toBe('Dùng hai ngón tay để di chuyển bản đồ');
			const box = (await page.locator('.maplibre.ready canvas').boundingBox())!;
			const x = Math.round(box.x + box.width / 2);
			const y0 = Math.round(Math.min(box.y + box.height / 2, 800));
			const before = await mapView(page);
			const scrollBefore = await page.evaluate(() => scrollY);
			const cdp = await context.newCDPSession(page);
			const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', y: number) =>
				cdp.send('Input.dispatchTouchEvent', {
					type,
					touchPoints: type === 'touchEnd' ? [] : [{ x, y }]
				});
			await touch('touchStart', y0);
			for (let i = 1; i <= 10; i++) await touch('touchMove', y0 - i * 30);
			await touch('touchEnd', y0 - 300);
			await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(scrollBefore + 100);
			expect((await mapView(page)).center).toEqual(before.center);
		} finally {
			await context.close();
		}
	});
});
