/**
 * Writes the protected tables to a staging folder, then swaps it in place of the published
 * folder in one rename, so a failure at any point leaves the last good data untouched. Before the
 * swap every staged file and folder is flushed to disk (fsync), and the parent folder after it,
 * so a power cut leaves either the old folder or the new one whole, never files half-written.
 * The caller holds the lock (lock.ts): one run at a time uses the staging folder.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { createHash } from 'node:crypto';
import {
	appendFile,
	cp,
	mkdir,
	open,
	readdir,
	readFile,
	rename,
	rm,
	writeFile
} from 'node:fs/promises';
import path from 'node:path';
import { toCsv } from '../domain/csv';
import type { Table } from './build-tables';
import type { Manifest, ManifestFile } from '../domain/published';
import type { Dataset } from './read-inputs';
import type { Publication } from '../domain/plan';

export const ILLUSTRATIVE_NOTICE =
	'DỮ LIỆU MINH HỌA, không phải số liệu chính thức / ILLUSTRATIVE DATA, not official statistics';

/** What the published data is (the manifest's head). */
export interface PublishedDataset {
	planId: string;
	publication: Publication;
	dataset: Dataset;
}

/** A file copied as it is (boundaries, licences). */
export interface PublishedExtra {
	from: string;
	to: string;
	title: { vi: string; en: string };
	licence: string;
	format: ManifestFile['format'];
}

async function describeFile(
	dir: string,
	rel: string,
	format: ManifestFile['format'],
	content?: Buffer | string
): Promise<ManifestFile> {
	const full = path.join(dir, rel);
	const data = content ?? (await readFile(full));
	return {
		path: rel,
		format,
		bytes: Buffer.byteLength(data),
		sha256: createHash('sha256').update(data).digest('hex')
	};
}

const duckType: Record<string, string> = {
	VARCHAR: 'VARCHAR',
	INTEGER: 'BIGINT',
	DOUBLE: 'DOUBLE',
	BOOLEAN: 'BOOLEAN',
	DATE: 'DATE'
};

