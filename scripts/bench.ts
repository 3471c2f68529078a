/**
 * npm run bench: how fast the built site is for a visitor on a slow phone, measured.
 *
 *   npx tsx scripts/bench.ts [--no-build] [--dir build] [--runs 3] [--filter-changes 50]
 *                            [--lighthouse-runs 3] [--no-lighthouse] [--pages /,/ban-do/]
 *                            [--out bench/results.json] [--requests]
 *
 * Builds the site once (`npm run build`, timed; skipped with --no-build), serves the build
 * directory with the static server (precompressed, as a static host), and drives Debian's
 * Chromium through playwright-core with Lighthouse's mobile profile applied over CDP: 1.6 Mbps
 * down, 750 Kbps up, 150 ms latency, CPU slowed 4×, cache disabled, 412×823 phone viewport.
 * Every page is loaded --runs times in a fresh context; the figures are medians. Then Lighthouse
 * (mobile preset, performance and accessibility) runs on the same pages against the same
 * Chromium binary. Everything goes to bench/results.json, and a short table is printed.
 * What each figure means: bench/README.md.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Browser, CDPSession, Page, Request } from 'playwright-core';
import { CHROMIUM_PATH, launchBrowser } from '../tests/browser';
import { runLighthouse, type LighthousePage, type LighthouseResult } from './bench/lighthouse';
import { DEFAULT_DIR, startServer } from './serve';

/** Lighthouse's mobile profile (constants.throttling.mobileSlow4G and screenEmulation.mobile). */
export const PROFILE = {
	name: 'Lighthouse mobile (slow 4G, 4× CPU)',
	downloadBytesPerSecond: (1.6 * 1024 * 1024) / 8,
	uploadBytesPerSecond: (750 * 1024) / 8,
	latencyMs: 150,
	cpuSlowdown: 4,
	viewport: { width: 412, height: 823 },
	deviceScaleFactor: 1.75,
	cacheDisabled: true
};

export const KINDS = ['html', 'js', 'css', 'data', 'wasm', 'fonts', 'images', 'other'] as const;
export type Kind = (typeof KINDS)[number];
export type Bytes = Record<Kind | 'total', number>;

interface PageSpec {
	path: string;
	label: string;
	/** the element that shows the page's main numbers */
	main: string;
	interaction?: 'map' | 'explorer';
}

export const PAGES: PageSpec[] = [
	{ path: '/', label: 'overview', main: 'article.card' },
	{ path: '/ban-do/', label: 'map', main: 'svg.choropleth', interaction: 'map' },
	{
		path: '/phan-tich/',
		label: 'explorer',
		main: '[data-testid=total-children]',
		interaction: 'explorer'
	},
	{ path: '/embed/tong-quan/', label: 'embed', main: 'table.headline' },
	{ path: '/don-vi/23473/', label: 'unit page', main: 'h1' }
];

/** One load of one page; times in ms from navigation start, bytes as transferred (compressed). */
export interface PageRun {
	bytes: Bytes;
	requests: number;
	fcpMs: number | null;
	lcpMs: number | null;
	domContentLoadedMs: number | null;
	loadMs: number | null;
	mainVisibleMs: number | null;
	/** map: .maplibre.ready visible */
	mapReadyMs?: number | null;
	/** map: a unit panel is shown after a click on the map's centre (from navigation start) */
	mapAnswerMs?: number | null;
	/** map: from the click (pointerdown) to the panel */
	mapClickToPanelMs?: number | null;
	/** explorer: DuckDB-WASM loaded the cube and answered (p.engine[data-status=ready]) */
	duckdbReadyMs?: number | null;
	/** main thread: the long tasks' time past 50 ms each until the page settled (Lighthouse's TBT, measured, not simulated) */
	blockingMs: number | null;
	longestTaskMs: number | null;
	/** os.loadavg()[0] when the load started */
	loadAverage1m: number | null;
	errors: string[];
}

export interface FilterStats {
	changes: number;
	cpuSlowdown: number;
	p50Ms: number | null;
	p95Ms: number | null;
	maxMs: number | null;
	timeouts: number;
}

// ---------------------------------------------------------------------------------------------
// Small helpers, shared with scripts/bench-national.ts.

export function quantile(values: number[], q: number): number | null {
	if (values.length === 0) return null;
	const sorted = [...values].sort((a, b) => a - b);
	// Nearest rank: p95 of 50 samples is the 48th smallest, a value that was really measured.
	const rank = Math.max(1, Math.ceil(q * sorted.length));
	return sorted[rank - 1];
}

