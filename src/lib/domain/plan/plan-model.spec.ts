import { describe, expect, it } from 'vitest';
import { wardPlan } from './fixtures';
import { loadPlan } from './load';
import { dutyStates, levelTables, planSummary } from './plan-model';
import type { UnitRow } from './plan-units';
import type { PlanSpec } from './types';

const spec = (): PlanSpec => {
	const r = loadPlan(wardPlan());
	if (!r.ok) throw new Error(JSON.stringify(r.errors));
	return r.plan;
};
const unit = (code: string, level: string, parent = ''): UnitRow => ({
	code,
	name: `U${code}`,
	type: '',
	level,
	parent,
	from: '',
	to: ''
});
// the ward and two residential groups (hand-written)
const units = [unit('19999', 'ward'), unit('G1', 'group', '19999'), unit('G2', 'group', '19999')];
const point = (unit_code: string, year: number, value: number | null) => ({
	unit_code,
	year,
	numerator: null,
	denominator: null,
	value,
	hidden: value === null
});

describe('plan page models', () => {
	it('a plan with nothing published: no data, its units counted per level, nothing judged', () => {
		const s = planSummary(spec(), units, null);
		expect(s.published).toBe(false);
		expect(s.asOf).toBeNull();
		expect(s.levels.map((l) => [l.id, l.count, l.hasMap])).toEqual([
			['ward', 1, false],
			['group', 2, false]
		]);
		expect(s.counts.met + s.counts.not_met + s.counts.on_track + s.counts.at_risk).toBe(0);
		expect(s.counts.no_data + s.counts.qualitative).toBe(s.targets);
	});
	it('puts each unit’s value of the year shown in its level’s table, a hidden one as hidden', () => {
		const data = {
			indicators: [
				{
					id: 'access',
					kind: 'rate',
					series: [point('G1', 2024, 80), point('G1', 2025, 85), point('G2', 2025, null)]
				}
			]
		};
		const [ward, groups] = levelTables(spec(), units, data, 2025);
		expect(ward.units.map((u) => u.values.access)).toEqual([null]);
		expect(
			groups.units.map((u) => [u.code, u.values.access?.value, u.values.access?.hidden])
		).toEqual([
			['G1', 85, false],
			['G2', null, true]
		]);
		expect(groups.units[0].parentName).toBe('U19999');
	});
	it('counts the published reports per duty, year and status', () => {
		const plan = spec();
		const duty = plan.reporting.duties[0].id;
		const rows = [
			{ year: 2024, unit_code: 'G1', duty, status: 'on_time' },
			{ year: 2024, unit_code: 'G2', duty, status: 'late' },
			{ year: 2025, unit_code: 'G1', duty, status: 'missing' },
			{ year: 2025, unit_code: 'G2', duty: 'other', status: 'late' }
		];
		const [state] = dutyStates(plan, rows);
		expect(
			state.years.map((y) => [y.year, y.counts.on_time, y.counts.late, y.counts.missing])
		).toEqual([
			[2024, 1, 1, 0],
			[2025, 0, 0, 1]
		]);
	});
});
