/**
 * Checks on the build output in Node, without a browser (as SvelteKit's own prerendering tests
 * do): each page's Content-Security-Policy, the precompressed twins, the service worker's
 * precache against the files, no small count in the published data, and the `_headers` file
 * under the merging rule of the hosts that read it.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { unflatten } from 'devalue';
import { describe, expect, inject, test } from 'vitest';
import { parseCsv } from './feature';
import { fileOfUrl, precacheList } from './service-worker';

const buildDir = inject('buildDir');

function listFiles(dir = '', out: string[] = []): string[] {
	for (const name of readdirSync(join(buildDir, dir)).sort()) {
		const rel = dir ? `${dir}/${name}` : name;
		if (statSync(join(buildDir, rel)).isDirectory()) listFiles(rel, out);
		else out.push(rel);
	}
	return out;
}
const files = listFiles();
const fileSet = new Set(files);
const isTwin = (f: string) => /\.(br|gz)$/.test(f);
const originals = files.filter((f) => !isTwin(f));
const pages = originals.filter((f) => f.endsWith('.html') && !f.startsWith('_app/'));
const read = (f: string) => readFileSync(join(buildDir, f), 'utf8');
const isEmbed = (f: string) => /^(en\/)?embed\//.test(f);

/** A policy's directives: name → sources. */
function directives(policy: string): Map<string, string[]> {
	return new Map(
		policy
			.split(';')
			.map((d) => d.trim().split(/\s+/))
			.filter(([name]) => name)
			.map(([name, ...sources]) => [name, sources])
	);
}

