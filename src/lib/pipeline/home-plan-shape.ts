/**
 * The home plan's shape: the little of data/site.json's plan the home pages' code needs in the
 * browser (the cube population, its breakdowns with their categories and labels, its count
 * measures with their bounds, its rates), derived at build time and checked in as
 * src/lib/domain/home-plan-shape.generated.json, which src/lib/domain/breakdowns.ts reads. The
 * plan file stays the one source: `npm run generate:shape` (a step of `npm run build`) writes the
 * file again, and home-plan-shape.spec.ts fails when the checked-in file no longer says what the
 * plan says. The whole plan (22 KB) is never bundled into a page.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { HomePlanShape, ShapeMeasure } from '../domain/breakdowns';
import { planFromJson, type Plan } from '../domain/plan';
import { homePlan } from './site-config';

/** Where the generated file lives, from the repository root. */
export const SHAPE_FILE = 'src/lib/domain/home-plan-shape.generated.json';

/**
 * The shape of one plan. The cube population is the plan's first population (Kon Tum: children
 * with disabilities); its count measures are the cube's columns, in plan order. A plan whose
 * first population is not cut by breakdowns, or has no count measure, cannot be the home plan.
 */
export function homePlanShape(plan: Plan): HomePlanShape {
	const spec = plan.spec;
	const population = spec.populations[0];
	const where = `plan ${spec.id}: population ${population?.id}`;
	if (!population || population.breakdowns.length === 0)
		throw new Error(`${where}: the home pages need a first population cut by breakdowns`);
	const breakdowns = population.breakdowns.map((id) => {
		const b = spec.breakdowns.find((x) => x.id === id);
		if (!b) throw new Error(`${where}: breakdown ${id} is not declared`);
		return {
			id: b.id,
			label: { vi: b.label.vi, en: b.label.en },
			categories: b.categories.map((c) => ({
				code: c.code,
				label: { vi: c.label.vi, en: c.label.en }
			}))
		};
	});
	const cubeCounts: ShapeMeasure[] = spec.measures
		.filter((m) => m.type === 'count' && m.population === population.id)
		.map((m) => (m.atMost ? { id: m.id, atMost: m.atMost } : { id: m.id }));
	if (cubeCounts.length === 0) throw new Error(`${where}: no count measure`);
	const isCube = new Set(cubeCounts.map((m) => m.id));
	const rates = plan.indicators.flatMap((i) =>
		i.kind === 'rate' && isCube.has(i.numerator) && isCube.has(i.denominator)
			? [{ id: i.id, numerator: i.numerator, denominator: i.denominator }]
			: []
	);
	return {
		plan: spec.id,
		population: population.id,
		breakdowns,
		counts: cubeCounts,
		rates
	};
}

/** The generated file's text for the plan file at `planFile` (relative to `root`). */
export function shapeFileText(root: string, planFile: string): string {
	const plan = planFromJson(
		JSON.parse(readFileSync(path.resolve(root, planFile), 'utf8')),
		planFile
	);
	const file = {
		$comment: `Generated from ${planFile} (the home plan named by data/site.json, or PLAN) by \`npm run generate:shape\` (scripts/home-plan-shape.ts, run by \`npm run build\`). Do not edit: edit the plan file and run it again.`,
		...homePlanShape(plan)
	};
	return JSON.stringify(file, null, '\t') + '\n';
}

/** Writes the generated file when it differs; says whether it changed. */
export function writeHomePlanShape(root = process.cwd()): { file: string; changed: boolean } {
	const text = shapeFileText(root, homePlan(root).plan);
	const file = path.join(root, SHAPE_FILE);
	let old = '';
	try {
		old = readFileSync(file, 'utf8');
	} catch {
		// first run
	}
	if (old !== text) writeFileSync(file, text);
	return { file: SHAPE_FILE, changed: old !== text };
}
