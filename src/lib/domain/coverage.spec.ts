import { describe, expect, it } from 'vitest';
import plan from '../../../data/plans/kontum-3430.json';
import { classifyRate, mapMeasures, measureOf } from './coverage';
import type { Plan } from './plan';

const measures = mapMeasures(plan as Plan);
const access = measures.find((m) => m.id === 'access')!;
const network = measures.find((m) => m.id === 'network')!;

describe('coverage classes', () => {
	it('classes rates against the phase target', () => {
		expect(classifyRate(90, false, 90)).toBe('met');
		expect(classifyRate(60, false, 90)).toBe('below');
		expect(classifyRate(44.9, false, 90)).toBe('low');
		expect(classifyRate(null, false, 90)).toBe('no_data');
		expect(classifyRate(null, true, 90)).toBe('suppressed');
	});
	it('uses the selected phase target (70% in 2018–2020, 90% in 2021–2025)', () => {
		const row = { access_rate: 75, access_rate_suppressed: false, accessed: 75, children: 100 };
		expect(measureOf(access, row, '2018-2020').cls).toBe('met');
		expect(measureOf(access, row, '2021-2025').cls).toBe('below');
	});
	it('keeps suppressed apart from no data, and flags as yes/no', () => {
		expect(
			measureOf(access, { access_rate: null, access_rate_suppressed: true }, '2021-2025').cls
		).toBe('suppressed');
		expect(measureOf(access, undefined, '2021-2025').cls).toBe('no_data');
		expect(measureOf(network, { has_service_network: 1 }, '2021-2025').cls).toBe('yes');
		expect(measureOf(network, { has_service_network: 0 }, '2021-2025').cls).toBe('no');
		expect(measureOf(network, { has_service_network: null }, '2021-2025').cls).toBe('no_data');
	});
});
