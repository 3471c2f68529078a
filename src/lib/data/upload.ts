/**
 * An analyst's own report file, in the browser only: decoded (UTF-8 with or without BOM, or
 * UTF-16 as Excel saves "Unicode text"), validated by the pipeline's own validator, and turned
 * into the same cube as the published data, unprotected, inside DuckDB-WASM.
 */
import { breakdownIds, childCountColumns } from '$lib/domain/breakdowns';
import { toCsv } from '$lib/domain/csv';
import { cubeSql, unitsTableSql } from '$lib/domain/cube-sql';
import type { ChildrenRecord } from '$lib/domain/intake/schema';
import { validateReport, type IntakeContext, type ValidatedFile } from '$lib/domain/intake/validate';
import type { QueryClient } from './duckdb';

export function decodeReport(bytes: Uint8Array): string {
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
	return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}

export async function validateUpload(file: File, ctx: IntakeContext): Promise<ValidatedFile> {
	const text = decodeReport(new Uint8Array(await file.arrayBuffer()));
	return validateReport(file.name, text, ctx);
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
	return years;
}
