/**
 * The runtime on a plan it was never written for: two levels (region, ward), no boundaries, one
 * partition breakdown and one overlapping one, an upper unit with figures of its own. Every
 * expected number below is worked out by hand from fixtures/two-level/dataset/*.csv.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	bruteForceAttack,
	leafKey,
	type Leaves,
	type PublishedTable
} from '../protect/fixtures/brute-force';
import { runPlanPipeline, type PlanPipelineResult } from './run';

export const FIXTURE = 'src/lib/pipeline/plans/fixtures/two-level';
const RULE = { min: 1, max: 4 };

let dir: string;
let result: PlanPipelineResult;
const read = async (file: string) => {
	const text = (await readFile(path.join(dir, file), 'utf8')).replace(/^\uFEFF/, '');
	const body = text
		.split('\n')
		.filter((l) => !l.startsWith('#'))
		.join('\n');
	return Papa.parse<Record<string, string>>(body, { header: true, skipEmptyLines: true }).data;
};

beforeAll(async () => {
	dir = path.join(await mkdtemp(path.join(os.tmpdir(), 'plan-run-')), 'test-two-level');
	result = await runPlanPipeline({
		root: '.',
		planFile: `${FIXTURE}/plan.json`,
		datasets: `${FIXTURE}/dataset`,
		out: dir
	});
}, 120_000);
afterAll(() => rm(path.dirname(dir), { recursive: true, force: true }));

// By hand, from kids-2023.csv: [kids_total, kids_served] per cube row (gender, needs_a, needs_b).
// W1: g1/a/– 10,8; g2/–/– 12,6; g2/a/– 3,3 → 25,17. W2: g1 20,15; g2/a 9,5 → 29,20.
// W3: g2/b 2,1; g1 1,1 → 3,2. R0 = 57,39; g1 10+20+1 = 31, 8+15+1 = 24; g2 26,15;
// needs_a=1: 10+3+9 = 22, 8+3+5 = 16; =0: 35,23; needs_b=1: 2,1; =0: 55,38.
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
// units-2023.csv: R0 own 6,5; W1 8,6; W2 3,2; W3 10,9 → R0 total 27,22.
const FACTS: Record<string, [number, number]> = {
	R0: [27, 22],
	W1: [8, 6],
	W2: [3, 2],
	W3: [10, 9],
	'R0~own': [6, 5]
};
const cubeKey = (r: Record<string, string>) =>
	[r.unit_code, r.gender, r.needs_a, r.needs_b].join('|');

describe('runPlanPipeline on a two-level plan without boundaries', () => {
	it('publishes, and the audit found nothing', () => {
		expect(result.issues).toEqual([]);
		expect(result.problems).toEqual([]);
		expect(result.ok).toBe(true);
		expect(result.manifest?.years).toEqual([2023]);
		expect(result.manifest?.protection.audit.disclosures).toBe(0);
		expect(result.manifest?.protection.audit.smallGroups).toBeGreaterThanOrEqual(4);
	});

	it('the contract’s files, and no map where no level has boundaries', async () => {
		const m = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8'));
		expect(m.tables.map((t: { name: string }) => t.name).sort()).toEqual(
			['cube_kids', 'reporting', 'unit_facts', 'unit_facts_own', 'units'].sort()
		);
		expect(m.files.map((f: { path: string }) => f.path)).toEqual(['indicators.json']);
		const cube = m.tables.find((t: { name: string }) => t.name === 'cube_kids');
		expect(cube.columns.find((c: { name: string }) => c.name === 'kids_served')).toMatchObject({
			role: 'count',
			protected: true,
			atMost: 'kids_total'
		});
	});

	it('cube: every row present (region: total + 3 dims × 2; wards: totals), hand values, 1–4 hidden', async () => {
		const rows = await read('cube_kids.csv');
		expect(rows.map(cubeKey).sort()).toEqual(Object.keys(CUBE).sort());
		for (const r of rows) {
			const [total, served] = CUBE[cubeKey(r)];
			for (const [col, want] of [
				['kids_total', total],
				['kids_served', served]
			] as const) {
				if (r[`${col}_suppressed`] === 'true') expect(r[col]).toBe('');
				else expect(Number(r[col]), `${cubeKey(r)} ${col}`).toBe(want);
				if (want >= 1 && want <= 4)
					expect(r[`${col}_suppressed`], `${cubeKey(r)} ${col}`).toBe('true');
			}
		}
	});

	it('unit_facts: upper = own + wards, hand values, 1–4 hidden; flags and reported as given', async () => {
		const rows = [...(await read('unit_facts.csv')), ...(await read('unit_facts_own.csv'))];
		expect(rows.map((r) => r.unit_code).sort()).toEqual(Object.keys(FACTS).sort());
		for (const r of rows) {
			const [w, t] = FACTS[r.unit_code];
			for (const [col, want] of [
				['workers', w],
				['workers_trained', t]
			] as const) {
				if (r[`${col}_suppressed`] === 'true') expect(r[col]).toBe('');
				else expect(Number(r[col])).toBe(want);
				if (want <= 4) expect(r[`${col}_suppressed`]).toBe('true');
			}
		}
		const facts = await read('unit_facts.csv');
		// a count of units (population "units": centres 1, 2, 0 → 3) is published as it is
		expect(facts.map((r) => r.centres)).toEqual(['3', '1', '2', '0']);
		expect(Object.keys(facts[0])).not.toContain('centres_suppressed');
		expect(facts.map((r) => [r.unit_code, r.plan_adopted, r.ward_active, r.reported])).toEqual([
			['R0', '1', '', '1'],
			['W1', '', '1', '1'],
			['W2', '', '0', '1'],
			['W3', '', '1', '1']
		]);
	});

	it('reporting: before the due date on time, on it late ("trước ngày"), none missing', async () => {
		const rows = await read('reporting.csv');
		expect(rows.map((r) => [r.unit_code, r.due_date, r.submitted_date, r.status])).toEqual([
			['W1', '2023-12-10', '2023-12-05', 'on_time'],
			['W2', '2023-12-10', '2023-12-10', 'late'],
			['W3', '2023-12-10', '', 'missing']
		]);
	});

	it('indicators.json: the verdict-relevant values, by hand', async () => {
		const file = JSON.parse(await readFile(path.join(dir, 'indicators.json'), 'utf8'));
		const point = (id: string, unit: string) =>
			file.indicators
				.find((i: { id: string }) => i.id === id)
				.series.find((p: { unit_code: string }) => p.unit_code === unit);
		// 39 / 57 = 68.42…% (target: at least 70)
		expect(point('served', 'R0')).toMatchObject({
			numerator: 39,
			denominator: 57,
			value: 68.4,
			hidden: false
		});
		expect(point('served', 'W3')).toMatchObject({ value: null, hidden: true });
		expect(point('trained', 'W2')).toMatchObject({ value: null, hidden: true });
		expect(point('adopted', 'R0')).toMatchObject({ value: 1 });
		// W1 and W3 active, W2 not: 2 of 3
		expect(point('active', 'R0')).toMatchObject({ numerator: 2, denominator: 3, value: 2 });
		expect(point('served_count', 'R0')).toMatchObject({ value: 39 });
	});
});

describe('an attacker apart from the pipeline (exact integer search, records model)', () => {
	it('pins no hidden count of 1–4 in the cube', async () => {
		const rows = await read('cube_kids.csv');
		const records = (await readFile(`${FIXTURE}/dataset/kids-2023.csv`, 'utf8'))
			.split('\n')
			.filter((l) => /^W/.test(l))
			.map((l) => l.split(','));
		const leaves: Leaves = new Map();
		for (const [unit, , , g, a, b, total, served] of records)
			leaves.set(leafKey(unit, [g, a, b]), {
				kids_total: Number(total),
				kids_served: Number(served)
			});
		const table: PublishedTable = {
			parent: { R0: null, W1: 'R0', W2: 'R0', W3: 'R0' },
			leafUnits: ['W1', 'W2', 'W3'],
			breakdowns: [
				{ id: 'gender', categories: ['g1', 'g2'] },
				{ id: 'needs_a', categories: ['1', '0'] },
				{ id: 'needs_b', categories: ['1', '0'] }
			],
			measures: [{ id: 'kids_total' }, { id: 'kids_served', atMost: 'kids_total' }],
			rows: rows.map((r) => ({ unit: r.unit_code, values: [r.gender, r.needs_a, r.needs_b] })),
			published: Object.fromEntries(
				['kids_total', 'kids_served'].map((m) => [
					m,
					rows.map((r) => (r[`${m}_suppressed`] === 'true' ? null : Number(r[m])))
				])
			)
		};
		const truth = Object.fromEntries(
			['kids_total', 'kids_served'].map((m, k) => [m, rows.map((r) => CUBE[cubeKey(r)][k])])
		);
		for (const model of ['cells', 'leaves'] as const) {
			const found = await bruteForceAttack(table, {
				rule: RULE,
				model,
				solver: model === 'cells' ? 'search' : 'mip',
				truth,
				leaves,
				cap: 200
			});
			expect(found.gaveUp, model).toBeUndefined();
			expect(found.smallGroups, model).toBeGreaterThanOrEqual(4);
			expect(found.findings, model).toEqual([]);
		}
		// the same attacker on the small counts alone hidden (no complements) pins them: it is sharp
		const primaryOnly = {
			...table,
			published: Object.fromEntries(
				Object.entries(truth).map(([m, vs]) => [m, vs.map((v) => (v >= 1 && v <= 4 ? null : v))])
			)
		};
		const naive = await bruteForceAttack(primaryOnly, {
			rule: RULE,
			model: 'cells',
			truth,
			cap: 200
		});
		expect(naive.findings.length).toBeGreaterThan(0);
	}, 120_000);

	it('pins no hidden count of 1–4 in the units’ figures (own row included)', async () => {
		const rows = [...(await read('unit_facts.csv')), ...(await read('unit_facts_own.csv'))];
		const table: PublishedTable = {
			parent: { R0: null, W1: 'R0', W2: 'R0', W3: 'R0', 'R0~own': 'R0' },
			leafUnits: ['W1', 'W2', 'W3', 'R0~own'],
			breakdowns: [],
			measures: [{ id: 'workers' }, { id: 'workers_trained', atMost: 'workers' }],
			rows: rows.map((r) => ({ unit: r.unit_code, values: [] })),
			published: Object.fromEntries(
				['workers', 'workers_trained'].map((m) => [
					m,
					rows.map((r) => (r[`${m}_suppressed`] === 'true' ? null : Number(r[m])))
				])
			)
		};
		const truth = Object.fromEntries(
			['workers', 'workers_trained'].map((m, k) => [m, rows.map((r) => FACTS[r.unit_code][k])])
		);
		const found = await bruteForceAttack(table, { rule: RULE, model: 'cells', truth, cap: 200 });
		expect(found.gaveUp).toBeUndefined();
		expect(found.smallGroups).toBe(2);
		expect(found.findings).toEqual([]);
	});
});