describe('build output (Node, no browser)', () => {
	test('every page has one policy <meta>, allowing its inline scripts by hash; only the explorer may compile WebAssembly', () => {
		const problems: string[] = [];
		const wasmPages: string[] = [];
		for (const file of pages) {
			const html = read(file);
			const metas = [
				...html.matchAll(/<meta http-equiv="content-security-policy" content="([^"]*)"/gi)
			].map((m) => m[1]);
			if (metas.length !== 1) {
				problems.push(`${file}: ${metas.length} policy <meta>`);
				continue;
			}
			const policy = directives(metas[0]);
			const scripts = policy.get('script-src') ?? [];
			if (scripts.includes("'wasm-unsafe-eval'")) wasmPages.push(file);
			for (const loose of ["'unsafe-inline'", "'unsafe-eval'", '*', 'data:', 'blob:']) {
				if (scripts.includes(loose)) problems.push(`${file}: script-src ${loose}`);
			}
			if (policy.get('default-src')?.join(' ') !== "'self'") {
				problems.push(`${file}: default-src ${policy.get('default-src')}`);
			}
			if (policy.get('object-src')?.join(' ') !== "'none'") {
				problems.push(`${file}: object-src ${policy.get('object-src')}`);
			}
			// Scripts that run inline (not JSON data blocks) must be allowed by their hash.
			for (const m of html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/gi)) {
				const type = /\btype="([^"]*)"/i.exec(m[1])?.[1];
				if (type && !/^(module|text\/javascript)$/i.test(type)) continue;
				const hash = `'sha256-${createHash('sha256').update(m[2]).digest('base64')}'`;
				if (!scripts.includes(hash)) problems.push(`${file}: inline script ${hash} not allowed`);
			}
		}
		expect(problems).toEqual([]);
		expect(wasmPages).toEqual(['en/phan-tich/index.html', 'phan-tich/index.html']);
		expect(pages.length).toBeGreaterThan(100);
	});

	test('every .br and .gz twin decompresses to its original, byte for byte', () => {
		const problems: string[] = [];
		const twins = files.filter(isTwin);
		for (const twin of twins) {
			const original = twin.slice(0, -3);
			if (!fileSet.has(original)) {
				problems.push(`${twin}: no ${original}`);
				continue;
			}
			const packed = readFileSync(join(buildDir, twin));
			const unpacked = twin.endsWith('.br') ? brotliDecompressSync(packed) : gunzipSync(packed);
			if (!unpacked.equals(readFileSync(join(buildDir, original)))) {
				problems.push(`${twin}: differs from ${original}`);
			}
		}
		expect(problems).toEqual([]);
		// Every page, script and style has both twins (what a host serves compressed).
		const withoutTwins = originals.filter(
			(f) => /\.(html|js|css)$/.test(f) && !(fileSet.has(`${f}.br`) && fileSet.has(`${f}.gz`))
		);
		expect(withoutTwins).toEqual([]);
		expect(twins.length).toBeGreaterThan(500);
	});

	/** What the service worker does not precache, and why. Anything else must be precached. */
	const LEFT_OUT: [string, RegExp][] = [
		['precompressed twins: the host picks them for the browser', /\.(br|gz)$/],
		['host configuration, not served', /^_headers$/],
		[
			"the explorer's engine (DuckDB-WASM, ~5 MB): cached when first used",
			/^_app\/immutable\/assets\/duckdb-/
		],
		['embeds: they live in other sites', /^(en\/)?embed\/.+\/(index\.html|__data\.json)$/],
		['English unit pages', /^en\/don-vi\//],
		[
			'the other plans’ pages and templates: cached when first visited',
			/^(en\/)?ke-hoach\/[^/]+\//
		],
		["the explorer's early views: cached when first fetched", /^data\/explorer\//],
		[
			'published tables: fetched when downloaded',
			/^data\/(?!manifest\.json$)[^/]+\.(csv|json|parquet)$/
		],
		['boundary licence and notes', /^data\/geo\/.+\.(md|txt)$/],
		['crosswalks of reorganised units: fetched when downloaded', /^data\/geo\/crosswalk-.+\.csv$/],
		[
			"the other plans' published folders (general runtime): fetched when downloaded",
			/^plan-data\//
		],
		['social preview images: read by link previews, not by the site', /^og\//],
		[
			'the worker itself; the version file SvelteKit polls',
			/^(service-worker\.js|_app\/version\.json)$/
		]
	];

	/**
	 * Known gap, not intended: the build holds two MapLibre stylesheets (`maplibre-gl.<hash>.css`,
	 * 71 450 and 71 339 bytes); SvelteKit's build list, and so the precache, names the one no page
	 * loads, and the map's code loads the other, which the worker caches when the map first loads.
	 */
	const KNOWN_GAP = /^_app\/immutable\/assets\/maplibre-gl\.[\w-]+\.css$/;

	test('the service worker precaches files that exist, and leaves out only what is named here', async () => {
		const list = await precacheList(buildDir);
		const missing = list.filter((url) => !fileOfUrl(url, (f) => fileSet.has(f)));
		expect(missing, 'precached URLs with no file in build/').toEqual([]);
		expect(new Set(list).size).toBe(list.length);
		const precached = new Set(list.map((url) => fileOfUrl(url, (f) => fileSet.has(f))!));
		const unexplained = files.filter(
			(f) =>
				!precached.has(f) && !KNOWN_GAP.test(f) && !LEFT_OUT.some(([, pattern]) => pattern.test(f))
		);
		expect(unexplained, 'files neither precached nor named in LEFT_OUT').toEqual([]);
		for (const [why, pattern] of LEFT_OUT) {
			expect(
				[...precached].filter((f) => pattern.test(f)),
				why
			).toEqual([]);
		}
		// The pages offline reading needs are there.
		for (const file of ['index.html', 'ban-do/index.html', 'en/index.html', 'print.css']) {
			expect(precached.has(file), file).toBe(true);
		}
	});

	test('no small count in the published data or the data the pages are rendered from', () => {
		// The oracle: the published protection rule and which columns it protects (manifest).
		const manifest = JSON.parse(read('data/manifest.json')) as {
			protection: { rule: { min: number; max: number } };
			tables: { name: string; columns: { name: string; role: string; protected?: boolean }[] }[];
		};
		const { min, max } = manifest.protection.rule;
		const counts = new Set(
			manifest.tables.flatMap((t) =>
				t.columns.filter((c) => c.protected && c.role === 'count').map((c) => c.name)
			)
		);
		expect(counts.has('children')).toBe(true);
		const small: string[] = [];
		const checked = new Map<string, number>();
		const check = (file: string, name: string, value: unknown) => {
			if (!counts.has(name) || value === null || value === '' || value === undefined) return;
			const n = Number(value);
			checked.set(name, (checked.get(name) ?? 0) + 1);
			if (n >= min && n <= max) small.push(`${file}: ${name} = ${n}`);
		};
		const walk = (file: string, value: unknown): void => {
			if (Array.isArray(value)) return value.forEach((v) => walk(file, v));
			if (!value || typeof value !== 'object') return;
			const table = value as { columns?: unknown; rows?: unknown };
			if (Array.isArray(table.columns) && Array.isArray(table.rows)) {
				for (const row of table.rows as unknown[][]) {
					(table.columns as string[]).forEach((c, i) => check(file, c, row[i]));
				}
			}
			for (const [key, v] of Object.entries(value)) {
				if (typeof v === 'number') check(file, key, v);
				else walk(file, v);
			}
		};
		let jsonFiles = 0;
		for (const file of originals) {
			if (file.endsWith('__data.json')) {
				// SvelteKit's page data (devalue), the same the page's HTML was rendered from.
				const data = JSON.parse(read(file)) as {
					nodes?: ({ type: string; data: unknown[] } | null)[];
				};
				for (const node of data.nodes ?? [])
					if (node?.type === 'data') walk(file, unflatten(node.data));
				jsonFiles++;
			} else if (file.endsWith('.json') || file.endsWith('.geojson')) {
				walk(file, JSON.parse(read(file)));
				jsonFiles++;
			} else if (file.startsWith('data/') && file.endsWith('.csv')) {
				const { header, rows } = parseCsv(read(file));
				for (const row of rows) header.forEach((c, i) => check(file, c, row[i]));
			}
		}
		expect(small.slice(0, 20)).toEqual([]);
		expect(jsonFiles).toBeGreaterThan(pages.length);
		// Every protected count was met (the walk did not miss the tables).
		expect([...counts].filter((c) => !checked.get(c))).toEqual([]);
	});
});

/**
 * Cloudflare Pages' documented rule for `_headers` (Netlify's is alike): every rule whose path
 * matches applies; a header set by several rules gets their values joined with ", ". A
 * splat `*` matches anything, `:name` one segment; other paths match exactly.
 */
function parseHeaders(
	text: string
): { pattern: RegExp; source: string; headers: [string, string][] }[] {
	const rules: { pattern: RegExp; source: string; headers: [string, string][] }[] = [];
	for (const line of text.split('\n')) {
		if (!line.trim() || line.trim().startsWith('#')) continue;
		if (/^\s/.test(line)) {
			const colon = line.indexOf(':');
			rules
				.at(-1)!
				.headers.push([line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()]);
		} else {
			const source = line.trim();
			const regex = source
				.split(/(\*|:[a-z]\w*)/i)
				.map((part) =>
					part === '*'
						? '.*'
						: /^:[a-z]/i.test(part)
							? '[^/]+'
							: part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')
				)
				.join('');
			rules.push({ pattern: new RegExp(`^${regex}$`), source, headers: [] });
		}
	}
	return rules;
}

function mergedHeaders(rules: ReturnType<typeof parseHeaders>, path: string) {
	const merged = new Map<string, { value: string; from: string[] }>();
	for (const rule of rules.filter((r) => r.pattern.test(path))) {
		for (const [name, value] of rule.headers) {
			const seen = merged.get(name);
			if (seen) {
				seen.value += `, ${value}`;
				seen.from.push(rule.source);
			} else merged.set(name, { value, from: [rule.source] });
		}
	}
	return merged;
}

describe('build/_headers under merging', () => {
	test('the merger sees the bug of the hand-written file (issue 14): two policies on /phan-tich/', () => {
		const old =
			"/*\n  Content-Security-Policy: default-src 'self'\n/phan-tich/*\n  Content-Security-Policy: script-src 'self' 'wasm-unsafe-eval'\n";
		expect(
			mergedHeaders(parseHeaders(old), '/phan-tich/').get('content-security-policy')?.from
		).toHaveLength(2);
	});

	test('every page gets exactly one policy header (frame-ancestors: embeds any site, others the site); no header set twice on any path', () => {
		const text = read('_headers');
		const rules = parseHeaders(text);
		expect(rules.length).toBeLessThanOrEqual(100); // Cloudflare's limit
		expect(Math.max(...text.split('\n').map((l) => l.length))).toBeLessThanOrEqual(2000);
		const problems: string[] = [];
		const urlsOf = (file: string) =>
			file === 'index.html'
				? ['/', '/index.html']
				: file.endsWith('/index.html')
					? [`/${file.slice(0, -10)}`, `/${file}`]
					: [`/${file}`, `/${file.slice(0, -5)}`];
		for (const file of pages) {
			for (const url of urlsOf(file)) {
				const csp = mergedHeaders(rules, url).get('content-security-policy');
				const expected = isEmbed(file) ? 'frame-ancestors *' : "frame-ancestors 'self'";
				if (csp?.from.length !== 1 || csp.value !== expected) {
					problems.push(
						`${url}: ${csp ? `${csp.value} from ${csp.from.join(' + ')}` : 'no policy'}`
					);
				}
			}
		}
		for (const file of files) {
			const merged = mergedHeaders(rules, `/${file}`);
			for (const [name, { from }] of merged) {
				if (from.length > 1) problems.push(`/${file}: ${name} from ${from.join(' + ')}`);
			}
			if (merged.get('x-content-type-options')?.value !== 'nosniff')
				problems.push(`/${file}: no nosniff`);
			const immutable = file.startsWith('_app/immutable/');
			if (
				(merged.get('cache-control')?.value === 'public, max-age=31536000, immutable') !==
				immutable
			) {
				problems.push(`/${file}: cache-control ${merged.get('cache-control')?.value}`);
			}
		}
		expect(problems.slice(0, 20)).toEqual([]);
	});
});
