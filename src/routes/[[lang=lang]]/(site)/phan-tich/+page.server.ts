import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { emptyFilters } from '$lib/domain/explorer';
import { explorerDefault } from '$lib/server/explorer-default';
import { childrenYears, explorerCube, loadPlan, loadTable } from '$lib/server/published';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const plan = loadPlan();
	const { table: cube, depth, minDenominator } = explorerCube();
	const units = loadTable('units').rows.map((u) => ({
		code: String(u.unit_code),
		name: String(u.name),
		type: String(u.type),
		level: u.level as 'province' | 'district' | 'commune',
		district_code: String(u.district_code),
		name_ascii: String(u.name_ascii),
		// the era the unit belongs to: a year's names are those of the units in force at its end
		valid_from: String(u.valid_from ?? ''),
		valid_to: String(u.valid_to ?? '')
	}));
	// years with a children report (the cube's); a year with units reports only has no cube rows
	const years = childrenYears();
	const defaultYear = years.at(-1)!;
	return {
		plan: {
			phases: plan.phases,
			indicators: plan.indicators,
			years: plan.years,
			reporting: plan.reporting,
			geography: plan.geography,
			flags: plan.flags
		},
		units,
		years,
		defaultYear,
		// what each level publishes, and the smallest denominator of a published rate
		depth,
		minDenominator,
		cubeFile: {
			path: 'children_cube.csv',
			bytes: cube.files[0].bytes,
			skip: cube.csvCommentLines,
			columns: cube.columns
		},
		// the whole protected cube, offered for download as published (CSV, Parquet)
		cubeFiles: cube.files.map((f) => ({ path: f.path, format: f.format, bytes: f.bytes })),
		initial: await explorerDefault(emptyFilters(defaultYear)),
		// the engine's unpacked size: what the browser counts as it loads (the progress line)
		engineBytes: statSync(
			createRequire(import.meta.url).resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm')
		).size
	};
};
