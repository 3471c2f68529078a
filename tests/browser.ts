/** Helpers for the browser tests: Debian's Chromium through playwright-core, axe-core, page listing. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Build output the tests run against (`$BUILD_DIR`, default `build`). */
export const BUILD_DIR = process.env.BUILD_DIR || 'build';

/** Chromium executable (`$CHROMIUM_PATH`, default Debian's `/usr/bin/chromium`). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * This machine has no network: keep Chromium from phoning home (updates, field trials, sync,
 * safe browsing...) and from resolving any host name but the local test server's, and render
 * WebGL (maplibre) on the CPU with SwiftShader since there is no GPU.
 */
export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1, EXCLUDE [::1]',
	'--use-gl=angle',
	'--use-angle=swiftshader',
	'--enable-unsafe-swiftshader'
];

/** An Error that reports as its one-line message alone (no stack or code frame to wade through). */
export function setupError(message: string): Error {
	const error = new Error(message);
	error.stack = `Error: ${message}`;
	return error;
}

/** Throws a one-line, actionable error if Chromium is not installed. */
export function assertChromium(path: string = CHROMIUM_PATH): void {
	if (!existsSync(path)) {
		throw setupError(
			`Chromium not found at ${path}: install it with "sudo apt-get install -y chromium" (Debian) and run the tests again.`
		);
	}
}

/** Launches headless Chromium with a throwaway HOME, removed when the browser closes. */
export async function launchBrowser(): Promise<Browser> {
	assertChromium();
	const home = mkdtempSync(join(tmpdir(), 'browser-tests-home-'));
	const env: Record<string, string> = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (value !== undefined) env[key] = value;
	}
	Object.assign(env, {
		HOME: home,
		XDG_CONFIG_HOME: join(home, '.config'),
		XDG_CACHE_HOME: join(home, '.cache')
	});
	const browser = await chromium.launch({
		executablePath: CHROMIUM_PATH,
		args: CHROMIUM_ARGS,
		env
	});
	browser.on('disconnected', () => rmSync(home, { recursive: true, force: true }));
	return browser;
}

export interface OpenPageOptions {
	/** Default true. */
	javaScriptEnabled?: boolean;
	/** Origin that counts as local; default the origin of `url`. */
	baseURL?: string;
	/** After `load`, wait until no request has been in flight for this long (default 300 ms)... */
	quietMs?: number;
	/** ...but no longer than this in total (default 3000 ms), so a streaming request can't hang. */
	settleMs?: number;
	/** Viewport; default 1280x800. */
	viewport?: { width: number; height: number };
}

export interface OpenedPage {
	page: Page;
	context: BrowserContext;
	/** HTTP status of the page's own response (0 if there was none). */
	status: number;
	/** Console messages of type error, and uncaught page errors. */
	consoleErrors: string[];
	/** Distinct URLs requested from any origin other than the base URL's (aborted, never sent). */
	foreignRequests: string[];
	/** Every request the context made (page and workers), in order, from before navigation on. */
	requests: { method: string; url: string }[];
	/** Closes the page's context. */
	close(): Promise<void>;
}

const LOCAL_SCHEMES = ['data:', 'blob:', 'about:'];

interface ScriptlessPage {
	origin: string;
}
/** Pages opened with JavaScript disabled, which `runAxe` must audit differently. */
const scriptlessPages = new WeakMap<Page, ScriptlessPage>();

function isForeign(url: string, origin: string): boolean {
	if (LOCAL_SCHEMES.some((scheme) => url.startsWith(scheme))) return false;
	try {
		return new URL(url).origin !== origin;
	} catch {
		return true;
	}
}

/**
 * Opens `url` in a fresh context, waits for `load` and for the network to go quiet, and
 * records console errors and foreign requests (from the start, so nothing is missed).
 */
export async function openPage(
	browser: Browser,
	url: string,
	options: OpenPageOptions = {}
): Promise<OpenedPage> {
	const origin = new URL(options.baseURL ?? url).origin;
	const context = await browser.newContext({
		javaScriptEnabled: options.javaScriptEnabled ?? true,
		viewport: options.viewport ?? { width: 1280, height: 800 },
		serviceWorkers: 'block'
	});
	const consoleErrors: string[] = [];
	const foreignRequests: string[] = [];
	const requests: { method: string; url: string }[] = [];
	let inFlight = 0;
	let lastActivity = Date.now();

	// Foreign requests are recorded and aborted: this machine must send nothing off-host.
	await context.route(
		(u) => isForeign(u.href, origin),
		(route) => route.abort('blockedbyclient')
	);
	context.on('request', (request) => {
		inFlight++;
		lastActivity = Date.now();
		const requestURL = request.url();
		requests.push({ method: request.method(), url: requestURL });
		if (isForeign(requestURL, origin) && !foreignRequests.includes(requestURL)) {
			foreignRequests.push(requestURL);
		}
	});
	const done = () => {
		inFlight = Math.max(0, inFlight - 1);
		lastActivity = Date.now();
	};
	context.on('requestfinished', done);
	context.on('requestfailed', done);

	const page = await context.newPage();
	if (options.javaScriptEnabled === false) scriptlessPages.set(page, { origin });
	page.on('console', (message) => {
		if (message.type() !== 'error') return;
		const location = message.location();
		// The aborted foreign requests log "Failed to load resource": already in foreignRequests.
		if (location.url && isForeign(location.url, origin)) return;
		const where = location.url ? ` (${location.url}:${location.lineNumber + 1})` : '';
		consoleErrors.push(`${message.text()}${where}`);
	});
	page.on('pageerror', (error) => {
		consoleErrors.push(`Uncaught ${error.name}: ${error.message}`);
	});

	const close = () => context.close();
	try {
		const response = await page.goto(url, { waitUntil: 'load' });
		const quietMs = options.quietMs ?? 300;
		const deadline = Date.now() + (options.settleMs ?? 3000);
		while (Date.now() < deadline && (inFlight > 0 || Date.now() - lastActivity < quietMs)) {
			await new Promise((resolveWait) => setTimeout(resolveWait, 25));
		}
		return {
			page,
			context,
			status: response?.status() ?? 0,
			consoleErrors,
			foreignRequests,
			requests,
			close
		};
	} catch (error) {
		await close();
		throw error;
	}
}

