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

/** Minimal CSV reader (quoted cells, doubled quotes); `#` comment lines are returned apart. */
export function parseCsv(text: string): { comments: string[]; header: string[]; rows: string[][] } {
	const lines = text
		.replace(/^\uFEFF/, '')
		.split('\n')
		.filter(Boolean);
	const comments = lines.filter((l) => l.startsWith('#'));
	const split = (line: string) => {
		const cells: string[] = [];
		let cell = '';
		let quoted = false;
		for (let i = 0; i < line.length; i++) {
			const ch = line[i];
			if (quoted) {
				if (ch === '"' && line[i + 1] === '"') ((cell += '"'), i++);
				else if (ch === '"') quoted = false;
				else cell += ch;
			} else if (ch === '"') quoted = true;
			else if (ch === ',') (cells.push(cell), (cell = ''));
			else cell += ch;
		}
		cells.push(cell);
		return cells;
	};
	const [header, ...rows] = lines.filter((l) => !l.startsWith('#')).map(split);
	return { comments, header, rows };
}

/** The build's published cube (`data/children_cube.csv`, its `#` notice skipped): rows of text cells. */
export function readCube(buildDir: string): Record<string, string>[] {
	const { header, rows } = parseCsv(
		readFileSync(join(buildDir, 'data', 'children_cube.csv'), 'utf8')
	);
	return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
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

/** One response of a first load: its URL and the bytes it took on the wire. */
export interface Transfer {
	url: string;
	/** Response headers plus body as sent (compressed when the server compressed it). */
	bytes: number;
	/** `Content-Encoding` of the response (`br`, `gzip`), if any. */
	encoding?: string;
}

export interface MeasuredLoad {
	page: Page;
	/** Every request made (page and workers), from before navigation on, finished or not. */
	requests: string[];
	/** Every finished response, with its size on the wire. */
	transfers: Transfer[];
	/** Sum of `transfers[].bytes`. */
	total: number;
	/** Requests to another origin (aborted, never sent). */
	foreignRequests: string[];
	close(): Promise<void>;
}

export interface MeasureOptions {
	/** Viewport; default 1280x800. */
	viewport?: { width: number; height: number };
	/** Waited for after `load` (map drawn, engine ready...), before the network must go quiet. */
	ready?: (page: Page) => Promise<unknown>;
	/** Quiet period after `load` (and `ready`), default 500 ms... */
	quietMs?: number;
	/** ...waited for at most this long, default 5000 ms. */
	settleMs?: number;
}

/**
 * Opens `url` in a fresh context (empty cache, no service worker) and measures its first load
 * on the wire: for each response, headers plus body as transferred (Chromium's encoded size,
 * i.e. brotli/gzip bytes when the server compressed). Chromium reports no body size for a
 * worker's own script, so the response's `Content-Length` (also the encoded size) is used when
 * larger. Requests to another origin are aborted and listed in `foreignRequests`.
 */
export async function measureFirstLoad(
	browser: Browser,
	url: string,
	options: MeasureOptions = {}
): Promise<MeasuredLoad> {
	const origin = new URL(url).origin;
	const context = await browser.newContext({
		viewport: options.viewport ?? { width: 1280, height: 800 },
		serviceWorkers: 'block'
	});
	const requests: string[] = [];
	const foreignRequests: string[] = [];
	const sizes: Promise<Transfer>[] = [];
	let inFlight = 0;
	let lastActivity = Date.now();
	const isForeign = (u: string) => /^https?:/.test(u) && new URL(u).origin !== origin;

	await context.route(
		(u) => isForeign(u.href),
		(route) => route.abort('blockedbyclient')
	);
	context.on('request', (request) => {
		inFlight++;
		lastActivity = Date.now();
		requests.push(request.url());
		if (isForeign(request.url())) foreignRequests.push(request.url());
	});
	context.on('requestfailed', () => {
		inFlight = Math.max(0, inFlight - 1);
		lastActivity = Date.now();
	});
	context.on('requestfinished', (request) => {
		inFlight = Math.max(0, inFlight - 1);
		lastActivity = Date.now();
		if (!/^https?:/.test(request.url())) return;
		sizes.push(
			(async () => {
				const [size, response] = await Promise.all([request.sizes(), request.response()]);
				const headers = (await response?.allHeaders()) ?? {};
				const length = Number(headers['content-length'] ?? 0);
				return {
					url: request.url(),
					bytes: size.responseHeadersSize + Math.max(size.responseBodySize, length),
					encoding: headers['content-encoding']
				};
			})()
		);
	});

	const close = () => context.close();
	try {
		const page = await context.newPage();
		await page.goto(url, { waitUntil: 'load' });
		await options.ready?.(page);
		const quietMs = options.quietMs ?? 500;
		const deadline = Date.now() + (options.settleMs ?? 5000);
		while (Date.now() < deadline && (inFlight > 0 || Date.now() - lastActivity < quietMs)) {
			await new Promise((resolveWait) => setTimeout(resolveWait, 25));
		}
		const transfers = await Promise.all(sizes);
		const total = transfers.reduce((sum, t) => sum + t.bytes, 0);
		return { page, requests, transfers, total, foreignRequests, close };
	} catch (error) {
		await close();
		throw error;
	}
}

/** `12345` → `"12.1 KB (12345 B)"`, for test output. */
export function formatBytes(bytes: number): string {
	return `${(bytes / 1024).toFixed(1)} KB (${bytes} B)`;
}

/** A count as the explorer shows it: its digits, or 'hidden' where the page says "Đã ẩn". */
export const shownCount = (text: string | null) =>
	(text ?? '').includes('Đã ẩn') ? ('hidden' as const) : Number((text ?? '').replace(/\D/g, ''));

/** The explorer's district table: district code (by its name in `districts`) → children shown. */
export async function explorerTableChildren(
	page: Page,
	districts: { code: string; name: string }[]
): Promise<Map<string, number | 'hidden'>> {
	const rows = await page
		.locator('[data-testid=explorer-table] tbody tr')
		.evaluateAll((trs) =>
			trs.map((tr) => [
				tr.querySelector('th')!.textContent!.trim(),
				tr.querySelector('td')!.textContent!
			])
		);
	return new Map(
		rows.map(([name, n]) => [districts.find((d) => d.name === name)?.code ?? name, shownCount(n)])
	);
}
