/**
 * Lighthouse (mobile preset) for scripts/bench.ts: each page N times, every run kept with the
 * machine's load average and Lighthouse's own CPU index (benchmarkIndex) at that moment, and
 * the page judged on the median of each figure. One run on a shared 2-core machine swings by
 * 20 points of performance; a goal judged on one run says more about the neighbours than the site.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../tests/browser';

/** The figures of one Lighthouse run of one page. */
export interface LighthouseFigures {
	performance: number | null;
	accessibility: number | null;
	fcpMs: number | null;
	lcpMs: number | null;
	tbtMs: number | null;
	cls: number | null;
	speedIndexMs: number | null;
}

export interface LighthouseRun extends LighthouseFigures {
	/** os.loadavg()[0] when the run started */
	loadAverage1m: number | null;
	/** Lighthouse's CPU index for the machine during the run (lhr.environment.benchmarkIndex) */
	benchmarkIndex: number | null;
	/** accessibility audits that did not pass */
	accessibilityFailures: string[];
	runtimeError?: string;
}

/** A page: the median of each figure over its runs, and the runs themselves. */
export interface LighthousePage extends LighthouseFigures {
	path: string;
	/** medians over the runs, like the figures */
	loadAverage1m: number | null;
	benchmarkIndex: number | null;
	/** audits that failed in any run */
	accessibilityFailures: string[];
	runs: LighthouseRun[];
}

export interface LighthouseResult {
	ran: boolean;
	reason?: string;
	version?: string;
	preset: string;
	runsPerPage: number;
	pages: LighthousePage[];
}

const FIGURES = [
	'performance',
	'accessibility',
	'fcpMs',
	'lcpMs',
	'tbtMs',
	'cls',
	'speedIndexMs',
	'loadAverage1m',
	'benchmarkIndex'
] as const;

function median(values: (number | null)[]): number | null {
	const xs = values
		.filter((v): v is number => v !== null && Number.isFinite(v))
		.sort((a, b) => a - b);
	if (xs.length === 0) return null;
	const mid = xs.length >> 1;
	return xs.length % 2 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
}

/** Each figure's median over the runs (runs that failed count for nothing). */
export function summarise(path: string, runs: LighthouseRun[]): LighthousePage {
	const page = { path, accessibilityFailures: [], runs } as unknown as LighthousePage;
	for (const k of FIGURES) {
		const m = median(runs.map((r) => r[k]));
		page[k] = m === null ? null : Math.round(m * 1000) / 1000;
	}
	page.accessibilityFailures = [...new Set(runs.flatMap((r) => r.accessibilityFailures))];
	return page;
}

const round = (x: number | null | undefined, digits: number): number | null =>
	x === null || x === undefined || !Number.isFinite(x)
		? null
		: Math.round(x * 10 ** digits) / 10 ** digits;

/** One Lighthouse run (mobile preset: Lighthouse's default config) on one page. */
async function lighthouseRun(
	lighthouse: typeof import('lighthouse').default,
	port: number,
	url: string,
	result: LighthouseResult
): Promise<LighthouseRun> {
	const loadAverage1m = round(loadavg()[0], 2);
	const out = await lighthouse(url, {
		port,
		output: 'json',
		logLevel: 'error',
		onlyCategories: ['performance', 'accessibility']
	});
	if (!out) throw new Error('Lighthouse returned no report');
	const lhr = out.lhr;
	result.version = lhr.lighthouseVersion;
	const num = (id: string) =>
		round(lhr.audits[id]?.numericValue ?? null, id === 'cumulative-layout-shift' ? 3 : 0);
	const score = (id: string) => {
		const s = lhr.categories[id]?.score;
		return s === null || s === undefined ? null : Math.round(s * 100);
	};
	return {
		performance: score('performance'),
		accessibility: score('accessibility'),
		fcpMs: num('first-contentful-paint'),
		lcpMs: num('largest-contentful-paint'),
		tbtMs: num('total-blocking-time'),
		cls: num('cumulative-layout-shift'),
		speedIndexMs: num('speed-index'),
		loadAverage1m,
		benchmarkIndex: round(lhr.environment?.benchmarkIndex ?? null, 0),
		accessibilityFailures: (lhr.categories.accessibility?.auditRefs ?? [])
			.map((r) => lhr.audits[r.id])
			.filter((a) => a && a.score !== null && a.score < 1)
			.map((a) => a.id),
		...(lhr.runtimeError ? { runtimeError: lhr.runtimeError.message } : {})
	};
}

