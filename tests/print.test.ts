/**
 * Printing (`@media print`): the overview, a unit page and the map print as an A4 report:
 * title, as-of date, the illustrative notice, every number, no controls, nothing cut off.
 * The page is laid out at A4's printable width (210 mm − 2 × 10 mm margins ≈ 718 px at 96 dpi).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser, openPage, type OpenedPage } from './browser';
import { readTable } from './feature';

const baseURL = inject('baseURL');
const buildDir = inject('buildDir');

const PRINT_WIDTH = 718;
const MARGIN_MM = { top: 12, bottom: 12, left: 10, right: 10 };
/** A4's printable height in CSS px (96 per inch). */
const PAGE_HEIGHT = ((297 - MARGIN_MM.top - MARGIN_MM.bottom) / 25.4) * 96;
const NOTICE_VI = 'Dữ liệu minh họa, không phải số liệu chính thức';

const units = readTable(buildDir, 'units');
const communes = units.filter((u) => u.level === 'commune');
const commune = communes[0];

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

async function openPrinted(path: string): Promise<OpenedPage> {
	const opened = await openPage(browser, new URL(path.replace(/^\//, ''), baseURL).href, {
		viewport: { width: PRINT_WIDTH, height: 1000 }
	});
	await opened.page.emulateMedia({ media: 'print' });
	return opened;
}

/**
 * Visible form controls, each as a one-line description. A button inside a table cell that
 * prints as plain text (no border, no background: a sortable header, a unit's name) is text.
 */
function visibleControls(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const shown = (el: Element) => {
			const r = el.getBoundingClientRect();
			return r.width > 0 && r.height > 0 && el.checkVisibility({ visibilityProperty: true });
		};
		const transparent = (c: string) => c === 'transparent' || /rgba\(.*,\s*0\)$/.test(c);
		const found: string[] = [];
		for (const el of document.querySelectorAll('button, select, input, textarea, .button')) {
			if (!shown(el)) continue;
			const s = getComputedStyle(el);
			const plainText =
				el.tagName === 'BUTTON' &&
				el.closest('td, th') !== null &&
				s.borderTopStyle === 'none' &&
				transparent(s.backgroundColor);
			if (!plainText) found.push(`<${el.tagName.toLowerCase()}> "${el.textContent?.trim()}"`);
		}
		for (const el of document.querySelectorAll('nav, .skip-link, dialog')) {
			if (shown(el)) found.push(`<${el.tagName.toLowerCase()}> "${el.textContent?.trim()}"`);
		}
		return found;
	});
}

/** WCAG contrast ratio of the header's title against the header's background and bare paper. */
function headerContrast(page: Page): Promise<{ onHeader: number; onPaper: number }> {
	return page.evaluate(() => {
		const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
		const lum = ([r, g, b]: number[]) => {
			const ch = (v: number) => {
				const s = v / 255;
				return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
			};
			return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b);
		};
		const ratio = (a: number[], b: number[]) => {
			const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
			return (hi + 0.05) / (lo + 0.05);
		};
		const title = document.querySelector('.site-header .brand')!;
		const header = getComputedStyle(document.querySelector('.site-header')!);
		const ink = rgb(getComputedStyle(title).color);
		const bg = rgb(header.backgroundColor);
		const paper = [255, 255, 255];
		// Browsers print no backgrounds unless asked: the title must read on bare paper too.
		return {
			onHeader: bg.length === 4 && bg[3] === 0 ? ratio(ink, paper) : ratio(ink, bg),
			onPaper: ratio(ink, paper)
		};
	});
}

/** Cells (or tables) whose right edge passes the printable width, or that are clipped by a scroller. */
function cutOff(page: Page, selector: string): Promise<string[]> {
	return page.evaluate(
		([sel, width]) => {
			const out: string[] = [];
			for (const el of document.querySelectorAll(`${sel}, ${sel} th, ${sel} td`)) {
				const r = el.getBoundingClientRect();
				if (r.right > width + 0.5) out.push(`${el.textContent?.trim()} ends at ${r.right}px`);
				for (let a = el.parentElement; a; a = a.parentElement) {
					const s = getComputedStyle(a);
					if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
					const box = a.getBoundingClientRect();
					if (r.right > box.right + 0.5 || r.bottom > box.bottom + 0.5) {
						out.push(`${el.textContent?.trim()} clipped by .${a.className}`);
						break;
					}
				}
			}
			return out;
		},
		[selector, PRINT_WIDTH] as const
	);
}

async function pdfPages(page: Page): Promise<number> {
	const pdf = await page.pdf({
		format: 'A4',
		margin: Object.fromEntries(Object.entries(MARGIN_MM).map(([k, v]) => [k, `${v}mm`]))
	});
	return pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length ?? 0;
}

/** What every printed page must show and hide; returns the document's height as printed. */
async function assertReport(page: Page, path: string): Promise<number> {
	expect(await visibleControls(page), `${path}: controls printed`).toEqual([]);
	const contrast = await headerContrast(page);
	expect(contrast.onHeader, `${path}: header title on its background`).toBeGreaterThanOrEqual(4.5);
	expect(contrast.onPaper, `${path}: header title on bare paper`).toBeGreaterThanOrEqual(4.5);
	expect(await page.locator('h1').first().isVisible(), `${path}: title`).toBe(true);
	expect(await page.locator('.site-header time').isVisible(), `${path}: as-of date`).toBe(true);
	expect(await page.getByText(NOTICE_VI).first().isVisible(), `${path}: notice`).toBe(true);
	// Every chart's table of numbers prints (closed <details> open on paper), inside the page.
	for (const table of await page.locator('figure.chart-frame table').all()) {
		expect(await table.isVisible(), `${path}: a chart's table`).toBe(true);
	}
	expect(await cutOff(page, 'table.data'), `${path}: tables within the page`).toEqual([]);
	return page.evaluate(() => document.documentElement.scrollHeight);
}

