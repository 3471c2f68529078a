import { describe, expect, it } from 'vitest';
import plan from '../../../data/plans/kontum-3430.json';
import { classifyRate, mapMeasures, measureOf } from './coverage';
import { planFromJson } from './plan';

const measures = mapMeasures(planFromJson(plan));
const access = measures.find((m) => m.id === 'access')!;
const network = measures.find((m) => m.id === 'network')!;

describe('coverage classes', () => {
	it('classes rates by their shortfall below the phase target, in points', () => {
		// target 90: met from 90; near down to 80 (10 short); below down to 65 (25 short); far under
		expect(classifyRate(90, false, 90)).toBe('met');
		expect(classifyRate(100, false, 90)).toBe('met');
		expect(classifyRate(89.9, false, 90)).toBe('near');
		expect(classifyRate(80, false, 90)).toBe('near');
		expect(classifyRate(79.9, false, 90)).toBe('below');
		expect(classifyRate(65, false, 90)).toBe('below');
		expect(classifyRate(64.9, false, 90)).toBe('far');
		expect(classifyRate(0, false, 90)).toBe('far');
		// target 50 (skills, 2018–2020): 41 is 9 short, 30 is 20 short, 24 is 26 short
		expect(classifyRate(41, false, 50)).toBe('near');
		expect(classifyRate(30, false, 50)).toBe('below');
		expect(classifyRate(24, false, 50)).toBe('far');
		expect(classifyRate(50, false, null)).toBe('no_data');
		expect(classifyRate(null, false, 90)).toBe('no_data');
		expect(classifyRate(null, true, 90)).toBe('suppressed');
	});
	it('uses the selected phase target (70% in 2018–2020, 90% in 2021–2025)', () => {
		const row = { access_rate: 75, access_rate_suppressed: false, accessed: 75, children: 100 };
		expect(measureOf(access, row, '2018-2020').cls).toBe('met');
		expect(measureOf(access, row, '2021-2025').cls).toBe('below');
		expect(measureOf(access, { ...row, access_rate: 52.4 }, '2021-2025').cls).toBe('far');
	});
	it('keeps suppressed apart from no data, and flags as yes/no', () => {
		expect(
			measureOf(access, { access_rate: null, access_rate_suppressed: true }, '2021-2025').cls
		).toBe('suppressed');
		expect(measureOf(access, undefined, '2021-2025').cls).toBe('no_data');
		expect(measureOf(network, { network_communes_count: 1 }, '2021-2025').cls).toBe('yes');
		expect(measureOf(network, { network_communes_count: 0 }, '2021-2025').cls).toBe('no');
		expect(measureOf(network, { network_communes_count: null }, '2021-2025').cls).toBe('no_data');
	});
});
