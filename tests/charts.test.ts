/**
 * Charts (overview, unit pages, embeds): text reads like body text at any width, the district
 * chart's lines never run through a label, "compare districts" takes the reader there, and
 * each chart downloads as SVG/PNG and links to its view.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser, openPage } from './browser';
import { params, pngStats, readTable, until } from './feature';

const baseURL = inject('baseURL');
const buildDir = inject('buildDir');
const NOTICE_VI = 'Dữ liệu minh họa, không phải số liệu chính thức';

/** A rate as the Vietnamese page prints it: 54.7 → "54,7%", 91 → "91%". */
const percentVi = (v: number) =>
	`${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(v)}%`;

/** Clicks a chart's export button and returns the file it downloads. */
async function downloaded(page: Page, selector: string): Promise<{ name: string; bytes: Buffer }> {
	const button = page.locator(selector);
	await button.waitFor({ state: 'visible' });
	const [file]: [Download, unknown] = await Promise.all([
		page.waitForEvent('download'),
		button.click()
	]);
	return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

const VIEWPORTS = [
	{ width: 1366, height: 900 },
	{ width: 390, height: 844 }
];
const PAGES = ['', 'don-vi/23473/', 'don-vi/608/', 'embed/chi-so/access/', 'en/'];

interface ChartTexts {
	charts: number;
	/** charts showing other than exactly one drawing */
	notOne: string[];
	/** "chart: text → size" for each text outside 12–18 px as rendered */
	badSizes: string[];
	/** "line × text" for each target/province line whose box meets a label's box */
	crossings: string[];
	/** "text × text" for each two labels of a chart that overlap */
	overlaps: string[];
}

/** Measures, in the page as rendered, every chart text and the district chart's lines. */
function measureCharts(page: Page): Promise<ChartTexts> {
	return page.evaluate(() => {
		const shown = (el: Element) => el.getClientRects().length > 0;
		const out: ChartTexts = { charts: 0, notOne: [], badSizes: [], crossings: [], overlaps: [] };
		for (const frame of document.querySelectorAll('figure.chart-frame')) {
			out.charts++;
			const svgs = [...frame.querySelectorAll('svg.trend, svg.bars, svg.multi-trend')].filter(
				shown
			) as SVGSVGElement[];
			if (svgs.length !== 1) out.notOne.push(`${svgs.length} drawings shown`);
			for (const svg of svgs) {
				const name = `${svg.getAttribute('class')}[${svg.getAttribute('data-indicator')}]@${svg.viewBox.baseVal.width}`;
				const texts = [...svg.querySelectorAll('text')].filter((t) => t.textContent!.trim());
				for (const t of texts) {
					// Font size in user units times the drawing's scale on screen = CSS px as seen.
					const px = parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM()!.a;
					const box = t.getBoundingClientRect().height;
					if (px < 12 || px > 18 || box < 12) {
						out.badSizes.push(
							`${name}: "${t.textContent}" ${px.toFixed(1)} px (box ${box.toFixed(1)})`
						);
					}
				}
				// Glyph boxes include the line's ascent and descent: allow 2 px between neighbours.
				const boxes = texts.map((t) => t.getBoundingClientRect());
				for (let i = 0; i < boxes.length; i++) {
					for (let j = i + 1; j < boxes.length; j++) {
						const [a, b] = [boxes[i], boxes[j]];
						if (
							a.left < b.right &&
							a.right > b.left &&
							a.top + 2 < b.bottom &&
							a.bottom > b.top + 2
						) {
							out.overlaps.push(`${name}: "${texts[i].textContent}" × "${texts[j].textContent}"`);
						}
					}
				}
				const lines = [...svg.querySelectorAll('.target line, .province line, line.target-line')];
				for (const l of lines) {
					const a = l.getBoundingClientRect();
					for (const t of texts) {
						const b = t.getBoundingClientRect();
						if (a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top) {
							out.crossings.push(
								`${name}: ${l.parentElement!.getAttribute('class')} line × "${t.textContent}"`
							);
						}
					}
				}
			}
		}
		return out;
	});
}

describe('charts', () => {
	let browser: Browser;

	beforeAll(async () => {
		browser = await launchBrowser();
	});

	afterAll(async () => {
		await browser?.close();
	});

	describe.each(VIEWPORTS)('at $width×$height', (viewport) => {
		test.each(PAGES)(
			'/%s: chart text is 12–18 px as rendered, no line crosses a label, no labels overlap',
			async (path) => {
				const opened = await openPage(browser, new URL(path, baseURL).href, { viewport });
				try {
					const m = await measureCharts(opened.page);
					expect(m.charts, 'charts on the page').toBeGreaterThan(0);
					expect(m.notOne).toEqual([]);
					expect(m.badSizes).toEqual([]);
					expect(m.crossings).toEqual([]);
					expect(m.overlaps).toEqual([]);
					// The district chart is on the overview: its lines were checked.
					if (path === '' || path === 'en/') {
						expect(await opened.page.locator('svg.bars .target line').count()).toBeGreaterThan(0);
					}
				} finally {
					await opened.close();
				}
			}
		);
	});

	test.each([
		[{ width: 1366, height: 900 }, 'no-preference'],
		[{ width: 390, height: 844 }, 'reduce']
	] as const)(
		'at %o, motion %s: "compare districts" on a card brings the district chart into view, focused',
		async (viewport, motion) => {
			const opened = await openPage(browser, baseURL, { viewport });
			try {
				const { page } = opened;
				await page.emulateMedia({ reducedMotion: motion });
				const heading = page.locator('#districts-h');
				const inView = () =>
					heading.evaluate((h) => {
						const r = h.getBoundingClientRect();
						return r.top >= -1 && r.bottom <= window.innerHeight + 1;
					});
				expect(await inView(), 'the chart starts out of view').toBe(false);
				const button = page.locator('article.card[data-indicator="skills"] button');
				await until(
					() => button.click(),
					() => params(page).get('indicator'),
					'skills'
				);
				await expect.poll(inView).toBe(true);
				expect(await page.evaluate(() => document.activeElement?.id)).toBe('districts-h');
				expect(
					await page.locator('#so-sanh-huyen svg.bars').first().getAttribute('data-indicator')
				).toBe('skills');
			} finally {
				await opened.close();
			}
		}
	);

	describe('downloads and links', () => {
		test('a trend chart downloads as SVG with its title, the notice and every yearly value', async () => {
			const opened = await openPage(browser, baseURL, { viewport: { width: 1366, height: 900 } });
			try {
				const { name, bytes } = await downloaded(opened.page, '#trend-access [data-export="svg"]');
				expect(name).toMatch(/^access-.*\.svg$/);
				const xml = bytes.toString('utf8');
				// A well-formed SVG document.
				const parsed = await opened.page.evaluate((text) => {
					const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
					return {
						root: doc.documentElement.nodeName,
						error: doc.querySelector('parsererror')?.textContent ?? null
					};
				}, xml);
				expect(parsed).toEqual({ root: 'svg', error: null });
				expect(xml).toContain('Tiếp cận dịch vụ');
				expect(xml).toContain(NOTICE_VI);
				const province = readTable(buildDir, 'indicators').filter((r) => r.level === 'province');
				expect(province.length).toBeGreaterThan(3);
				for (const r of province) {
					if (r.access_rate === null) continue;
					expect(xml, `year ${r.year}`).toContain(`${r.year}: ${percentVi(Number(r.access_rate))}`);
				}
			} finally {
				await opened.close();
			}
		});

		test("the district chart's SVG has each district's value; its PNG is a real picture", async () => {
			const opened = await openPage(browser, baseURL, { viewport: { width: 390, height: 844 } });
			try {
				const { page } = opened;
				const year = Number(await page.locator('.controls .year-select select').inputValue());
				const svg = await downloaded(page, '#so-sanh-huyen [data-export="svg"]');
				const xml = svg.bytes.toString('utf8');
				expect(xml).toContain(`Tiếp cận dịch vụ, ${year}`);
				expect(xml).toContain(NOTICE_VI);
				const districts = readTable(buildDir, 'indicators').filter(
					(r) => r.level === 'district' && Number(r.year) === year
				);
				expect(districts.length).toBeGreaterThan(5);
				for (const r of districts) {
					if (r.access_rate === null) continue;
					expect(xml, `district ${r.unit_code}`).toContain(`>${percentVi(Number(r.access_rate))} `);
				}

				const png = await downloaded(page, '#so-sanh-huyen [data-export="png"]');
				expect(png.name).toMatch(/\.png$/);
				expect(png.bytes.subarray(0, 8)).toEqual(
					Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
				);
				const stats = await pngStats(page, png.bytes, [11, 83, 148]);
				// Drawn at twice the widest drawing (768 + margins): sharp, not a thumbnail.
				expect(stats.width).toBe((768 + 40) * 2);
				expect(stats.height).toBeGreaterThan(600);
				expect(stats.height).toBeLessThan(4000);
				// Not blank: white background, blue bars, text.
				expect(stats.dominant).toBeLessThan(0.95);
				expect(stats.share).toBeGreaterThan(0.005);
				expect(stats.colours).toBeGreaterThan(10);
			} finally {
				await opened.close();
			}
		});

		test('"copy link" puts the view\'s URL on the clipboard', async () => {
			const opened = await openPage(browser, baseURL, { viewport: { width: 1366, height: 900 } });
			try {
				const { page, context } = opened;
				await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
					origin: new URL(baseURL).origin
				});
				const select = page.getByRole('combobox', { name: /Chỉ tiêu/ });
				await until(
					() => select.selectOption('skills'),
					() => params(page).get('indicator'),
					'skills'
				);
				await page.locator('#so-sanh-huyen [data-export="link"]').click();
				await expect
					.poll(() => page.locator('#so-sanh-huyen [role="status"]').textContent())
					.toBe('Đã sao chép liên kết');
				const copied = await page.evaluate(() => navigator.clipboard.readText());
				expect(copied).toBe(new URL('?indicator=skills#so-sanh-huyen', baseURL).href);
			} finally {
				await opened.close();
			}
		});

		test('without a clipboard, "copy link" shows the link in a field', async () => {
			const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
			try {
				await context.addInitScript(() =>
					Object.defineProperty(navigator, 'clipboard', { value: undefined })
				);
				const page = await context.newPage();
				await page.goto(new URL('don-vi/608/', baseURL).href, { waitUntil: 'load' });
				await page.locator('#trend-skills [data-export="link"]').click();
				const field = page.getByRole('textbox', { name: 'Liên kết đến biểu đồ này' });
				await expect
					.poll(() => field.inputValue())
					.toBe(new URL('don-vi/608/#trend-skills', baseURL).href);
			} finally {
				await context.close();
			}
		});
	});

	test('districts picked over the years: their lines, their numbers in the table, kept in the URL', async () => {
		const opened = await openPage(browser, baseURL, { viewport: { width: 1366, height: 900 } });
		try {
			const { page } = opened;
			const frame = page.locator('#huyen-qua-cac-nam');
			const shownCodes = () =>
				frame
					.locator('.variant:visible svg.multi-trend g.series')
					.evaluateAll((gs) => gs.map((g) => g.getAttribute('data-code')));
			// Prerendered: the province and two districts (the lowest and the highest).
			const before = await shownCodes();
			expect(before[0]).toBe('province');
			expect(before.length).toBe(3);

			const districts = readTable(buildDir, 'indicators').filter((r) => r.level === 'district');
			const codes = [...new Set(districts.map((r) => String(r.unit_code)))];
			const extra = codes.find((c) => !before.includes(c))!;
			const box = page.locator(`.pick input[value="${extra}"]`);
			await until(
				() => box.check(),
				() => params(page).get('districts')?.split(',').includes(extra) ?? false,
				true
			);
			await expect.poll(shownCodes).toContain(extra);
			expect((await shownCodes()).length).toBe(4);

			// The table: a column for the district, its value each year as published.
			await frame.locator('summary').click();
			const table = await frame.locator('table').evaluate((t) => ({
				head: [...t.querySelectorAll('thead th')].map((th) => th.textContent!.trim()),
				rows: [...t.querySelectorAll('tbody tr')].map((tr) =>
					[...tr.children].map((c) => c.textContent!.trim())
				)
			}));
			const name = await page
				.locator(`.pick input[value="${extra}"]`)
				.evaluate((i) => i.parentElement!.textContent!.trim());
			const col = table.head.indexOf(name);
			expect(col).toBeGreaterThan(0);
			const own = districts.filter((r) => String(r.unit_code) === extra);
			expect(own.length).toBe(table.rows.length);
			for (const r of own) {
				if (r.access_rate === null) continue;
				const row = table.rows.find((cells) => cells[0] === String(r.year))!;
				expect(row[col], `${extra} ${r.year}`).toBe(percentVi(Number(r.access_rate)));
			}

			const url = page.url();
			await page.reload({ waitUntil: 'load' });
			expect(page.url()).toBe(url);
			await expect.poll(shownCodes, { timeout: 10_000 }).toContain(extra);
			expect(await box.isChecked()).toBe(true);
		} finally {
			await opened.close();
		}
	});
});
