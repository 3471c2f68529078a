/**
 * A published folder as a reader downloads it: the manifest, every table's CSV (each partition's
 * for a table published one file per province) and the unit list. Nothing of the pipeline's own
 * state is used.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Papa from 'papaparse';
import type { Manifest } from '../../domain/published';
import type { ReadTable, ReadUnit } from './cell-system';

export interface PublishedFolder {
	manifest: Manifest;
	tables: ReadTable[];
	units: ReadUnit[];
}

async function readCsv(
	dir: string,
	file: string,
	commentLines: number
): Promise<Record<string, string>[]> {
	const body = (await readFile(path.join(dir, file), 'utf8'))
		.replace(/^\uFEFF/, '')
		.split('\n')
		.slice(commentLines)
		.join('\n');
	const parsed = Papa.parse<Record<string, string>>(body, { header: true, skipEmptyLines: true });
	if (parsed.errors.length > 0) throw new Error(`${file}: ${parsed.errors[0].message}`);
	return parsed.data;
}

/**
 * The unit list as a tree: a commune adds up to its district, a district to its province
 * (`province_code` when the list has one, else the list's one province).
 */
export function unitTree(rows: Record<string, unknown>[]): ReadUnit[] {
	const provinces = rows.filter((r) => r.level === 'province').map((r) => String(r.unit_code));
	return rows.map((r) => {
		const code = String(r.unit_code);
		if (r.level === 'commune') return { code, parent: String(r.district_code) };
		if (r.level === 'district') {
			const p = r.province_code
				? String(r.province_code)
				: provinces.length === 1
					? provinces[0]
					: null;
			return { code, parent: p };
		}
		return { code, parent: null };
	});
}

export async function readPublishedFolder(dir: string): Promise<PublishedFolder> {
	const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
	const tables: ReadTable[] = [];
	for (const t of manifest.tables) {
		const files = t.partitions ? t.partitions.flatMap((p) => p.files) : t.files;
		const rows: Record<string, string>[] = [];
		for (const f of files.filter((f) => f.format === 'csv'))
			for (const r of await readCsv(dir, f.path, t.csvCommentLines)) rows.push(r);
		tables.push({ name: t.name, columns: t.columns, rows });
	}
	const unitTable = tables.find((t) => t.name === 'units');
	if (!unitTable) throw new Error('audit: the publication has no units table');
	return { manifest, tables, units: unitTree(unitTable.rows) };
}
