/** Shared helpers for the feature tests (overview, map, explorer): static HTML, pixels, requests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** Fetches a page of the build as a plain HTTP client would (no JavaScript anywhere). */
export async function fetchHtml(
	baseURL: string,
	path: string
): Promise<{ status: number; html: string }> {
	const response = await fetch(new URL(path.replace(/^\//, ''), baseURL));
	return { status: response.status, html: await response.text() };
}

export interface StaticDocument {
	page: Page;
	close(): Promise<void>;
}

/**
 * Loads fetched HTML into a page with JavaScript disabled and every request aborted, so
 * locators query exactly the markup the server sent (nothing hydrates, nothing loads).
 */
export async function staticDocument(browser: Browser, html: string): Promise<StaticDocument> {
	const context = await browser.newContext({ javaScriptEnabled: false });
	await context.route('**/*', (route) => route.abort('blockedbyclient'));
	const page = await context.newPage();
	await page.setContent(html, { waitUntil: 'domcontentloaded' });
	return { page, close: () => context.close() };
}

/** A published table of the build (`data/<name>.json`: columns + rows) as objects. */
export function readTable(buildDir: string, name: string): Record<string, unknown>[] {
	const table = JSON.parse(readFileSync(join(buildDir, 'data', `${name}.json`), 'utf8')) as {
		columns: string[];
		rows: unknown[][];
	};
	return table.rows.map((row) => Object.fromEntries(table.columns.map((c, i) => [c, row[i]])));
}

export interface PixelStats {
	width: number;
	height: number;
	/** Distinct colours, each channel quantised to 16 levels (anti-aliasing noise ignored). */
	colours: number;
	/** Share of pixels (0–1) of the most common colour: 1 for a blank image. */
	dominant: number;
	/** Share of pixels (0–1) within a few levels of `colour`. */
	share: number;
}

/**
 * Decodes a PNG screenshot in the browser (an <img> drawn on a 2D canvas: Chromium is the PNG
 * decoder, no extra package) and measures its colours, and the share of pixels of `colour`.
 */
export async function pngStats(
	page: Page,
	png: Buffer,
	colour: [number, number, number]
): Promise<PixelStats> {
	return page.evaluate(
		async ({ b64, c }) => {
			const img = new Image();
			img.src = `data:image/png;base64,${b64}`;
			await img.decode();
			const canvas = document.createElement('canvas');
			canvas.width = img.naturalWidth;
			canvas.height = img.naturalHeight;
			const ctx = canvas.getContext('2d')!;
			ctx.drawImage(img, 0, 0);
			const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
			const counts = new Map<number, number>();
			let near = 0;
			for (let i = 0; i < data.length; i += 4) {
				const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
				const key = ((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4);
				counts.set(key, (counts.get(key) ?? 0) + 1);
				if (Math.abs(r - c[0]) + Math.abs(g - c[1]) + Math.abs(b - c[2]) <= 12) near++;
			}
			const pixels = data.length / 4;
			return {
				width: canvas.width,
				height: canvas.height,
				colours: counts.size,
				dominant: Math.max(...counts.values()) / pixels,
				share: near / pixels
			};
		},
		{ b64: png.toString('base64'), c: colour }
	);
}

/** The values of an attribute over every element a locator matches, in document order. */
export function attributes(locator: Locator, name: string): Promise<(string | null)[]> {
	return locator.evaluateAll((els, n) => els.map((e) => e.getAttribute(n)), name);
}

/** `{ [key attribute]: value attribute }` over every element a locator matches. */
export async function attributeMap(
	locator: Locator,
	key: string,
	value: string
): Promise<Record<string, string | null>> {
	const pairs = await locator.evaluateAll(
		(els, [k, v]) => els.map((e) => [e.getAttribute(k) ?? '', e.getAttribute(v)] as const),
		[key, value] as const
	);
	return Object.fromEntries(pairs);
}

/** Query parameters of a page's current URL. */
export function params(page: Page): URLSearchParams {
	return new URL(page.url()).searchParams;
}

/**
 * Repeats an idempotent action (a click on a radio-like button, a select, a fill) until `check`
 * returns `expected`: the first try may land before the page has hydrated.
 */
export async function until(
	action: () => Promise<unknown>,
	check: () => unknown,
	expected: unknown
): Promise<void> {
	await expect
		.poll(
			async () => {
				await action();
				return check();
			},
			{ timeout: 15_000 }
		)
		.toEqual(expected);
}