async function writeParquet(
	dir: string,
	table: Table,
	csvFile: string,
	parquetFile: string,
	notice: number,
	illustrative: boolean
) {
	const db = await DuckDBInstance.create(':memory:');
	const con = await db.connect();
	try {
		const cols = table.columns.map((c) => `'${c.name}': '${duckType[c.type]}'`).join(', ');
		const src = path.join(dir, csvFile).replace(/'/g, "''");
		const out = path.join(dir, parquetFile).replace(/'/g, "''");
		await con.run(
			`COPY (SELECT * FROM read_csv('${src}', header = true, skip = ${notice}, columns = {${cols}}))
			 TO '${out}' (FORMAT parquet, COMPRESSION zstd, KV_METADATA {illustrative: '${illustrative}'})`
		);
	} finally {
		con.closeSync();
		db.closeSync();
	}
}

/**
 * Publishing in steps, so a table too big for memory can be written one partition at a time:
 * open() makes the staging folder, tables and partitions are written into it, commit() writes
 * the manifest and swaps the folder in; abort() (or the next run's recoverPublished) drops it.
 */
export class Publisher {
	private readonly notice: string[];
	readonly manifest: Manifest;
	private readonly partitioned = new Map<string, Manifest['tables'][number]>();
	private readonly appended = new Map<string, { table: Table; rows: number }>();

	private constructor(
		readonly outDir: string,
		readonly staging: string,
		private readonly input: PublishedDataset
	) {
		this.notice = input.dataset.illustrative ? [ILLUSTRATIVE_NOTICE] : [];
		this.manifest = {
			plan: input.planId,
			asOf: input.dataset.asOf,
			illustrative: input.dataset.illustrative,
			source: input.dataset.source,
			// the rule as the plan states it; cells and audit are filled in as tables are protected and audited
			protection: {
				rule: { ...input.publication.rule },
				breakdownDepth: { ...input.publication.breakdownDepth },
				cells: [],
				audit: { method: '', hiddenValues: 0, smallGroups: 0, disclosures: 0, seconds: 0 }
			},
			tables: [],
			files: []
		};
	}

	static async open(outDir: string, input: PublishedDataset): Promise<Publisher> {
		const staging = path.join(path.dirname(outDir), `.${path.basename(outDir)}-staging`);
		await rm(staging, { recursive: true, force: true });
		await mkdir(staging, { recursive: true });
		return new Publisher(outDir, staging, input);
	}

	private entry(table: Table, files: ManifestFile[], rows: number): Manifest['tables'][number] {
		return {
			name: table.name,
			title: table.title,
			description: table.description,
			rows,
			csvCommentLines: this.notice.length,
			licence: this.input.dataset.licence ?? 'CC-BY-4.0',
			columns: table.columns,
			files
		};
	}

	/** CSV + Parquet (+ JSON) of `table` at `base` (a path in the staging folder, no extension). */
	private async writeFiles(table: Table, base: string, json: boolean): Promise<ManifestFile[]> {
		const names = table.columns.map((c) => c.name);
		await mkdir(path.dirname(path.join(this.staging, base)), { recursive: true });
		const csv = toCsv(names, table.rows, { notice: this.notice });
		await writeFile(path.join(this.staging, `${base}.csv`), csv);
		const files = await this.withParquet(table, base, csv);
		if (json) {
			const text = JSON.stringify({
				illustrative: this.input.dataset.illustrative,
				asOf: this.input.dataset.asOf,
				columns: names,
				rows: table.rows.map((r) => names.map((n) => r[n] ?? null))
			});
			await writeFile(path.join(this.staging, `${base}.json`), text);
			files.push(await describeFile(this.staging, `${base}.json`, 'json', text));
		}
		return files;
	}

	/** The Parquet twin of the CSV written at `base`, and both files described for the manifest. */
	private async withParquet(table: Table, base: string, csv?: string): Promise<ManifestFile[]> {
		await writeParquet(
			this.staging,
			table,
			`${base}.csv`,
			`${base}.parquet`,
			this.notice.length,
			this.input.dataset.illustrative
		);
		return [
			await describeFile(this.staging, `${base}.csv`, 'csv', csv),
			await describeFile(this.staging, `${base}.parquet`, 'parquet')
		];
	}

	async writeTable(table: Table, opts: { json?: boolean } = {}): Promise<void> {
		const files = await this.writeFiles(table, table.name, opts.json ?? false);
		this.manifest.tables.push(this.entry(table, files, table.rows.length));
	}

	/** One partition of a table (`<name>/<key>.csv|parquet`); every partition has the same columns. */
	async writePartition(table: Table, key: string): Promise<void> {
		if (!/^[\w-]+$/.test(key))
			throw new Error(`publish: partition key '${key}' is not a file name`);
		let entry = this.partitioned.get(table.name);
		if (!entry) {
			entry = { ...this.entry(table, [], 0), partitions: [] };
			this.partitioned.set(table.name, entry);
			this.manifest.tables.push(entry);
		} else if (JSON.stringify(entry.columns) !== JSON.stringify(table.columns))
			throw new Error(`publish: partition ${key} of ${table.name} has other columns`);
		const files = await this.writeFiles(table, `${table.name}/${key}`, false);
		entry.rows += table.rows.length;
		entry.partitions!.push({ key, rows: table.rows.length, files });
	}

	/**
	 * Rows added to one table across calls (e.g. each province's own rows of the cube), written
	 * to its CSV as they come; its Parquet is made at commit.
	 */
	async appendRows(table: Table): Promise<void> {
		const names = table.columns.map((c) => c.name);
		const file = path.join(this.staging, `${table.name}.csv`);
		const seen = this.appended.get(table.name);
		if (!seen) {
			await writeFile(file, toCsv(names, table.rows, { notice: this.notice }));
			this.appended.set(table.name, { table: { ...table, rows: [] }, rows: table.rows.length });
			return;
		}
		if (JSON.stringify(seen.table.columns) !== JSON.stringify(table.columns))
			throw new Error(`publish: rows added to ${table.name} have other columns`);
		const body = toCsv(names, table.rows, { bom: false });
		await appendFile(file, body.slice(body.indexOf('\n') + 1));
		seen.rows += table.rows.length;
	}

	async copyExtra(extra: PublishedExtra): Promise<void> {
		await mkdir(path.dirname(path.join(this.staging, extra.to)), { recursive: true });
		await cp(extra.from, path.join(this.staging, extra.to));
		this.manifest.files.push({
			...(await describeFile(this.staging, extra.to, extra.format)),
			title: extra.title,
			licence: extra.licence
		});
	}

	private staged = false;

	/** Writes the manifest into the staging folder: the folder is then what would be published. */
	async stage(): Promise<void> {
		if (!this.staged)
			for (const { table, rows } of this.appended.values())
				this.manifest.tables.push(
					this.entry(table, await this.withParquet(table, table.name), rows)
				);
		this.staged = true;
		await writeFile(
			path.join(this.staging, 'manifest.json'),
			JSON.stringify(this.manifest, null, '\t') + '\n'
		);
	}

	async commit(): Promise<Manifest> {
		await this.stage();
		// The swap: two renames on one file system. If the process dies between them, recoverPublished() puts the old folder back.
		const old = path.join(path.dirname(this.outDir), `.${path.basename(this.outDir)}-old`);
		await syncTree(this.staging);
		faultPoint('before-swap');
		await rm(old, { recursive: true, force: true });
		if (await exists(this.outDir)) await rename(this.outDir, old);
		faultPoint('between-renames');
		await rename(this.staging, this.outDir);
		// the renames themselves are entries of the parent folder
		await syncPath(path.dirname(this.outDir));
		await rm(old, { recursive: true, force: true });
		return this.manifest;
	}

	async abort(): Promise<void> {
		await rm(this.staging, { recursive: true, force: true });
	}
}

/** Run before a pipeline: undo a swap that was cut off after its first rename. */
export async function recoverPublished(outDir: string): Promise<void> {
	const old = path.join(path.dirname(outDir), `.${path.basename(outDir)}-old`);
	if (!(await exists(outDir)) && (await exists(old))) await rename(old, outDir);
	await rm(path.join(path.dirname(outDir), `.${path.basename(outDir)}-staging`), {
		recursive: true,
		force: true
	});
}

/** fsync of one file or folder (a folder's fsync makes its entries durable). */
async function syncPath(p: string): Promise<void> {
	const fh = await open(p, 'r');
	try {
		await fh.sync();
	} finally {
		await fh.close();
	}
}

/** Every file and folder under `dir`, then `dir` itself, flushed to disk. */
async function syncTree(dir: string): Promise<void> {
	for (const e of await readdir(dir, { withFileTypes: true })) {
		const p = path.join(dir, e.name);
		if (e.isDirectory()) await syncTree(p);
		else await syncPath(p);
	}
	await syncPath(dir);
}

async function exists(p: string): Promise<boolean> {
	try {
		await readdir(p);
		return true;
	} catch {
		return false;
	}
}

/**
 * Fault injection for the atomic-publish tests: TEKT_KILL_AT=<point> kills the process there,
 * as a power cut or an OOM kill would. Never set outside tests.
 */
function faultPoint(point: string) {
	if (process.env.TEKT_KILL_AT === point) process.kill(process.pid, 'SIGKILL');
}