const require = createRequire(import.meta.url);
let axeSource: string | undefined;

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
const AXE_TIMEOUT_MS = 30_000;

interface AxeNode {
	target: unknown[];
	failureSummary?: string;
}
interface AxeViolation {
	id: string;
	impact?: string | null;
	help: string;
	nodes: AxeNode[];
}

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA, plus best practices) on the page and returns one
 * readable line per violation (`id [impact]: help | targets | failure summary`); an empty
 * array means no violation. Works on pages opened with `javaScriptEnabled: false` too.
 */
export async function runAxe(page: Page): Promise<string[]> {
	const scriptless = scriptlessPages.get(page);
	return scriptless ? runAxeOnSnapshot(page, scriptless) : runAxeInPage(page);
}

async function runAxeInPage(page: Page): Promise<string[]> {
	axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
	const loaded = () => page.evaluate(() => typeof (window as { axe?: unknown }).axe === 'object');
	// evaluate, not a <script> tag: the pages' Content-Security-Policy forbids inline scripts
	// (and would log a violation that the console-error checks then report).
	if (!(await loaded())) await page.evaluate(axeSource);
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(
			() => reject(new Error(`axe did not finish within ${AXE_TIMEOUT_MS} ms on ${page.url()}`)),
			AXE_TIMEOUT_MS
		);
	});
	const run = page.evaluate(async (tags) => {
		const { axe } = window as unknown as {
			axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> };
		};
		const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
		return result.violations.map((v) => ({
			id: v.id,
			impact: v.impact,
			help: v.help,
			nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary }))
		}));
	}, AXE_TAGS);
	try {
		return (await Promise.race([run, timeout])).map(formatViolation);
	} finally {
		clearTimeout(timer);
	}
}

/**
 * axe needs timers, which do not run where JavaScript is disabled: copy the page's DOM as
 * rendered without JavaScript (scripts and inline handlers removed, `<noscript>` unwrapped),
 * serve it at the same URL in a scripting context (so relative CSS/images resolve), audit that.
 */
async function runAxeOnSnapshot(page: Page, scriptless: ScriptlessPage): Promise<string[]> {
	const html = await page.evaluate(() => {
		const root = document.documentElement.cloneNode(true) as HTMLElement;
		for (const script of root.querySelectorAll('script')) script.remove();
		for (const noscript of root.querySelectorAll('noscript')) {
			noscript.replaceWith(...Array.from(noscript.childNodes));
		}
		for (const element of root.querySelectorAll('*')) {
			for (const name of element.getAttributeNames()) {
				if (name.startsWith('on')) element.removeAttribute(name);
			}
		}
		return `<!doctype html>\n${root.outerHTML}`;
	});
	const browser = page.context().browser();
	if (!browser) throw new Error('runAxe: the page has no browser');
	const url = page.url();
	const context = await browser.newContext({ viewport: page.viewportSize() });
	try {
		await context.route(
			(u) => isForeign(u.href, scriptless.origin),
			(route) => route.abort('blockedbyclient')
		);
		await context.route(url, (route) =>
			route.fulfill({ status: 200, contentType: 'text/html;charset=utf-8', body: html })
		);
		const snapshot = await context.newPage();
		await snapshot.goto(url, { waitUntil: 'load' });
		return await runAxeInPage(snapshot);
	} finally {
		await context.close();
	}
}

function formatViolation(v: AxeViolation): string {
	const targets = v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target.join(' ')));
	const more = v.nodes.length > 3 ? ` (+${v.nodes.length - 3} more)` : '';
	const summary = (v.nodes[0]?.failureSummary ?? '')
		.split('\n')
		.map((line) => line.trim())
		.filter(Boolean)
		.join('; ')
		.replace(/:; /g, ': ');
	return `${v.id} [${v.impact ?? 'n/a'}]: ${v.help} | ${targets.join(', ')}${more} | ${summary}`;
}

/**
 * Every prerendered page in `buildDir` as a URL path, sorted: `/` plus `/dir/` for each
 * `dir/index.html` (and `/name` for any other `name.html`), skipping the not-found pages (`404.html`, `en/404.html`: tests/not-found.test.ts) and `_app/`.
 */
export function listPages(buildDir: string = BUILD_DIR): string[] {
	if (!existsSync(buildDir) || !statSync(buildDir).isDirectory()) {
		throw setupError(`${buildDir}/ not found: run "npm run build" first.`);
	}
	const pages = new Set<string>(['/']);
	const walk = (dir: string): void => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			if (entry.name.startsWith('.')) continue;
			const abs = join(dir, entry.name);
			const rel = relative(buildDir, abs).split(sep).join('/');
			if (entry.isDirectory()) {
				if (rel !== '_app') walk(abs);
			} else if (entry.isFile() && entry.name.endsWith('.html') && entry.name !== '404.html') {
				pages.add(
					entry.name === 'index.html'
						? `/${rel.slice(0, -'index.html'.length)}`
						: `/${rel.slice(0, -'.html'.length)}`
				);
			}
		}
	};
	walk(buildDir);
	return [...pages].sort();
}