export function median(values: (number | null | undefined)[]): number | null {
	const xs = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
	if (xs.length === 0) return null;
	const sorted = [...xs].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export const round = (x: number | null | undefined, digits = 0): number | null => {
	if (x === null || x === undefined || !Number.isFinite(x)) return null;
	const f = 10 ** digits;
	return Math.round(x * f) / f;
};

export const kib = (n: number | null | undefined): string =>
	n === null || n === undefined ? '–' : (n / 1024).toFixed(n < 10 * 1024 ? 1 : 0);

export const secs = (ms: number | null | undefined): string =>
	ms === null || ms === undefined ? '–' : (ms / 1000).toFixed(2);

/** A plain text table, columns padded; numbers right-aligned. */
export function textTable(header: string[], rows: (string | number)[][]): string {
	const cells = [header, ...rows.map((r) => r.map(String))];
	const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
	const line = (r: string[]) =>
		r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
	return [line(cells[0]), line(widths.map((w) => '-'.repeat(w))), ...cells.slice(1).map(line)].join(
		'\n'
	);
}

/** Writes JSON formatted as the project's prettier would, so `npm run lint` stays green. */
export async function writeJson(file: string, value: unknown): Promise<void> {
	mkdirSync(dirname(file), { recursive: true });
	let text = JSON.stringify(value, null, '\t') + '\n';
	try {
		const prettier = await import('prettier');
		const options = (await prettier.resolveConfig(file)) ?? {};
		text = await prettier.format(text, { ...options, filepath: file });
	} catch {
		// prettier is a devDependency; without it the plain JSON is still valid.
	}
	writeFileSync(file, text);
}

export function machineInfo() {
	return {
		cpus: cpus().length,
		cpuModel: cpus()[0]?.model ?? 'unknown',
		loadAverage1m: round(loadavg()[0], 2),
		node: process.version
	};
}

export function isMain(url: string): boolean {
	const entry = process.argv[1];
	if (!entry) return false;
	try {
		return realpathSync(entry) === realpathSync(fileURLToPath(url));
	} catch {
		return false;
	}
}

// ---------------------------------------------------------------------------------------------
// Transfer sizes.

/** Kind of a response from its path's extension, then its MIME type and resource type. */
export function kindOf(url: string, mime: string, resourceType: string): Kind {
	let path = '';
	try {
		path = new URL(url).pathname.toLowerCase();
	} catch {
		path = url.toLowerCase();
	}
	const ext = /\.([a-z0-9]+)$/.exec(path)?.[1] ?? '';
	const m = mime.toLowerCase();
	const t = resourceType.toLowerCase();
	if (ext === 'wasm' || m === 'application/wasm') return 'wasm';
	if (['json', 'csv', 'geojson', 'parquet'].includes(ext)) return 'data';
	if (/json|csv|parquet/.test(m)) return 'data';
	if (['js', 'mjs'].includes(ext) || /javascript|ecmascript/.test(m) || t === 'script') return 'js';
	if (ext === 'css' || m === 'text/css' || t === 'stylesheet') return 'css';
	if (['woff', 'woff2', 'ttf', 'otf'].includes(ext) || m.startsWith('font/') || t === 'font')
		return 'fonts';
	if (['png', 'jpg', 'jpeg', 'gif', 'webp', 'avif', 'svg', 'ico'].includes(ext)) return 'images';
	if (m.startsWith('image/') || t === 'image') return 'images';
	if (ext === 'html' || m === 'text/html' || t === 'document' || path.endsWith('/')) return 'html';
	return 'other';
}

interface Transfer {
	url: string;
	kind: Kind;
	bytes: number;
}

/**
 * Records what a page transfers. Chromium's CDP `Network.loadingFinished.encodedDataLength`
 * (headers + body as sent on the wire) is the figure; the page's CDP session does not see what
 * its workers fetch (DuckDB-WASM fetches its .wasm from a worker), so those come from
 * playwright's request events, whose `sizes()` read the same counter.
 */
class TransferLog {
	private cdp = new Map<string, { url: string; type: string; mime: string; bytes?: number }>();
	private pw: { url: string; type: string; mime: string; bytes: number }[] = [];
	private pending = new Set<Promise<void>>();
	inFlight = 0;
	lastActivity = Date.now();

	attach(page: Page, cdp: CDPSession): void {
		cdp.on('Network.requestWillBeSent', (e) => {
			if (!this.cdp.has(e.requestId))
				this.cdp.set(e.requestId, { url: e.request.url, type: e.type ?? '', mime: '' });
		});
		cdp.on('Network.responseReceived', (e) => {
			const r = this.cdp.get(e.requestId);
			if (r) r.mime = e.response.mimeType;
		});
		cdp.on('Network.loadingFinished', (e) => {
			const r = this.cdp.get(e.requestId);
			if (r) r.bytes = e.encodedDataLength;
		});
		page.context().on('request', () => {
			this.inFlight++;
			this.lastActivity = Date.now();
		});
		const done = () => {
			this.inFlight = Math.max(0, this.inFlight - 1);
			this.lastActivity = Date.now();
		};
		page.context().on('requestfailed', done);
		page.context().on('requestfinished', (request: Request) => {
			const p = this.record(request).finally(() => {
				this.pending.delete(p);
				done();
			});
			this.pending.add(p);
		});
	}

	private async record(request: Request): Promise<void> {
		const url = request.url();
		if (!/^https?:/.test(url)) return;
		const response = await request.response().catch(() => null);
		const mime = (response?.headers()['content-type'] ?? '').split(';')[0].trim();
		const sizes = await request.sizes().catch(() => null);
		let bytes = sizes ? sizes.responseBodySize + sizes.responseHeadersSize : 0;
		// A worker's own script reports no body size; its Content-Length is what was sent.
		if (sizes && sizes.responseBodySize === 0) {
			const length = Number(response?.headers()['content-length'] ?? 0);
			if (length > 0) bytes = length + sizes.responseHeadersSize;
		}
		this.pw.push({ url, type: request.resourceType(), mime, bytes });
	}

	/** Waits until no request has been in flight for `quietMs` (at most `maxMs`). */
	async settle(quietMs = 500, maxMs = 10_000): Promise<void> {
		const deadline = Date.now() + maxMs;
		while (Date.now() < deadline && (this.inFlight > 0 || Date.now() - this.lastActivity < quietMs))
			await sleep(50);
		await Promise.allSettled([...this.pending]);
	}

	transfers(): Transfer[] {
		const out: Transfer[] = [];
		const unmatched = [...this.cdp.values()].filter(
			(r) => r.bytes !== undefined && /^https?:/.test(r.url)
		);
		for (const p of this.pw) {
			const i = unmatched.findIndex((r) => r.url === p.url);
			if (i >= 0) {
				const [r] = unmatched.splice(i, 1);
				out.push({ url: r.url, kind: kindOf(r.url, r.mime || p.mime, r.type), bytes: r.bytes! });
			} else out.push({ url: p.url, kind: kindOf(p.url, p.mime, p.type), bytes: p.bytes });
		}
		for (const r of unmatched)
			out.push({ url: r.url, kind: kindOf(r.url, r.mime, r.type), bytes: r.bytes! });
		return out;
	}
}

export function emptyBytes(): Bytes {
	return { html: 0, js: 0, css: 0, data: 0, wasm: 0, fonts: 0, images: 0, other: 0, total: 0 };
}

function sumBytes(transfers: Transfer[]): Bytes {
	const b = emptyBytes();
	for (const t of transfers) {
		b[t.kind] += t.bytes;
		b.total += t.bytes;
	}
	return b;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------
// In the page.

/*
 * The code that runs in the page is kept as plain JavaScript text: tsx compiles this file with
 * esbuild's keepNames, whose `__name(...)` helper would not exist inside the page.
 */

/**
 * Installed before any page script: marks (performance.now(), ms from navigation start) the
 * first animation frame in which each watched selector matches a visible element. Animation
 * frames run only when Chromium is about to render, so a mark is never earlier than the first
 * frame that could show the element. Also keeps the latest pointerdown's time.
 */
function pageProbe(watch: [name: string, selector: string][]): string {
	return `(() => {
		const watch = ${JSON.stringify(watch)};
		const state = { marks: {}, pointerDownAt: null, longTasks: [] };
		window.__bench = state;
		try {
			new PerformanceObserver((list) => {
				for (const e of list.getEntries()) state.longTasks.push(e.duration);
			}).observe({ type: 'longtask', buffered: true });
		} catch {}
		addEventListener('pointerdown', () => { state.pointerDownAt = performance.now(); }, true);
		function visible(el) {
			const r = el.getBoundingClientRect();
			if (r.width === 0 || r.height === 0) return false;
			return typeof el.checkVisibility === 'function'
				? el.checkVisibility({ visibilityProperty: true, opacityProperty: true })
				: true;
		}
		function frame() {
			const now = performance.now();
			for (const [name, selector] of watch) {
				if (state.marks[name] !== undefined) continue;
				const el = document.querySelector(selector);
				if (el && visible(el)) state.marks[name] = now;
			}
			if (watch.some(([name]) => state.marks[name] === undefined)) requestAnimationFrame(frame);
		}
		requestAnimationFrame(frame);
	})();`;
}

/**
 * Waits for the probe's mark `name`; null if it does not come within `timeoutMs`. Any other
 * failure is recorded in `errors` (and also gives null), never passed off as a timeout.
 *
 * The predicate is a function, not a string: Playwright evaluates a string predicate with
 * `eval()` at every poll, and the pages' Content-Security-Policy (no 'unsafe-eval') refuses
 * that in every poll after the first (only the first runs inside the DevTools call, which CSP
 * exempts), so a mark not already there at the first check used to fail at once. A function is
 * evaluated once, in that first call, and then called at each poll.
 */
async function mark(
	page: Page,
	name: string,
	timeoutMs: number,
	errors: string[]
): Promise<number | null> {
	try {
		const handle = await page.waitForFunction(
			(key: string) =>
				(window as unknown as { __bench?: { marks: Record<string, number> } }).__bench?.marks[key],
			name,
			{ timeout: timeoutMs, polling: 100 }
		);
		return (await handle.jsonValue()) as number;
	} catch (e) {
		if (!(e instanceof Error && e.name === 'TimeoutError'))
			errors.push(`waiting for ${name}: ${String(e).split('\n')[0]}`);
		return null;
	}
}

const PAINT_TIMES = `(async () => {
	function entries(type) {
		return new Promise((resolve) => {
			const seen = [];
			try {
				const observer = new PerformanceObserver((list) => seen.push(...list.getEntries()));
				observer.observe({ type, buffered: true });
				setTimeout(() => { observer.disconnect(); resolve(seen); }, 50);
			} catch {
				resolve(seen);
			}
		});
	}
	const paints = await entries('paint');
	const lcps = await entries('largest-contentful-paint');
	const nav = performance.getEntriesByType('navigation')[0];
	const fcp = paints.find((e) => e.name === 'first-contentful-paint');
	const long = (window.__bench && window.__bench.longTasks) || [];
	return {
		blockingMs: long.reduce((sum, d) => sum + Math.max(0, d - 50), 0),
		longestTaskMs: long.length ? Math.max(...long) : 0,
		fcpMs: fcp ? fcp.startTime : null,
		lcpMs: lcps.length ? lcps[lcps.length - 1].startTime : null,
		domContentLoadedMs: (nav && nav.domContentLoadedEventEnd) || null,
		loadMs: (nav && nav.loadEventEnd) || null
	};
})()`;

/** FCP, LCP (last candidate), DOMContentLoaded and load, in ms from navigation start. */
async function paintTimes(page: Page) {
	return (await page.evaluate(PAINT_TIMES)) as {
		blockingMs: number;
		longestTaskMs: number;
		fcpMs: number | null;
		lcpMs: number | null;
		domContentLoadedMs: number | null;
		loadMs: number | null;
	};
}

async function throttle(cdp: CDPSession, cpuSlowdown: number): Promise<void> {
	await cdp.send('Network.enable');
	await cdp.send('Network.setCacheDisabled', { cacheDisabled: PROFILE.cacheDisabled });
	await cdp.send('Network.emulateNetworkConditions', {
		offline: false,
		latency: PROFILE.latencyMs,
		downloadThroughput: PROFILE.downloadBytesPerSecond,
		uploadThroughput: PROFILE.uploadBytesPerSecond
	});
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
}

// ---------------------------------------------------------------------------------------------
// Interactions.

/** Clicks the centre of the map (then a few points around it) until a unit panel opens. */
async function mapClick(
	page: Page,
	errors: string[]
): Promise<{ mapAnswerMs: number | null; mapClickToPanelMs: number | null }> {
	const box = page.locator('.map-box');
	await box.scrollIntoViewIfNeeded();
	const b = await box.boundingBox();
	if (!b) {
		errors.push('map: .map-box has no box');
		return { mapAnswerMs: null, mapClickToPanelMs: null };
	}
	const offsets = [
		[0, 0],
		[0.1, 0],
		[-0.1, 0],
		[0, 0.1],
		[0, -0.1]
	];
	for (const [dx, dy] of offsets) {
		await page.evaluate('window.__bench.pointerDownAt = null');
		await page.mouse.click(b.x + b.width * (0.5 + dx), b.y + b.height * (0.5 + dy));
		const answer = await mark(page, 'panel', 15_000, errors);
		if (answer !== null) {
			const down = (await page.evaluate('window.__bench.pointerDownAt')) as number | null;
			return {
				mapAnswerMs: answer,
				mapClickToPanelMs: down === null ? null : answer - down
			};
		}
	}
	errors.push('map: no unit panel opened after clicks on and around the centre of the map');
	return { mapAnswerMs: null, mapClickToPanelMs: null };
}

/**
 * Toggles the filter checkboxes group by group (change i: group i mod G, option ⌊i/G⌋ mod n)
 * and times each, inside the page, from the click until `.views` has gone aria-busy="true" and
 * back to "false": the page sets busy before its first query and clears it in the same update
 * that puts the new results (total, bars, trend, table) in place.
 */
async function filterChanges(
	page: Page,
	changes: number
): Promise<{ times: number[]; timeouts: number }> {
	return (await page.evaluate(`(async () => {
		const n = ${changes};
		const views = document.querySelector('.views');
		const groups = [...document.querySelectorAll('aside.filters fieldset')]
			.map((fs) => [...fs.querySelectorAll('input[type=checkbox]')])
			.filter((g) => g.length > 0);
		if (!views || groups.length === 0) throw new Error('explorer: no filters found');
		const times = [];
		let timeouts = 0;
		for (let i = 0; i < n; i++) {
			const group = groups[i % groups.length];
			const box = group[Math.floor(i / groups.length) % group.length];
			const ms = await new Promise((resolve) => {
				let t0 = 0;
				const observer = new MutationObserver((records) => {
					if (records.some((r) => r.oldValue === 'true') && views.getAttribute('aria-busy') === 'false') {
						const t1 = performance.now();
						observer.disconnect();
						clearTimeout(timer);
						resolve(t1 - t0);
					}
				});
				const timer = setTimeout(() => { observer.disconnect(); resolve(null); }, 30000);
				observer.observe(views, { attributes: true, attributeFilter: ['aria-busy'], attributeOldValue: true });
				t0 = performance.now();
				box.click();
			});
			if (ms === null) timeouts++;
			else times.push(ms);
			// Let the page paint between changes, as a person clicking would.
			await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)));
		}
		return { times, timeouts };
	})()`)) as { times: number[]; timeouts: number };
}

function filterStats(times: number[], timeouts: number, cpuSlowdown: number): FilterStats {
	return {
		changes: times.length + timeouts,
		cpuSlowdown,
		p50Ms: round(quantile(times, 0.5), 1),
		p95Ms: round(quantile(times, 0.95), 1),
		maxMs: round(times.length ? Math.max(...times) : null, 1),
		timeouts
	};
}

// ---------------------------------------------------------------------------------------------
// One page load.

async function measurePage(
	browser: Browser,
	baseUrl: string,
	spec: PageSpec,
	opts: { filterChanges: number; listRequests: boolean }
): Promise<{ run: PageRun; filters?: FilterStats[] }> {
	const context = await browser.newContext({
		viewport: PROFILE.viewport,
		deviceScaleFactor: PROFILE.deviceScaleFactor,
		isMobile: true,
		hasTouch: true,
		serviceWorkers: 'block'
	});
	const errors: string[] = [];
	const load1m = loadavg()[0];
	try {
		const watch: [string, string][] = [['main', spec.main]];
		if (spec.interaction === 'map')
			watch.push(['mapReady', '.maplibre.ready'], ['panel', 'section.panel']);
		if (spec.interaction === 'explorer') watch.push(['duckdbReady', 'p.engine[data-status=ready]']);
		await context.addInitScript({ content: pageProbe(watch) });
		const page = await context.newPage();
		page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
		const cdp = await context.newCDPSession(page);
		await throttle(cdp, PROFILE.cpuSlowdown);
		const log = new TransferLog();
		log.attach(page, cdp);

		const url = new URL(spec.path.replace(/^\//, ''), baseUrl).href;
		const response = await page.goto(url, { waitUntil: 'load', timeout: 180_000 });
		if (!response || response.status() !== 200)
			errors.push(`HTTP ${response?.status() ?? 'no response'} for ${spec.path}`);
		const mainVisibleMs = await mark(page, 'main', 60_000, errors);
		if (mainVisibleMs === null) errors.push(`${spec.main} not visible within 60 s of load`);

		const run: PageRun = {
			bytes: emptyBytes(),
			requests: 0,
			fcpMs: null,
			lcpMs: null,
			domContentLoadedMs: null,
			loadMs: null,
			mainVisibleMs,
			blockingMs: null,
			longestTaskMs: null,
			loadAverage1m: round(load1m, 2),
			errors
		};
		let filters: FilterStats[] | undefined;
		// What the page transferred to get ready, before any click (a click can fetch more: the
		// explorer's URL update makes Chromium ask for the favicon again, uncached).
		const snapshot = async () => {
			await log.settle(500, 30_000);
			const transfers = log.transfers();
			if (opts.listRequests)
				for (const t of transfers)
					console.log(`    ${t.kind.padEnd(6)} ${String(t.bytes).padStart(9)}  ${t.url}`);
			run.bytes = sumBytes(transfers);
			run.requests = transfers.length;
		};
		if (spec.interaction === 'map') {
			// LCP stops at the first input: read the paints before clicking.
			await log.settle(500, 120_000);
			Object.assign(run, await paintTimes(page));
			run.mapReadyMs = await mark(page, 'mapReady', 180_000, errors);
			await snapshot();
			if (run.mapReadyMs === null) {
				errors.push('map: .maplibre.ready did not appear within 180 s');
				run.mapAnswerMs = run.mapClickToPanelMs = null;
			} else Object.assign(run, await mapClick(page, errors));
		} else if (spec.interaction === 'explorer') {
			run.duckdbReadyMs = await mark(page, 'duckdbReady', 300_000, errors);
			if (run.duckdbReadyMs === null) errors.push('explorer: DuckDB not ready within 300 s');
			Object.assign(run, await paintTimes(page));
			if (run.duckdbReadyMs !== null)
				await page
					.locator('.views[aria-busy=false]')
					.waitFor({ timeout: 60_000 })
					.catch(() => errors.push('explorer: first results never arrived'));
			await snapshot();
			if (run.duckdbReadyMs !== null && opts.filterChanges > 0) {
				filters = [];
				const throttled = await filterChanges(page, opts.filterChanges);
				filters.push(filterStats(throttled.times, throttled.timeouts, PROFILE.cpuSlowdown));
				await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
				const fast = await filterChanges(page, opts.filterChanges);
				filters.push(filterStats(fast.times, fast.timeouts, 1));
			}
		} else {
			await log.settle(500, 30_000);
			Object.assign(run, await paintTimes(page));
			await snapshot();
		}
		// Nothing is visible before the first contentful paint: the animation frame that first
		// holds the element can start before that frame is presented.
		if (run.mainVisibleMs !== null && run.fcpMs !== null)
			run.mainVisibleMs = Math.max(run.mainVisibleMs, run.fcpMs);
		for (const k of [
			'fcpMs',
			'lcpMs',
			'domContentLoadedMs',
			'loadMs',
			'mainVisibleMs',
			'blockingMs',
			'longestTaskMs'
		] as const)
			run[k] = round(run[k], 0);
		for (const k of ['mapReadyMs', 'mapAnswerMs', 'mapClickToPanelMs', 'duckdbReadyMs'] as const)
			if (k in run) run[k] = round(run[k], 0);
		return { run, filters };
	} finally {
		await context.close();
	}
}

// ---------------------------------------------------------------------------------------------
// Lighthouse.

// ---------------------------------------------------------------------------------------------
// Main.

interface PageResult {
	path: string;
	label: string;
	median: Omit<PageRun, 'errors'>;
	runs: PageRun[];
}

function medianRun(runs: PageRun[]): Omit<PageRun, 'errors'> {
	const bytes = emptyBytes();
	for (const k of [...KINDS, 'total'] as const) bytes[k] = median(runs.map((r) => r.bytes[k])) ?? 0;
	const m = (k: keyof PageRun) => round(median(runs.map((r) => r[k] as number | null)), 0);
	const out: Omit<PageRun, 'errors'> = {
		bytes,
		requests: m('requests') ?? 0,
		fcpMs: m('fcpMs'),
		lcpMs: m('lcpMs'),
		domContentLoadedMs: m('domContentLoadedMs'),
		loadMs: m('loadMs'),
		mainVisibleMs: m('mainVisibleMs'),
		blockingMs: m('blockingMs'),
		longestTaskMs: m('longestTaskMs'),
		loadAverage1m: round(median(runs.map((r) => r.loadAverage1m)), 2)
	};
	for (const k of ['mapReadyMs', 'mapAnswerMs', 'mapClickToPanelMs', 'duckdbReadyMs'] as const)
		if (runs.some((r) => k in r)) out[k] = m(k);
	return out;
}

function chromiumVersion(): string {
	const r = spawnSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8' });
	return (r.stdout ?? '').trim() || 'unknown';
}

interface Goal {
	goal: string;
	target: string;
	measured: string;
	pass: boolean | null;
}

/** The Lighthouse goals of one page, judged on the median of its runs (bench/README.md). */
function lighthouseGoals(label: string, lh: LighthousePage | undefined, runs: number): Goal[] {
	const of = `median of ${runs}`;
	const at = lh ? ` (load ${lh.loadAverage1m}, CPU index ${lh.benchmarkIndex})` : '';
	const measured = (v: string | number | null | undefined) =>
		lh ? `${v ?? '–'}${at}` : 'not measured';
	return [
		{
			goal: `${label} LCP, Lighthouse (simulated throttling), ${of}`,
			target: '< 1.5 s',
			measured: measured(secs(lh?.lcpMs) + ' s'),
			pass: lh?.lcpMs == null ? null : lh.lcpMs < 1500
		},
		{
			goal: `${label} Lighthouse performance (mobile), ${of}`,
			target: '≥ 95',
			measured: measured(lh?.performance),
			pass: lh?.performance == null ? null : lh.performance >= 95
		},
		{
			goal: `${label} total blocking time, Lighthouse, ${of}`,
			target: '≤ 200 ms',
			measured: measured(lh?.tbtMs == null ? null : `${lh.tbtMs} ms`),
			pass: lh?.tbtMs == null ? null : lh.tbtMs <= 200
		},
		{
			goal: `${label} Lighthouse accessibility (mobile), ${of}`,
			target: '100',
			measured: measured(lh?.accessibility),
			pass: lh?.accessibility == null ? null : lh.accessibility === 100
		}
	];
}

async function main(): Promise<void> {
	const started = performance.now();
	const { values } = parseArgs({
		options: {
			'no-build': { type: 'boolean', default: false },
			dir: { type: 'string', default: DEFAULT_DIR },
			runs: { type: 'string', default: '3' },
			'filter-changes': { type: 'string', default: '50' },
			'lighthouse-runs': { type: 'string', default: '3' },
			'no-lighthouse': { type: 'boolean', default: false },
			pages: { type: 'string' },
			out: { type: 'string', default: 'bench/results.json' },
			requests: { type: 'boolean', default: false }
		}
	});
	const runs = Number(values.runs);
	const changes = Number(values['filter-changes']);
	const lighthouseRuns = Number(values['lighthouse-runs']);
	for (const [name, v] of [
		['--runs', runs],
		['--filter-changes', changes],
		['--lighthouse-runs', lighthouseRuns]
	] as const)
		if (!Number.isInteger(v) || v < 0) throw new Error(`${name} must be a whole number`);
	if (runs < 1) throw new Error('--runs must be at least 1');
	const wanted = values.pages?.split(',').map((p) => p.trim());
	const pages = wanted ? PAGES.filter((p) => wanted.includes(p.path)) : PAGES;
	if (pages.length === 0) throw new Error(`--pages: none of ${values.pages} is a benched page`);

	const load0 = loadavg()[0];
	let build: { ran: boolean; seconds: number | null; command: string | null } = {
		ran: false,
		seconds: null,
		command: null
	};
	if (!values['no-build']) {
		console.log('npm run build …');
		const t0 = performance.now();
		const r = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
		if (r.status !== 0) throw new Error(`npm run build failed (exit ${r.status})`);
		build = {
			ran: true,
			seconds: round((performance.now() - t0) / 1000, 1),
			command: 'npm run build'
		};
		console.log(`build: ${build.seconds} s`);
	}
	const dir = resolve(values.dir);
	if (!existsSync(join(dir, 'index.html')))
		throw new Error(`${dir}/index.html not found: build the site first or drop --no-build.`);

	const server = await startServer({ dir, port: 0 });
	const results: PageResult[] = [];
	let filters: FilterStats[] | null = null;
	try {
		const browser = await launchBrowser();
		try {
			const perPage = new Map<string, PageRun[]>(pages.map((p) => [p.path, []]));
			for (let r = 0; r < runs; r++) {
				for (const spec of pages) {
					const t0 = performance.now();
					// The 50 filter changes run once, in the first load of the explorer.
					const { run, filters: f } = await measurePage(browser, server.url, spec, {
						filterChanges: r === 0 ? changes : 0,
						listRequests: values.requests
					});
					if (f) filters = f;
					perPage.get(spec.path)!.push(run);
					console.log(
						`run ${r + 1}/${runs} ${spec.path.padEnd(18)} ${kib(run.bytes.total).padStart(6)} KB` +
							`  LCP ${secs(run.lcpMs)} s  main ${secs(run.mainVisibleMs)} s` +
							(run.duckdbReadyMs !== undefined ? `  DuckDB ${secs(run.duckdbReadyMs)} s` : '') +
							(run.mapAnswerMs !== undefined ? `  map answer ${secs(run.mapAnswerMs)} s` : '') +
							`  (${((performance.now() - t0) / 1000).toFixed(0)} s)` +
							(run.errors.length ? `  ! ${run.errors.join('; ')}` : '')
					);
				}
			}
			for (const spec of pages) {
				const pr = perPage.get(spec.path)!;
				results.push({ path: spec.path, label: spec.label, median: medianRun(pr), runs: pr });
			}
		} finally {
			await browser.close();
		}
	} finally {
		await server.close();
	}

	let lighthouse: LighthouseResult;
	if (values['no-lighthouse'] || lighthouseRuns === 0) {
		lighthouse = {
			ran: false,
			reason: 'skipped (--no-lighthouse)',
			preset: 'mobile',
			runsPerPage: 0,
			pages: []
		};
	} else {
		console.log('Lighthouse …');
		const lhServer = await startServer({ dir, port: 0 });
		try {
			lighthouse = await runLighthouse(
				lhServer.url,
				pages.map((p) => p.path),
				lighthouseRuns
			);
		} finally {
			await lhServer.close();
		}
		if (!lighthouse.ran) console.log(`Lighthouse did not run: ${lighthouse.reason}`);
	}

	// Goals (bench/README.md).
	const byPath = (p: string) => results.find((r) => r.path === p);
	const lhPage = (p: string) => lighthouse.pages.find((x) => x.path === p);
	const goals: Goal[] = [];
	const embed = byPath('/embed/tong-quan/');
	if (embed)
		goals.push({
			goal: 'embed /embed/tong-quan/ transfers under 60 KB',
			target: '< 60 KB (61,440 bytes)',
			measured: `${kib(embed.median.bytes.total)} KB`,
			pass: embed.median.bytes.total < 60 * 1024
		});
	const overview = byPath('/');
	if (overview) {
		goals.push({
			goal: 'overview LCP, measured in Chromium with CDP throttling',
			target: '< 1.5 s',
			measured: `${secs(overview.median.lcpMs)} s`,
			pass: overview.median.lcpMs === null ? null : overview.median.lcpMs < 1500
		});
		goals.push(...lighthouseGoals('overview', lhPage('/'), lighthouseRuns));
	}
	const unitPage = pages.find((p) => p.label === 'unit page');
	if (unitPage) goals.push(...lighthouseGoals('unit page', lhPage(unitPage.path), lighthouseRuns));
	if (filters) {
		const f = filters[0];
		goals.push({
			goal: `explorer filter change p95, Kon Tum data, CPU ${f.cpuSlowdown}× slower`,
			target: '< 50 ms',
			measured: `${f.p95Ms} ms`,
			pass: f.p95Ms === null ? null : f.p95Ms < 50
		});
	}
	goals.push({
		goal: 'pipeline + site build (npm run build)',
		target: '< 90 s',
		measured: build.ran ? `${build.seconds} s` : 'not measured (--no-build)',
		pass: build.ran && build.seconds !== null ? build.seconds < 90 : null
	});

	const durationSeconds = round((performance.now() - started) / 1000, 0);
	const output = {
		generatedAt: new Date().toISOString(),
		command: `tsx scripts/bench.ts ${process.argv.slice(2).join(' ')}`.trim(),
		durationSeconds,
		machine: {
			...machineInfo(),
			loadAverage1mAtStart: round(load0, 2),
			loadAverage1mAtEnd: round(loadavg()[0], 2),
			chromium: chromiumVersion()
		},
		profile: PROFILE,
		runs,
		build,
		pages: results,
		explorerFilters: filters,
		lighthouse,
		goals
	};
	await writeJson(values.out, output);

	// The short table.
	console.log('');
	console.log(
		`Medians of ${runs} run(s), ${PROFILE.name}; KB = 1,024 bytes transferred; times in s from navigation start.`
	);
	console.log(
		textTable(
			[
				'page',
				'total',
				'html',
				'js',
				'css',
				'data',
				'wasm',
				'font',
				'img',
				'FCP',
				'LCP',
				'main',
				'block',
				'ready',
				'LH perf',
				'LH a11y'
			],
			results.map((r) => {
				const b = r.median.bytes;
				const lh = lhPage(r.path);
				const ready = r.median.duckdbReadyMs ?? r.median.mapAnswerMs;
				return [
					r.path,
					kib(b.total),
					kib(b.html),
					kib(b.js),
					kib(b.css),
					kib(b.data),
					kib(b.wasm),
					kib(b.fonts),
					kib(b.images),
					secs(r.median.fcpMs),
					secs(r.median.lcpMs),
					secs(r.median.mainVisibleMs),
					secs(r.median.blockingMs),
					ready === undefined ? '' : secs(ready),
					lh?.performance ?? '–',
					lh?.accessibility ?? '–'
				];
			})
		)
	);
	console.log(
		'ready: /ban-do/ = a click on the map opened a unit panel; /phan-tich/ = DuckDB-WASM answered.'
	);
	if (filters)
		for (const f of filters)
			console.log(
				`explorer filter changes (${f.changes}, CPU ${f.cpuSlowdown}×): p50 ${f.p50Ms} ms, p95 ${f.p95Ms} ms, max ${f.maxMs} ms${f.timeouts ? `, ${f.timeouts} timed out` : ''}`
			);
	if (lighthouse.reason)
		console.log(`Lighthouse: ${lighthouse.ran ? '' : 'not run: '}${lighthouse.reason}`);
	console.log('');
	console.log(
		textTable(
			['goal', 'target', 'measured', 'met'],
			goals.map((g) => [
				g.goal,
				g.target,
				g.measured,
				g.pass === null ? '?' : g.pass ? 'yes' : 'NO'
			])
		)
	);
	console.log(
		`\nWrote ${values.out} in ${durationSeconds} s (load average ${round(load0, 1)} → ${round(loadavg()[0], 1)} on ${cpus().length} cores).`
	);
}

if (isMain(import.meta.url)) {
	main().catch((err: unknown) => {
		console.error(err instanceof Error ? err.message : err);
		process.exit(1);
	});
}