/**
 * Icon characters (aria-hidden marks beside a status's words) that draw as the font's
 * missing-glyph box: drawn on a canvas in the element's own font, their pixels equal those of a
 * code point no font has.
 */
function missingGlyphs(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const canvas = document.createElement('canvas');
		canvas.width = canvas.height = 64;
		const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
		const draw = (ch: string, font: string) => {
			ctx.clearRect(0, 0, 64, 64);
			ctx.font = font;
			ctx.fillText(ch, 8, 40);
			return ctx.getImageData(0, 0, 64, 64).data.join();
		};
		const missing = new Set<string>();
		for (const el of document.querySelectorAll('[aria-hidden="true"]')) {
			const text = el.textContent?.trim() ?? '';
			if (!text || text.length > 2 || el.children.length) continue;
			const font = getComputedStyle(el).font;
			const box = draw('\u{10FFFD}', font);
			for (const ch of text) if (draw(ch, font) === box) missing.add(ch);
		}
		return [...missing];
	});
}

describe('print', () => {
	test('the overview prints the chosen phase and year in words, every reporting column within A4', async () => {
		const { page, close } = await openPrinted('/');
		try {
			const height = await assertReport(page, '/');
			const choice = page.getByTestId('print-choice');
			expect(await choice.isVisible()).toBe(true);
			expect(await choice.innerText()).toMatch(/Giai đoạn 2021.2025.*Năm: 2025/s);
			// The reporting table: every year's columns (2021-2025, two periods each) fit the page.
			const reporting = page.locator('table.reporting');
			expect(await reporting.locator('thead th[scope=colgroup]').allInnerTexts()).toEqual([
				'2021',
				'2022',
				'2023',
				'2024',
				'2025'
			]);
			expect(await cutOff(page, 'table.reporting')).toEqual([]);
			// "Late" and the other marks print as marks, not as empty boxes.
			expect(await page.locator('td.rs-late').count()).toBeGreaterThan(0);
			expect(await missingGlyphs(page)).toEqual([]);
			const pages = await pdfPages(page);
			expect(pages).toBeGreaterThanOrEqual(Math.ceil(height / PAGE_HEIGHT));
			expect(pages).toBeLessThanOrEqual(Math.ceil(height / PAGE_HEIGHT) + 2);
		} finally {
			await close();
		}
	});

	test("a unit's page prints as a report", async () => {
		const path = `/don-vi/${commune.unit_code}/`;
		const { page, close } = await openPrinted(path);
		try {
			const height = await assertReport(page, path);
			expect(await page.locator('h1').innerText()).toBe(commune.name);
			// its own kind (Phường, Thị trấn, Xã) from the unit list, not "Xã" for every one
			expect(await page.locator('main').innerText()).toContain(
				`${commune.type} · GSO ${commune.unit_code}`
			);
			const pages = await pdfPages(page);
			expect(pages).toBeLessThanOrEqual(Math.ceil(height / PAGE_HEIGHT) + 2);
		} finally {
			await close();
		}
	});

	test('the map prints its SVG, its choices in words and every unit of the list with its value, without blank pages', async () => {
		const { page, close } = await openPrinted('/ban-do/');
		try {
			const height = await assertReport(page, '/ban-do/');
			expect(await page.getByTestId('print-choice').innerText()).toMatch(
				/Tô màu theo: .+ · Năm: 2025 · Cấp: Xã/
			);
			expect(await page.locator('svg.choropleth').isVisible()).toBe(true);
			expect(await missingGlyphs(page)).toEqual([]);
			// The legend beside the printed map, not under its edge.
			const [map, legend] = await Promise.all(
				['.map-box', '.legend'].map((sel) => page.locator(sel).first().boundingBox())
			);
			const overlap =
				Math.min(map!.x + map!.width, legend!.x + legend!.width) - Math.max(map!.x, legend!.x);
			const overlapY =
				Math.min(map!.y + map!.height, legend!.y + legend!.height) - Math.max(map!.y, legend!.y);
			expect(overlap > 0 && overlapY > 0, 'legend drawn over the map').toBe(false);
			// the latest year, 2025: the 40 units of the 2025 reform (units valid from 2025-07-01)
			const communes = units.filter((u) => u.level === 'commune' && u.valid_from === '2025-07-01');
			const rows = page.locator('.unit-list tbody tr');
			expect(await rows.count()).toBe(communes.length);
			const printed = await rows.evaluateAll((trs) =>
				trs.map((tr) => ({
					code: tr.getAttribute('data-code'),
					name: tr.querySelector('th')?.textContent?.trim(),
					value: tr.querySelector('td.num')?.textContent?.trim(),
					shown: tr.checkVisibility() && tr.getBoundingClientRect().height > 0
				}))
			);
			expect(printed.map((r) => r.code).sort()).toEqual(communes.map((u) => u.unit_code).sort());
			for (const r of printed) {
				expect(r.shown, `${r.name} printed`).toBe(true);
				expect(r.value, `${r.name}'s value`).toMatch(/\S/);
			}
			expect(await cutOff(page, '.unit-list table')).toEqual([]);
			// No blank page: as many pages as the content needs, give or take rows kept whole.
			const pages = await pdfPages(page);
			expect(pages).toBeGreaterThanOrEqual(Math.ceil(height / PAGE_HEIGHT));
			expect(pages).toBeLessThanOrEqual(Math.ceil(height / PAGE_HEIGHT) + 1);
		} finally {
			await close();
		}
	});
});
