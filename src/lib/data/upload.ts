/**
 * An analyst's own report file, in the browser only: decoded and validated by the pipeline's
 * own code (src/lib/domain/intake) in a worker, and turned into the same cube as the published
 * data, unprotected, inside DuckDB-WASM.
 */
import { breakdownIds, childCountColumns } from '$lib/domain/breakdowns';
import { toCsv } from '$lib/domain/csv';
import { cubeSql, unitsTableSql } from '$lib/domain/cube-sql';
import { levelTablesSql, measures } from '$lib/domain/explorer';
import type { ChildrenRecord } from '$lib/domain/intake/schema';
import type { Plan } from '$lib/domain/plan';
import { eraOfYear, erasFromList, type UnitWithEra } from '$lib/domain/unit-eras';
import type { IntakeContext } from '$lib/domain/intake/validate';
import type { UploadProgress } from '$lib/domain/upload-check';
import type { QueryClient } from './duckdb';
import type { CheckRequest, UploadReport, UploadSetup, WorkerMessage } from './upload-protocol';

/** What an upload is checked against: the plan and its units (the province apart). */
export function uploadContext(plan: Plan, units: UnitWithEra[]): IntakeContext {
	// a list with eras (a reform inside the plan): each row is checked against its year's units
	const eras = erasFromList(
		{ code: plan.geography.province.code, name: plan.geography.province.name.vi },
		units
	);
	return { plan, geo: eras[0].geo, ...(eras.length > 1 ? { eras } : {}) };
}

/** The plain data the worker needs to check files against the plan (no Svelte proxies). */
export function uploadSetup(plan: Plan, units: UnitWithEra[]): UploadSetup {
	const { years, reporting, geography, flags } = plan;
	return JSON.parse(
		JSON.stringify({
			plan: { years, reporting, geography, flags },
			units
		})
	);
}

export interface UploadCheck {
	/** the report, or null once cancelled */
	done: Promise<UploadReport | null>;
	cancel: () => void;
}

/**
 * Checks the files in a worker (upload.worker.ts): the page stays responsive and `cancel` stops
 * the work at once. One worker per check, ended with it, so a large file's memory goes too.
 */
export function checkUpload(
	files: File[],
	setup: UploadSetup,
	onprogress: (p: UploadProgress) => void
): UploadCheck {
	const worker = new Worker(new URL('./upload.worker.ts', import.meta.url), { type: 'module' });
	let settle: (r: UploadReport | null) => void = () => undefined;
	const done = new Promise<UploadReport | null>((resolve, reject) => {
		settle = resolve;
		worker.onmessage = (e: MessageEvent<WorkerMessage>) => {
			const m = e.data;
			if (m.type === 'progress') onprogress(m);
			else {
				worker.terminate();
				if (m.type === 'done') resolve(m.report);
				else reject(new Error(m.reason));
			}
		};
		worker.onerror = (e) => {
			worker.terminate();
			reject(new Error(e.message || 'upload worker failed to start'));
		};
	});
	worker.postMessage({ ...setup, files } satisfies CheckRequest);
	return {
		done,
		cancel: () => {
			worker.terminate();
			settle(null);
		}
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
	const years = [...new Set(records.map((r) => r.year))].sort((a, b) => a - b);
	const flags = measures.map((c) => `false AS ${c}_suppressed`).join(', ');
	// each era's years summed over its own units (a reform inside the plan: unit-eras.ts)
	const eras = ctx.eras ?? [{ geo: ctx.geo }];
	let made = false;
	for (const era of eras) {
		const these = ctx.eras ? years.filter((y) => eraOfYear(ctx.eras!, y) === era) : years;
		if (these.length === 0) continue;
		const g = era.geo;
		await client.query(unitsTableSql([g.province, ...g.districts, ...g.communes]));
		const select = `SELECT *, ${flags} FROM (${cubeSql(g.province.code, these)})`;
		await client.query(
			made ? `INSERT INTO upload_cube ${select}` : `CREATE OR REPLACE TABLE upload_cube AS ${select}`
		);
		made = true;
	}
	for (const sql of levelTablesSql(years, 'upload_cube')) await client.query(sql);
	return years;
}
