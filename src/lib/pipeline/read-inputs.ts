/** Reads the plan, the code list and the report files from data/ (build time, Node). */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import Papa from 'papaparse';
import type { Plan } from '../domain/plan';
import { buildGeography, type Geography, type Unit } from '../domain/units';
import { validateReportBytes, type ValidatedFile } from '../domain/intake/validate';

export interface Dataset {
	illustrative: boolean;
	asOf: string;
	source: { vi: string; en: string };
	/** licence of the published tables (SPDX id); CC-BY-4.0 when not given */
	licence?: string;
}

export interface Inputs {
	plan: Plan;
	geo: Geography;
	dataset: Dataset;
	files: ValidatedFile[];
}

export async function readPlan(file: string): Promise<Plan> {
	return JSON.parse(await readFile(file, 'utf8')) as Plan;
}

export async function readGeography(root: string, plan: Plan): Promise<Geography> {
	const text = await readFile(path.join(root, plan.geography.unitsFile), 'utf8');
	const units = Papa.parse<Unit>(text.replace(/^\uFEFF/, ''), {
		header: true,
		skipEmptyLines: true
	}).data;
	return buildGeography(
		{ code: plan.geography.province.code, name: plan.geography.province.name.vi },
		units
	);
}

export async function readInputs(opts: {
	root: string;
	plan: string;
	reports: string;
}): Promise<Inputs> {
	const plan = await readPlan(path.resolve(opts.root, opts.plan));
	const geo = await readGeography(opts.root, plan);
	const reportsDir = path.resolve(opts.root, opts.reports);
	const dataset = JSON.parse(
		await readFile(path.join(reportsDir, 'dataset.json'), 'utf8')
	) as Dataset;
	const names = (await readdir(reportsDir)).filter((f) => f.toLowerCase().endsWith('.csv')).sort();
	const files: ValidatedFile[] = [];
	for (const name of names) {
		const bytes = new Uint8Array(await readFile(path.join(reportsDir, name)));
		const file = path.posix.join(path.basename(reportsDir), name);
		files.push(validateReportBytes(file, bytes, { plan, geo }));
	}
	return { plan, geo, dataset, files };
}
