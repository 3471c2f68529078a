/**
 * An analyst's own report file, in the browser only: decoded and validated by the pipeline's
 * own code (src/lib/domain/intake), and turned into the same cube as the published data,
 * unprotected, inside DuckDB-WASM.
 */
import { breakdownIds, childCountColumns } from '$lib/domain/breakdowns';
import { toCsv } from '$lib/domain/csv';
import { cubeSql, unitsTableSql } from '$lib/domain/cube-sql';
import { levelTablesSql } from '$lib/domain/explorer';
import type { ChildrenRecord } from '$lib/domain/intake/schema';
import {
	validateReportBytes,
	type IntakeContext,
	type ValidatedFile
} from '$lib/domain/intake/validate';
import type { QueryClient } from './duckdb';

export async function validateUpload(file: File, ctx: IntakeContext): Promise<ValidatedFile> {
	return validateReportBytes(file.name, new Uint8Array(await file.arrayBuffer()), ctx);
}

/** Builds table `upload_cube` from validated children records; returns the years it holds. */
export async function loadUploadCube(
	client: QueryClient,
	records: ChildrenRecord[],
	ctx: IntakeContext
): Promise<number[]> {
	const cols = ['commune_code', 'year', ...breakdownIds, ...childCountColumns];
	const types = `{${['commune_code', ...breakdownIds].map((c) => `'${c}': 'VARCHAR'`).join(', ')}}`;
	await client.loadCsv('children', toCsv(cols, records as never, { bom: false }), { types });
	const g = ctx.geo;
	await client.query(unitsTableSql([g.province, ...g.districts, ...g.communes]));
	const years = [...new Set(records.map((r) => r.year))].sort((a, b) => a - b);
	const flags = ['children', 'accessed', 'skills'].map((c) => `false AS ${c}_suppressed`).join(', ');
	await client.query(
		`CREATE OR REPLACE TABLE upload_cube AS SELECT *, ${flags} FROM (${cubeSql(g.province.code, years)})`
	);
	for (const sql of levelTablesSql(years, 'upload_cube')) await client.query(sql);
	return years;
}
