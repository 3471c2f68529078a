/**
 * After `vite build`: a brotli (`.br`) and a gzip (`.gz`) twin of every text file and of the
 * WebAssembly in build/, so a static host (and scripts/serve.ts) sends them compressed: the
 * pages, scripts and styles (what adapter-static's `precompress` would do), plus the published
 * data files it skips (GeoJSON, CSV: the boundary files shrink from 435 KB to about 66 KB).
 *
 * Why not adapter-static's `precompress`: it runs brotli at quality 11 on everything, one file
 * after the other on each core. Here the jobs run on every core at once, biggest first, and the
 * quality depends on the size. Measured on this project's 2-core machine (one core, brotli's
 * text mode; generic mode for the .wasm), bytes after brotli and seconds:
 *
 *   file (raw)                    q11 w24          q10 w24          q9 w24          gzip 9
 *   duckdb-eh.wasm (33,440 KB)   4,947 KB 54.5 s  5,142 KB 27.8 s  5,756 KB 4.0 s  7,498 KB 0.8 s
 *   largest JS chunk (1,081 KB)    236 KB  1.3 s    240 KB  0.5 s    258 KB 0.06 s   288 KB
 *   cube CSV (641 KB)               80 KB  0.8 s     84 KB  0.3 s     94 KB 0.03 s    99 KB
 *   /ban-do/ HTML (587 KB)          43 KB  0.5 s     45 KB  0.2 s     52 KB 0.03 s    82 KB
 *   an embed's __data.json (435 KB) 40 KB  0.4 s     42 KB  0.1 s     50 KB 0.03 s    61 KB
 *
 * Quality 10 costs about a third of quality 11's time for 2–5 % more bytes; quality 9 is far
 * faster again but 10–20 % bigger. The build holds ~56 MB of text (38 MB of it the 298 pages'
 * HTML, 50–200 KB each) besides the .wasm: at quality 11 that alone was ~60 s of CPU. So:
 * - files under 50 KB (7.7 MB in all: most scripts, styles, data): quality 11, cheap;
 * - from 50 KB up: quality 10, 16 MB window, ~4 % bigger (a page's HTML: under 1 KB more);
 * - the .wasm: quality 10 too (28 s on one core, while the other core does the rest): quality
 *   9 would save 24 s of build but cost every explorer visitor 614 KB, 3 s on slow 4G.
 * On a fresh clone (PRECOMPRESS_NO_CACHE=1) the step takes about as long as the .wasm alone.
 * Twins of files from 50 KB up are kept in node_modules/.cache/precompress/, by content hash
 * and settings, so an unchanged .wasm, page or data file is not compressed again next build.
 */
import { createHash } from 'node:crypto';
import {
	copyFileSync,
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	renameSync,
	rmSync,
	statSync,
	writeFileSync
} from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const EXTENSIONS = /\.(html|js|mjs|json|css|svg|xml|wasm|txt|md|mdx|geojson|csv)$/;
/** From this size up: quality 10 and a 16 MB window, and the twins are cached. */
const BIG = 50_000;
const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

interface Job {
	file: string;
	size: number;
	format: 'br' | 'gz';
	/** rough CPU cost, to start the longest jobs first */
	cost: number;
}

function listFiles(dir: string, out: string[] = []): string[] {
	for (const name of readdirSync(dir)) {
		const full = path.join(dir, name);
		if (statSync(full).isDirectory()) listFiles(full, out);
		else if (EXTENSIONS.test(name)) out.push(full);
	}
	return out;
}

function brotliParams(file: string, size: number) {
	return {
		[constants.BROTLI_PARAM_MODE]: file.endsWith('.wasm')
			? constants.BROTLI_MODE_GENERIC
			: constants.BROTLI_MODE_TEXT,
		[constants.BROTLI_PARAM_QUALITY]: size > BIG ? 10 : 11,
		...(size > BIG ? { [constants.BROTLI_PARAM_LGWIN]: 24 } : {}),
		[constants.BROTLI_PARAM_SIZE_HINT]: size
	};
}

async function compress(job: Job, data: Buffer): Promise<Buffer> {
	return job.format === 'br'
		? brotli(data, { params: brotliParams(job.file, job.size) })
		: gz(data, { level: constants.Z_BEST_COMPRESSION });
}

/** Runs the jobs, `limit` at a time (zlib's async calls run on libuv's thread pool). */
async function runAll<T>(items: T[], limit: number, fn: (item: T) => Promise<void>) {
	let next = 0;
	const worker = async () => {
		while (next < items.length) await fn(items[next++]);
	};
	await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

async function precompress(root: string, cacheDir: string | null) {
	const started = performance.now();
	const files = listFiles(root);
	const jobs: Job[] = files.flatMap((file) => {
		const size = statSync(file).size;
		return [
			{ file, size, format: 'br' as const, cost: size * (size > BIG ? 1 : 3) },
			{ file, size, format: 'gz' as const, cost: size / 20 }
		];
	});
	jobs.sort((a, b) => b.cost - a.cost);
	if (cacheDir) mkdirSync(cacheDir, { recursive: true });
	const used = new Set<string>();
	let cached = 0;
	let before = 0;
	let after = 0;
	const count = (job: Job, bytes: number) => {
		if (job.format !== 'br') return;
		before += job.size;
		after += bytes;
	};
	await runAll(jobs, availableParallelism(), async (job) => {
		const data = readFileSync(job.file);
		const target = `${job.file}.${job.format}`;
		let key: string | null = null;
		if (cacheDir && job.size > BIG) {
			const settings = job.format === 'br' ? brotliParams(job.file, job.size) : { gzip: 9 };
			key = createHash('sha256')
				.update(data)
				.update(JSON.stringify(settings))
				.digest('hex')
				.slice(0, 32);
			used.add(key);
			const hit = path.join(cacheDir, key);
			if (existsSync(hit)) {
				copyFileSync(hit, target);
				cached++;
				count(job, statSync(hit).size);
				return;
			}
		}
		const out = await compress(job, data);
		writeFileSync(target, out);
		if (key && cacheDir) {
			// Written whole, then renamed: an interrupted build never leaves half an entry.
			const tmp = path.join(cacheDir, `${key}.${process.pid}.tmp`);
			writeFileSync(tmp, out);
			renameSync(tmp, path.join(cacheDir, key));
		}
		count(job, out.length);
	});
	// The cache holds only what this build used: an old .wasm or cube does not pile up.
	if (cacheDir)
		for (const name of readdirSync(cacheDir))
			if (!used.has(name)) rmSync(path.join(cacheDir, name), { force: true });
	return {
		files: files.length,
		cached,
		before,
		after,
		seconds: (performance.now() - started) / 1000
	};
}

// PRECOMPRESS_NO_CACHE=1 compresses everything afresh.
const root = path.resolve(process.argv[2] ?? 'build');
const cacheDir = process.env.PRECOMPRESS_NO_CACHE
	? null
	: path.resolve('node_modules', '.cache', 'precompress');
const r = await precompress(root, cacheDir);
console.log(
	`Precompressed ${r.files} files (.br and .gz${r.cached ? `; ${r.cached} big twins from the cache` : ''}): ` +
		`${(r.before / 1048576).toFixed(1)} MB → ${(r.after / 1048576).toFixed(1)} MB (brotli) in ${r.seconds.toFixed(1)} s.`
);
