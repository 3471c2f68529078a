/**
 * An analyst's own report file, in the browser only: decoded and validated by the pipeline's
 * own code (src/lib/domain/intake), and turned into the same cube as the published data,
 * unprotected, inside DuckDB-WASM.
 */
import { breakdownIds, childCountColumns } from '$lib/domain/breakdowns';
import { toCsv } from '$lib/domain/csv';
import { cubeSql, unitsTableSql } from '$lib/domain/cube-sql';
import { levelTablesSql } from '$lib/domain/explorer';
import { t } from '$lib/domain/i18n';
import type { IntakeIssue } from '$lib/domain/intake/messages';
import type { ChildrenRecord } from '$lib/domain/intake/schema';
import type { Plan } from '$lib/domain/plan';
import { buildGeography, type Unit } from '$lib/domain/units';
import {
	validateReportBytes,
	type IntakeContext,
	type ValidatedFile
} from '$lib/domain/intake/validate';
import type { QueryClient } from './duckdb';

export async function validateUpload(file: File, ctx: IntakeContext): Promise<ValidatedFile> {
	return validateReportBytes(file.name, new Uint8Array(await file.arrayBuffer()), ctx);
}

/** What an upload is checked against: the plan and its units (the province apart). */
export function uploadContext(plan: Plan, units: (Unit & { level: string })[]): IntakeContext {
	const geo = buildGeography(
		{ code: plan.geography.province.code, name: plan.geography.province.name.vi },
		units.filter((u) => u.level !== 'province') as Unit[]
	);
	return { plan, geo };
}

/** The files' issues, and their children records when none is an error and there are some. */
export async function readUpload(
	files: File[],
	ctx: IntakeContext
): Promise<{ issues: IntakeIssue[]; children: ChildrenRecord[] | null }> {
	const results = await Promise.all(files.map((f) => validateUpload(f, ctx)));
	const issues = results.flatMap((r) => r.issues);
	if (issues.some((i) => i.severity === 'error')) return { issues, children: null };
	const children = results.filter((r) => r.kind === 'children').flatMap((r) => r.children);
	if (children.length > 0) return { issues, children };
	const message = { vi: t('vi', 'uploadNoChildren'), en: t('en', 'uploadNoChildren') };
	const file = files[0]?.name ?? '';
	return {
		issues: [{ file, row: 1, column: '', value: '', severity: 'error', message }],
		children: null
	};
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
