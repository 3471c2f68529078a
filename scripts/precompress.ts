/**
 * After `vite build`: a brotli (`.br`) and a gzip (`.gz`) twin of every text file and of the
 * WebAssembly in build/, so a static host (and scripts/serve.ts) sends them compressed: the
 * pages, scripts and styles (what adapter-static's `precompress` would do), plus the published
 * data files it skips (GeoJSON, CSV: the boundary files shrink from 435 KB to about 66 KB).
 *
 * Why not adapter-static's `precompress`: it runs brotli at quality 11 on everything, one file
 * after the other on each core, and quality 11 on DuckDB's 34 MB .wasm alone takes about 55 s
 * (on this project's 2-core machine: most of the build). Here:
 * - the jobs run on every core at once, biggest first;
 * - files over 2 MB (the .wasm, the explorer's cube CSV) use quality 10 with a 16 MB window:
 *   about half the time of quality 11 and within 2–5 % of its size (the .wasm: 5.27 MB against
 *   5.19 MB; the cube: 665 KB against 636 KB, and 761 KB at the quality 9 used before);
 * - those big twins are kept in node_modules/.cache/precompress/, by content hash and settings,
 *   so an unchanged .wasm or cube is not compressed again on the next build.
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
const BIG = 2_000_000;
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
			{ file, size, format: 'br' as const, cost: size * (size > BIG ? 1 : 2) },
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
