/**
 * Writes the protected tables to a staging folder, then swaps it in place of the published
 * folder in one rename, so a failure at any point leaves the last good data untouched.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { createHash } from 'node:crypto';
import { cp, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { toCsv } from '../domain/csv';
import type { Table } from './build-tables';
import type { Manifest, ManifestFile } from '../domain/published';
import type { Dataset } from './read-inputs';

export const ILLUSTRATIVE_NOTICE =
	'DỮ LIỆU MINH HỌA, không phải số liệu chính thức / ILLUSTRATIVE DATA, not official statistics';

export interface PublishInput {
	planId: string;
	dataset: Dataset;
	tables: Table[];
	/** tables also written as JSON for prerendering */
	jsonTables: string[];
	/** extra files copied as they are (boundaries, licences) */
	extras: {
		from: string;
		to: string;
		title: { vi: string; en: string };
		licence: string;
		format: ManifestFile['format'];
	}[];
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
	notice: number,
	illustrative: boolean
) {
	const db = await DuckDBInstance.create(':memory:');
	const con = await db.connect();
	try {
		const cols = table.columns.map((c) => `'${c.name}': '${duckType[c.type]}'`).join(', ');
		const src = path.join(dir, csvFile).replace(/'/g, "''");
		const out = path.join(dir, `${table.name}.parquet`).replace(/'/g, "''");
		await con.run(
			`COPY (SELECT * FROM read_csv('${src}', header = true, skip = ${notice}, columns = {${cols}}))
			 TO '${out}' (FORMAT parquet, COMPRESSION zstd, KV_METADATA {illustrative: '${illustrative}'})`
		);
	} finally {
		con.closeSync();
		db.closeSync();
	}
}

export async function publish(outDir: string, input: PublishInput): Promise<Manifest> {
	const parent = path.dirname(outDir);
	const staging = path.join(parent, `.${path.basename(outDir)}-staging`);
	const old = path.join(parent, `.${path.basename(outDir)}-old`);
	await rm(staging, { recursive: true, force: true });
	await mkdir(staging, { recursive: true });
	const notice = input.dataset.illustrative ? [ILLUSTRATIVE_NOTICE] : [];
	const manifest: Manifest = {
		plan: input.planId,
		asOf: input.dataset.asOf,
		illustrative: input.dataset.illustrative,
		source: input.dataset.source,
		suppression: { minCount: 1, maxCount: 4, minDenominator: 5 },
		tables: [],
		files: []
	};
	for (const table of input.tables) {
		const names = table.columns.map((c) => c.name);
		const csvName = `${table.name}.csv`;
		const csv = toCsv(names, table.rows, { notice });
		await writeFile(path.join(staging, csvName), csv);
		await writeParquet(staging, table, csvName, notice.length, input.dataset.illustrative);
		const files = [
			await describeFile(staging, csvName, 'csv', csv),
			await describeFile(staging, `${table.name}.parquet`, 'parquet')
		];
		if (input.jsonTables.includes(table.name)) {
			const json = JSON.stringify({
				illustrative: input.dataset.illustrative,
				asOf: input.dataset.asOf,
				columns: names,
				rows: table.rows.map((r) => names.map((n) => r[n] ?? null))
			});
			await writeFile(path.join(staging, `${table.name}.json`), json);
			files.push(await describeFile(staging, `${table.name}.json`, 'json', json));
		}
		manifest.tables.push({
			name: table.name,
			title: table.title,
			description: table.description,
			rows: table.rows.length,
			csvCommentLines: notice.length,
			licence: input.dataset.licence ?? 'CC-BY-4.0',
			columns: table.columns,
			files
		});
	}
	for (const extra of input.extras) {
		await mkdir(path.dirname(path.join(staging, extra.to)), { recursive: true });
		await cp(extra.from, path.join(staging, extra.to));
		manifest.files.push({
			...(await describeFile(staging, extra.to, extra.format)),
			title: extra.title,
			licence: extra.licence
		});
	}
	await writeFile(path.join(staging, 'manifest.json'), JSON.stringify(manifest, null, '\t') + '\n');

	// The swap: two renames on one file system. If the process dies between them, recoverPublished() puts the old folder back.
	faultPoint('before-swap');
	await rm(old, { recursive: true, force: true });
	if (await exists(outDir)) await rename(outDir, old);
	faultPoint('between-renames');
	await rename(staging, outDir);
	await rm(old, { recursive: true, force: true });
	return manifest;
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
