/**
 * The audit gate reads a published folder as a reader would: on the fixture's folder it finds
 * nothing; with one complement un-hidden (W1's total shown, so W3's 3 children = 57 − 25 − 29)
 * it names the disclosure, which is what makes the pipeline refuse to publish.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPlan } from '../../domain/plan/load';
import type { PlanSpec } from '../../domain/plan/types';
import { auditPlanFolder, readPlanFolder } from './audit';
import { runPlanPipeline } from './run';

const FIXTURE = 'src/lib/pipeline/plans/fixtures/two-level';
let tmp: string;
let spec: PlanSpec;
// the true counts, by hand (run.spec.ts works them out): unit|gender|needs_a|needs_b
const CUBE: Record<string, [number, number]> = {
	'R0|all|all|all': [57, 39],
	'R0|g1|all|all': [31, 24],
	'R0|g2|all|all': [26, 15],
	'R0|all|1|all': [22, 16],
	'R0|all|0|all': [35, 23],
	'R0|all|all|1': [2, 1],
	'R0|all|all|0': [55, 38],
	'W1|all|all|all': [25, 17],
	'W2|all|all|all': [29, 20],
	'W3|all|all|all': [3, 2]
};
const FACTS: Record<string, [number, number]> = {
	R0: [27, 22],
	W1: [8, 6],
	W2: [3, 2],
	W3: [10, 9],
	'R0~own': [6, 5]
};

async function truth(dir: string) {
	const { tables } = await readPlanFolder(dir);
	const rows = (
		name: string,
		of: (r: Record<string, unknown>) => [number, number],
		m: [string, string]
	) =>
		(tables.find((t) => t.name === name)?.rows ?? []).map((r) => {
			const [a, b] = of(r);
			return { ...r, year: Number(r.year), [m[0]]: a, [m[1]]: b } as Record<
				string,
				string | number | boolean | null
			>;
		});
	const key = (r: Record<string, unknown>) =>
		[r.unit_code, r.gender, r.needs_a, r.needs_b].join('|');
	return new Map([
		['cube_kids', rows('cube_kids', (r) => CUBE[key(r)], ['kids_total', 'kids_served'])],
		[
			'unit_facts',
			rows('unit_facts', (r) => FACTS[String(r.unit_code)], ['workers', 'workers_trained'])
		],
		[
			'unit_facts_own',
			rows('unit_facts_own', (r) => FACTS[String(r.unit_code)], ['workers', 'workers_trained'])
		]
	]);
}

beforeAll(async () => {
	tmp = await mkdtemp(path.join(os.tmpdir(), 'plan-audit-'));
	const r = await runPlanPipeline({
		root: '.',
		planFile: `${FIXTURE}/plan.json`,
		datasets: `${FIXTURE}/dataset`,
		out: path.join(tmp, 'good')
	});
	expect(r.ok).toBe(true);
	const loaded = loadPlan(JSON.parse(await readFile(`${FIXTURE}/plan.json`, 'utf8')));
	if (!loaded.ok) throw new Error('fixture plan');
	spec = loaded.plan;
}, 120_000);
afterAll(() => rm(tmp, { recursive: true, force: true }));

describe('auditPlanFolder', () => {
	it('finds nothing in the published folder', async () => {
		const dir = path.join(tmp, 'good');
		const a = await auditPlanFolder(dir, spec, [2023], await truth(dir));
		expect(a.problems).toEqual([]);
		expect(a.disclosures).toEqual([]);
		expect(a.summary.smallGroups).toBeGreaterThanOrEqual(4);
	});

	it('names the small group a missing complement gives away', async () => {
		const dir = path.join(tmp, 'tampered');
		await cp(path.join(tmp, 'good'), dir, { recursive: true });
		const file = path.join(dir, 'cube_kids.csv');
		const text = await readFile(file, 'utf8');
		const w1 = /^2023,ward,W1,all,all,all,.*$/m;
		expect(text).toMatch(/^2023,ward,W1,all,all,all,,,true,true$/m);
		await writeFile(file, text.replace(w1, '2023,ward,W1,all,all,all,25,17,false,false'));
		const a = await auditPlanFolder(dir, spec, [2023], await truth(dir));
		expect(a.disclosures.length).toBeGreaterThan(0);
		expect(a.disclosures.some((d) => d.key.includes('W3') && d.column === 'kids_total')).toBe(true);
	});
});
