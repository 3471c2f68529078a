/** Reads the plan, the code list and the report files from data/ (build time, Node). */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import Papa from 'papaparse';
import { planFromJson, type Plan } from '../domain/plan';
import { buildGeography, provincePartitions, type Geography, type Unit } from '../domain/units';
import { validateReportBytes, type ValidatedFile } from '../domain/intake/validate';

export interface Dataset {
	illustrative: boolean;
	asOf: string;
	source: { vi: string; en: string };
	/** licence of the published tables (SPDX id); CC-BY-4.0 when not given */
	licence?: string;
}

export async function readPlan(file: string): Promise<Plan> {
	return planFromJson(JSON.parse(await readFile(file, 'utf8')), file);
}

async function readUnits(root: string, plan: Plan): Promise<Unit[]> {
	const text = await readFile(path.join(root, plan.geography.unitsFile), 'utf8');
	return Papa.parse<Unit>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
}

const topUnit = (plan: Plan) => ({
	code: plan.geography.province.code,
	name: plan.geography.province.name.vi
});

/** Every unit of the code list under the plan's top unit (what the intake checks codes against). */
export async function readGeography(root: string, plan: Plan): Promise<Geography> {
	return buildGeography(topUnit(plan), await readUnits(root, plan));
}

export interface Setup {
	plan: Plan;
	/** every unit: the intake checks codes against it */
	geo: Geography;
	/** one geography per province, aggregated and protected one at a time */
	partitions: Geography[];
	dataset: Dataset;
	/** report files, sorted: path relative to the reports folder's parent, and absolute path */
	reports: { file: string; path: string }[];
}

export async function readSetup(opts: {
	root: string;
	plan: string;
	reports: string;
}): Promise<Setup> {
	const plan = await readPlan(path.resolve(opts.root, opts.plan));
	const units = await readUnits(opts.root, plan);
	const reportsDir = path.resolve(opts.root, opts.reports);
	const dataset = JSON.parse(
		await readFile(path.join(reportsDir, 'dataset.json'), 'utf8')
	) as Dataset;
	const names = (await readdir(reportsDir)).filter((f) => f.toLowerCase().endsWith('.csv')).sort();
	return {
		plan,
		geo: buildGeography(topUnit(plan), units),
		partitions: provincePartitions(topUnit(plan), units),
		dataset,
		reports: names.map((name) => ({
			file: path.posix.join(path.basename(reportsDir), name),
			path: path.join(reportsDir, name)
		}))
	};
}

/** Reads and validates one report file. */
export async function readReport(
	report: Setup['reports'][number],
	ctx: { plan: Plan; geo: Geography }
): Promise<ValidatedFile> {
	return validateReportBytes(report.file, new Uint8Array(await readFile(report.path)), ctx);
}
