/**
 * Everything scripts/generate-demo-data.ts feeds the illustrative-data generator, read from data/:
 * the home plan (data/site.json), its unit list (geography.unitsFile), its reorganisation with the
 * new units, and its calibration file (data/calibration/<plan-id>.json). No place in code.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planFromJson, type Plan } from '../domain/plan';
import { readDemoCalibration, demoPlan } from './demo-calibration';
import type { DemoOptions, DemoUnit } from './demo-data';
import { homePlan } from './site-config';

/** The unit list has no quoted fields, so a plain split is enough. */
export function readDemoUnits(path: string): (DemoUnit & { predecessor_codes: string })[] {
	const [header, ...lines] = readFileSync(path, 'utf8')
		.replace(/^\uFEFF/, '')
		.split(/\r?\n/)
		.filter((l) => l.trim() !== '');
	const cols = header.split(',');
	return lines.map((line) => {
		const cells = line.split(',');
		const get = (c: string) => cells[cols.indexOf(c)] ?? '';
		return {
			code: get('code'),
			name: get('name'),
			level: get('level'),
			district_code: get('district_code'),
			type: get('type'),
			predecessor_codes: get('predecessor_codes')
		};
	});
}

export const demoCalibrationFile = (planId: string) => join('data/calibration', `${planId}.json`);

/** A plan file, read and checked. */
export function readPlan(file: string, root = process.cwd()): Plan {
	return planFromJson(JSON.parse(readFileSync(join(root, file), 'utf8')), file);
}

/** The plan's calibration file, read and checked against it. */
export function readPlanDemoCalibration(plan: Plan, root = process.cwd()) {
	const file = demoCalibrationFile(plan.id);
	let json: unknown;
	try {
		json = JSON.parse(readFileSync(join(root, file), 'utf8'));
	} catch (e) {
		throw new Error(
			`${file}: ${(e as Error).message} (the calibration of the illustrative data of ${plan.id})`
		);
	}
	return readDemoCalibration(json, plan, file);
}

/**
 * The generator's options for the home plan (its seed and "as of" date from the calibration
 * file) and the folder its reports go to.
 */
export function homeDemoInputs(root = process.cwd()): { options: DemoOptions; reports: string } {
	const home = homePlan(root);
	const plan = readPlan(home.plan, root);
	const calibration = readPlanDemoCalibration(plan, root);
	const unitsFile = plan.spec.geography.unitsFile;
	if (!unitsFile) throw new Error(`${home.plan}: geography.unitsFile is needed to generate data`);

	// the plan's reorganisation with its new units: the years after it are reported by them
	const r = plan.spec.geography.reforms.find((x) => x.units);
	const reform = r && {
		from: r.from,
		area: r.area?.vi ?? plan.geography.province.name.vi,
		units: readDemoUnits(join(root, r.units!))
	};
	return {
		options: {
			seed: calibration.seed,
			asOf: calibration.asOf,
			units: readDemoUnits(join(root, unitsFile)),
			renames: plan.geography.renames,
			plan: demoPlan(plan),
			calibration,
			reform
		},
		reports: home.reports
	};
}
