/** Byte budgets: compressed bytes of each page's first load, and WebAssembly only where needed. */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser } from './browser';
import { formatBytes, measureFirstLoad, type MeasuredLoad } from './feature';

// Budgets from the issue: bytes on the wire (headers + compressed bodies) of a first load with
// an empty cache, everything the page fetches by itself included (1 KB = 1024 bytes).
/** An embed (`/embed/tong-quan/`): it lives in other sites' pages. */
const EMBED_BUDGET = 60 * 1024;
/** The overview (`/`). */
const OVERVIEW_BUDGET = 150 * 1024;
/** The map page (`/ban-do/`), MapLibre, its worker and the boundary files included. */
const MAP_BUDGET = 700 * 1024;

const baseURL = inject('baseURL');
const ENGINE_TIMEOUT = 60_000;
const MAP_TIMEOUT = 60_000;

const isWasm = (url: string) => /\.wasm$/i.test(new URL(url).pathname);

interface PageCase {
	path: string;
	budget?: number;
	ready?: (page: Page) => Promise<unknown>;
}

const mapReady = (page: Page) =>
	page.locator('.maplibre.ready').waitFor({ state: 'attached', timeout: MAP_TIMEOUT });

/** Pages that must not fetch WebAssembly, with their budget where the issue sets one. */
const PAGES: PageCase[] = [
	{ path: 'embed/tong-quan/', budget: EMBED_BUDGET },
	{ path: '', budget: OVERVIEW_BUDGET },
	{ path: 'ban-do/', budget: MAP_BUDGET, ready: mapReady },
	{ path: 'du-lieu/' },
	{ path: 'don-vi/23473/' }
];

function report(path: string, load: MeasuredLoad, budget?: number): void {
	const limit = budget === undefined ? 'no budget' : `budget ${formatBytes(budget)}`;
	console.log(
		`/${path}: ${formatBytes(load.total)} in ${load.transfers.length} responses (${limit})`
	);
}

describe('byte budgets', () => {
	let browser: Browser;

	beforeAll(async () => {
		browser = await launchBrowser();
	});

	afterAll(async () => {
		await browser?.close();
	});

	test.each(PAGES.map((p) => [p.path, p] as const))(
		'/%s first load fits its budget and fetches no WebAssembly',
		async (path, { budget, ready }) => {
			const load = await measureFirstLoad(browser, new URL(path, baseURL).href, { ready });
			try {
				report(path, load, budget);
				// The page came compressed: the measure is of what a browser really downloads.
				// Responses finish in any order: find the document itself.
				const doc = load.transfers.find((t) => t.url === new URL(path, baseURL).href);
				expect(doc, 'the page itself').toBeDefined();
				expect(doc!.encoding).toBe('br');
				expect(load.foreignRequests).toEqual([]);
				expect(load.requests.filter(isWasm)).toEqual([]);
				if (path === 'ban-do/') {
					// The map really loaded: MapLibre, its worker and both boundary files of the latest
					// year (2025: the new units') are counted; the 102 old communes only when a year
					// before the reform is chosen.
					const counted = load.transfers.map((t) => new URL(t.url).pathname);
					expect(counted.some((p) => /maplibre-gl-worker/.test(p))).toBe(true);
					expect(counted).toContain('/data/geo/communes-2025-07-01.geojson');
					expect(counted).toContain('/data/geo/districts.geojson');
					expect(counted).not.toContain('/data/geo/communes.geojson');
				}
				if (budget !== undefined) {
					const largest = [...load.transfers]
						.sort((a, b) => b.bytes - a.bytes)
						.slice(0, 5)
						.map((t) => `${new URL(t.url).pathname} ${t.bytes} B (${t.encoding ?? 'identity'})`);
					expect(load.total, `/${path} total; largest: ${largest.join(', ')}`).toBeLessThanOrEqual(
						budget
					);
				}
			} finally {
				await load.close();
			}
		},
		120_000
	);

	test('/phan-tich/ fetches WebAssembly once its engine is ready', async () => {
		const path = 'phan-tich/';
		const load = await measureFirstLoad(browser, new URL(path, baseURL).href, {
			ready: (page) =>
				page.locator('p.engine[data-status=ready]').waitFor({ timeout: ENGINE_TIMEOUT })
		});
		try {
			report(path, load);
			expect(load.foreignRequests).toEqual([]);
			expect(load.requests.filter(isWasm).length).toBeGreaterThanOrEqual(1);
		} finally {
			await load.close();
		}
	}, 120_000);
});
