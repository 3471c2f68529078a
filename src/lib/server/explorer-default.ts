/**
 * The explorer's views computed at build time with DuckDB in Node over the same published cube
 * and the same SQL the browser runs: the default view (so the first screen is never empty) and
 * the views answered before the engine arrives (src/lib/domain/explorer-early.ts).
 */
import { DuckDBInstance } from '@duckdb/node-api';
import path from 'node:path';
import {
	levelTablesSql,
	runExplorerQueries,
	type ExplorerFilters,
	type ExplorerResult,
	type RawRow
} from '$lib/domain/explorer';
import { varcharTypes } from '$lib/domain/published';
import { explorerCube } from './published';

export async function explorerDefault(f: ExplorerFilters): Promise<ExplorerResult> {
	return (await explorerViews([f]))[0];
}

/** Each view's result, one DuckDB for them all. */
export async function explorerViews(list: ExplorerFilters[]): Promise<ExplorerResult[]> {
	const { table: meta, depth } = explorerCube();
	const file = path.join(process.cwd(), 'static', 'data', 'children_cube.csv').replace(/'/g, "''");
	const db = await DuckDBInstance.create(':memory:');
	const con = await db.connect();
	try {
		await con.run(
			`CREATE TABLE cube AS SELECT * FROM read_csv('${file}', header = true, skip = ${meta.csvCommentLines}, all_varchar = false, types = ${varcharTypes(meta.columns)})`
		);
		const years = (await con.runAndReadAll('SELECT DISTINCT year FROM cube ORDER BY 1'))
			.getRowsJS()
			.map((r) => Number(r[0]));
		for (const sql of levelTablesSql(years, 'cube')) await con.run(sql);
		const query = async (sql: string) => {
			const r = await con.runAndReadAll(sql);
			return r.getRowObjectsJS().map((o) => {
				const row: RawRow = {};
				for (const [k, v] of Object.entries(o))
					row[k] = typeof v === 'bigint' ? Number(v) : (v as RawRow[string]);
				return row;
			});
		};
		const out: ExplorerResult[] = [];
		for (const f of list) out.push(await runExplorerQueries(query, f, depth));
		return out;
	} finally {
		con.closeSync();
		db.closeSync();
	}
}
