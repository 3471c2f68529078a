/**
 * Cheap hydration (issue 17): the overview and a unit page take over their prerendered HTML
 * without stepping through the charts' drawings (hundreds of SVG elements at four widths) and
 * without making Intl formatters (~200 ms on a slow phone, for numbers and a date the HTML
 * already shows);
 * the charts still redraw when the reader changes the phase or the indicator.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser } from './browser';

const baseURL = inject('baseURL');
const plan = JSON.parse(
	readFileSync(fileURLToPath(new URL('../data/plans/kontum-3430.json', import.meta.url)), 'utf8')
) as { phases: { id: string }[]; indicators: { id: string; kind: string }[] };

/*
 * Installed before the app's scripts. Svelte walks the server's DOM with Node.prototype's
 * firstChild/nextSibling getters (read once, when it starts): count the nodes it is handed
 * that lie inside a chart's drawing. Plain JavaScript text: the page has no tsx helpers.
 */
const PROBE = `(() => {
	const seen = { inDrawing: 0, walked: 0, formatters: 0 };
	window.__hydration = seen;
	for (const name of ['firstChild', 'nextSibling']) {
		const d = Object.getOwnPropertyDescriptor(Node.prototype, name);
		Object.defineProperty(Node.prototype, name, {
			...d,
			get() {
				const node = d.get.call(this);
				if (node) {
					seen.walked++;
					if (node.parentElement && node.parentElement.closest('.chart-variants svg')) seen.inDrawing++;
				}
				return node;
			}
		});
	}
	for (const name of ['DateTimeFormat', 'NumberFormat'])
		Intl[name] = new Proxy(Intl[name], {
			construct(target, args) { seen.formatters++; return Reflect.construct(target, args); },
			apply(target, self, args) { seen.formatters++; return Reflect.apply(target, self, args); }
		});
})();`;

interface Seen {
	inDrawing: number;
	walked: number;
	/** Intl.DateTimeFormat and Intl.NumberFormat made */
	formatters: number;
}

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

/** Opens `path` with the probe; returns the page and what the load walked, once hydrated. */
async function load(path: string): Promise<{ page: Page; seen: Seen; close(): Promise<void> }> {
	const context = await browser.newContext({ serviceWorkers: 'block' });
	await context.addInitScript({ content: PROBE });
	const page = await context.newPage();
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	page.on('console', (m) => {
		if (m.type() === 'error') errors.push(m.text());
	});
	await page.goto(new URL(path.replace(/^\//, ''), baseURL).href, { waitUntil: 'load' });
	// Hydrated: the chart tools' buttons exist only once the page runs.
	await page.locator('[data-export=svg]').first().waitFor();
	const seen = (await page.evaluate('window.__hydration')) as Seen;
	expect(errors).toEqual([]);
	return { page, seen, close: () => context.close() };
}

describe('hydration', () => {
	for (const path of ['/', '/en/', '/don-vi/23473/']) {
		test(`${path} hydrates without walking the charts' drawings or making Intl formatters`, async () => {
			const { page, seen, close } = await load(path);
			try {
				const drawn = await page.locator('.chart-variants svg *').count();
				expect(drawn).toBeGreaterThan(100);
				expect(seen.walked).toBeGreaterThan(0);
				expect(seen.inDrawing).toBe(0);
				expect(seen.formatters).toBe(0);
			} finally {
				await close();
			}
		});
	}

	test('/ still redraws the charts when the phase or the indicator changes', async () => {
		const { page, close } = await load('/');
		try {
			const bands = () =>
				page
					.locator('svg.trend')
					.evaluateAll((svgs) =>
						svgs.map((s) => s.querySelector('.phase-band')?.getAttribute('x') ?? 'none')
					);
			const before = await bands();
			const first = plan.phases[0].id;
			await page.locator(`.controls button[data-phase="${first}"]`).click();
			await expect.poll(bands).not.toEqual(before);
			// Every drawing (all four widths of every chart) moved its band.
			const after = await bands();
			expect(after.every((x, i) => x !== before[i])).toBe(true);

			const rates = plan.indicators.filter((i) => i.kind === 'rate').map((i) => i.id);
			const select = page.locator('#districts-h ~ label select');
			await select.selectOption(rates[1]);
			const barIndicators = () =>
				page
					.locator('svg.bars, svg.multi-trend')
					.evaluateAll((svgs) => [...new Set(svgs.map((s) => s.getAttribute('data-indicator')))]);
			await expect.poll(barIndicators).toEqual([rates[1]]);
		} finally {
			await close();
		}
	});
});
