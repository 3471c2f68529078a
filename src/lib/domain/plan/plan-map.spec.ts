import { describe, expect, it } from 'vitest';
import { wardPlan } from './fixtures';
import { loadPlan } from './load';
import { planMapModel } from './plan-map';
import type { UnitRow } from './plan-units';

const r = loadPlan(wardPlan());
if (!r.ok) throw new Error('fixture');
const spec = r.plan;
const unit = (code: string, level: string): UnitRow => ({
	code,
	name: code,
	type: '',
	level,
	parent: level === 'group' ? '19999' : '',
	from: '',
	to: ''
});
const units = [unit('19999', 'ward'), ...['G1', 'G2', 'G3', 'G4'].map((c) => unit(c, 'group'))];
const p = (unit_code: string, value: number | null) => ({
	unit_code,
	year: 2019,
	numerator: null,
	denominator: null,
	value,
	hidden: value === null
});
const data = {
	indicators: [
		{ id: 'access', kind: 'rate', series: [p('G1', 90), p('G2', 81), p('G3', 64.9), p('G4', null)] }
	]
};

describe('the static map of a plan', () => {
	it('is not drawn where no level has boundaries (a ward alone, no map)', () => {
		expect(planMapModel(spec, units, data, [], 2019)).toBeNull();
	});
	it('draws the finest level with boundaries, each unit classed against the year’s phase target', () => {
		const m = planMapModel(spec, units, data, ['ward', 'group'], 2019)!;
		expect([m.level, m.indicator.id, m.target?.value]).toEqual(['group', 'access', 90]);
		// target 90 (phase 2018–2020): 90 met; 81 is 9 points short; 64.9 is 25.1 short; hidden
		expect(m.units.map((u) => [u.code, u.cls])).toEqual([
			['G1', 'met'],
			['G2', 'near'],
			['G3', 'far'],
			['G4', 'suppressed']
		]);
	});
});
