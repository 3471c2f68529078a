import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPlan } from '../../domain/plan/load';
import type { PlanSpec } from '../../domain/plan/types';
import { parseUnitList, unitsInYear } from '../../domain/plan/unit-list';
import { reportingRows } from './reporting';

const FIXTURE = 'src/lib/pipeline/plans/fixtures/two-level';
const r = loadPlan(JSON.parse(readFileSync(`${FIXTURE}/plan.json`, 'utf8')));
if (!r.ok) throw new Error('fixture plan');
const base = r.plan;
const levels = base.geography.levels.map((l) => l.id);
const { versions } = parseUnitList(readFileSync(`${FIXTURE}/units.csv`, 'utf8'), 'u', levels);
const trees = new Map([2023, 2024].map((y) => [y, unitsInYear(versions, y, levels)]));
const given = (dates: Record<string, string | null>) =>
	Object.entries(dates).map(([unit, d]) => ({
		year: 2023,
		unit,
		values: {},
		dates: { report_submitted: d }
	}));
const statuses = (spec: PlanSpec, asOf: string, dates: Record<string, string | null>) =>
	reportingRows(spec, trees, given(dates), new Set([2023]), asOf).map((x) => [
		x.unit_code,
		x.status
	]);
const withDuty = (patch: Partial<PlanSpec['reporting']['duties'][number]>): PlanSpec => ({
	...base,
	reporting: { ...base.reporting, duties: [{ ...base.reporting.duties[0], ...patch }] }
});

describe('reporting statuses', () => {
	it('"trước ngày 10/12": on the due date late; nothing by then missing on that very day', () => {
		expect(statuses(base, '2023-12-10', { W1: '2023-12-09', W2: '2023-12-10', W3: null })).toEqual([
			['W1', 'on_time'],
			['W2', 'late'],
			['W3', 'missing']
		]);
	});

	it('"chậm nhất ngày 10/12" (not strict): on the date on time, not yet missing', () => {
		const spec = withDuty({ strict: false });
		expect(statuses(spec, '2023-12-10', { W1: null, W2: '2023-12-10', W3: '2023-12-11' })).toEqual([
			['W1', 'not_due'],
			['W2', 'on_time'],
			['W3', 'late']
		]);
	});

	it('no due date: a report received is "undated"; none by the end of the year is missing', () => {
		const spec = withDuty({ due: undefined });
		expect(statuses(spec, '2024-01-05', { W1: '2023-07-01', W2: null, W3: null })).toEqual([
			['W1', 'undated'],
			['W2', 'missing'],
			['W3', 'missing']
		]);
	});

	it('nothing is owed before the plan exists (the plan is dated 2023-01-15; a one-off due before it)', () => {
		const spec = withDuty({ frequency: 'once', due: '2023-01-10' });
		expect(statuses(spec, '2024-01-05', { W1: null })).toEqual([]);
	});
});