function failedRun(message: string): LighthouseRun {
	return {
		performance: null,
		accessibility: null,
		fcpMs: null,
		lcpMs: null,
		tbtMs: null,
		cls: null,
		speedIndexMs: null,
		loadAverage1m: round(loadavg()[0], 2),
		benchmarkIndex: null,
		accessibilityFailures: [],
		runtimeError: message
	};
}

/** Lighthouse on each path, `runsPerPage` times, against Debian's Chromium. */
export async function runLighthouse(
	baseUrl: string,
	paths: string[],
	runsPerPage: number,
	log: (line: string) => void = console.log
): Promise<LighthouseResult> {
	const result: LighthouseResult = {
		ran: false,
		preset: 'mobile (default config: simulated slow 4G, 4× CPU, Moto G Power screen)',
		runsPerPage,
		pages: []
	};
	let lighthouse: typeof import('lighthouse').default;
	let chromeLauncher: typeof import('chrome-launcher');
	try {
		lighthouse = (await import('lighthouse')).default;
		chromeLauncher = await import('chrome-launcher');
	} catch (e) {
		result.reason = `Lighthouse is not installed (npm install -D lighthouse@12): ${(e as Error).message}`;
		return result;
	}
	if (!existsSync(CHROMIUM_PATH)) {
		result.reason = `Chromium not found at ${CHROMIUM_PATH}`;
		return result;
	}
	const home = mkdtempSync(join(tmpdir(), 'bench-lighthouse-home-'));
	let chrome: Awaited<ReturnType<typeof chromeLauncher.launch>> | undefined;
	try {
		chrome = await chromeLauncher.launch({
			chromePath: CHROMIUM_PATH,
			chromeFlags: CHROMIUM_ARGS.map((a) => (a === '--headless' ? '--headless=new' : a)),
			envVars: { ...(process.env as Record<string, string>), HOME: home },
			logLevel: 'error'
		});
		const errors: string[] = [];
		for (const path of paths) {
			const url = new URL(path.replace(/^\//, ''), baseUrl).href;
			const runs: LighthouseRun[] = [];
			for (let i = 0; i < runsPerPage; i++) {
				let run: LighthouseRun;
				try {
					run = await lighthouseRun(lighthouse, chrome.port, url, result);
				} catch (e) {
					// One page failing must not lose the others.
					const message = (e as Error).message.split('\n')[0];
					errors.push(`${path}: ${message}`);
					run = failedRun(message);
				}
				runs.push(run);
				log(
					`Lighthouse ${i + 1}/${runsPerPage} ${path.padEnd(18)} perf ${run.performance ?? '–'}` +
						`  TBT ${run.tbtMs ?? '–'} ms  LCP ${run.lcpMs ?? '–'} ms` +
						`  (load ${run.loadAverage1m}, CPU index ${run.benchmarkIndex ?? '–'})`
				);
			}
			result.pages.push(summarise(path, runs));
		}
		result.ran = result.pages.some((p) => p.performance !== null);
		if (errors.length) result.reason = `Lighthouse failed on ${errors.join('; ')}`;
	} catch (e) {
		result.reason = `Lighthouse failed: ${(e as Error).message.split('\n')[0]}`;
	} finally {
		try {
			chrome?.kill();
		} catch {
			// already gone
		}
		rmSync(home, { recursive: true, force: true });
	}
	return result;
}
