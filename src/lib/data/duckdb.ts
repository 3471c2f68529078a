/**
 * The browser's one query client: DuckDB-WASM, loaded from this site's own files only when a
 * page asks for it (never at start-up), with extension auto-loading off so DuckDB never fetches
 * anything from another origin. Published tables are loaded from CSV with the built-in reader:
 * Parquet would need DuckDB's parquet extension, a further download (its 81 KB cube file against
 * 86 KB of brotli CSV would not pay for it).
 */
import type { AsyncDuckDB, AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import wasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import workerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';

export interface LoadProgress {
	stage: 'engine' | 'data';
	loaded: number;
	total: number;
}

export type QueryRow = Record<string, string | number | boolean | null>;

export interface QueryClient {
	query(sql: string): Promise<QueryRow[]>;
	/** loads a CSV (text) as a table, replacing any table of that name */
	loadCsv(table: string, csv: string, opts?: { skip?: number; types?: string }): Promise<void>;
	close(): Promise<void>;
}

const abs = (url: string) => new URL(url, location.href).href;

let pending: Promise<QueryClient> | null = null;

/** One DuckDB per page; later callers share it. */
export function getQueryClient(onProgress?: (p: LoadProgress) => void): Promise<QueryClient> {
	pending ??= start(onProgress).catch((e) => {
		pending = null;
		throw e;
	});
	return pending;
}

async function start(onProgress?: (p: LoadProgress) => void): Promise<QueryClient> {
	// The worker's script downloads while the library's module does, not after it.
	const worker = new Worker(abs(workerUrl));
	const duckdb = await import('@duckdb/duckdb-wasm').catch((e) => {
		worker.terminate();
		throw e;
	});
	const db: AsyncDuckDB = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
	await db.instantiate(abs(wasmUrl), null, (p) =>
		onProgress?.({ stage: 'engine', loaded: p.bytesLoaded, total: p.bytesTotal })
	);
	await db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
	const conn: AsyncDuckDBConnection = await db.connect();
	// Nothing may be fetched from extensions.duckdb.org (offline use, privacy, same-origin rule).
	for (const sql of [
		'SET autoinstall_known_extensions = false',
		'SET autoload_known_extensions = false',
		`SET custom_extension_repository = '${abs('/duckdb-extensions').replace(/'/g, "''")}'`
	])
		await conn.query(sql).catch(() => undefined);
	let n = 0;
	return {
		async query(sql) {
			const table = await conn.query(sql);
			return table.toArray().map((r) => {
				const o = r.toJSON() as Record<string, unknown>;
				for (const k of Object.keys(o)) if (typeof o[k] === 'bigint') o[k] = Number(o[k]);
				return o as QueryRow;
			});
		},
		async loadCsv(name, csv, opts = {}) {
			const file = `upload-${++n}.csv`;
			await db.registerFileText(file, csv);
			const ident = `"${name.replace(/"/g, '""')}"`;
			await conn.query(
				`CREATE OR REPLACE TABLE ${ident} AS SELECT * FROM read_csv('${file}', header = true, skip = ${opts.skip ?? 0}, auto_detect = true, sample_size = -1${opts.types ? `, types = ${opts.types}` : ''})`
			);
			await db.dropFile(file);
		},
		async close() {
			await conn.close();
			await db.terminate();
			worker.terminate();
			pending = null;
		}
	};
}

/** Fetches a published file's bytes with progress (for "Đang tải… 3,1/5,2 MB"). */
export async function fetchBytes(
	url: string,
	onProgress?: (loaded: number, total: number) => void
): Promise<Uint8Array> {
	const res = await fetch(url);
	if (!res.ok || !res.body) throw new Error(`${url}: HTTP ${res.status}`);
	// A compressed response's length is not the length of what the reader yields: report 0 (unknown).
	const total = res.headers.get('content-encoding')
		? 0
		: Number(res.headers.get('content-length') ?? 0);
	const reader = res.body.getReader();
	const chunks: Uint8Array[] = [];
	let loaded = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		chunks.push(value);
		loaded += value.length;
		onProgress?.(loaded, total);
	}
	const all = new Uint8Array(loaded);
	let off = 0;
	for (const c of chunks) {
		all.set(c, off);
		off += c.length;
	}
	return all;
}

/** Fetches a published text file with byte progress. */
export async function fetchText(
	url: string,
	onProgress?: (loaded: number, total: number) => void
): Promise<string> {
	return new TextDecoder().decode(await fetchBytes(url, onProgress));
}
