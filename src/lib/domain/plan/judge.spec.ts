import { describe, expect, it } from 'vitest';
import { assess } from '../indicator-values';
import { isQualitative, judgeMaintain } from './judge';
import type { Indicator, Phase } from './site';

const phase = { startYear: 2018, endYear: 2020 };
const s = (...v: (number | null)[]) => v.map((value, i) => ({ year: 2018 + i, value }));

describe('maintain: held in every year of the phase', () => {
	// Hand-worked: 8 of 10 districts to maintain over 2018–2020.
	it('is met only when every year holds the level', () => {
		expect(judgeMaintain(s(8, 9, 8), 8, phase, 2020).status).toBe('met');
	});
	it('is not met when one year fell short, even if the end year reaches it', () => {
		// 7 in 2018: the level was not maintained, though 2020 shows 8 (an end-year judgement says met)
		expect(judgeMaintain(s(7, 8, 8), 8, phase, 2020)).toEqual({
			status: 'not_met',
			failedYears: [2018]
		});
		expect(judgeMaintain(s(8, 7, 9), 8, phase, 2020).failedYears).toEqual([2019]);
	});
	it('is decided as soon as a year falls short, inside the phase', () => {
		expect(judgeMaintain(s(8, 7), 8, phase, 2019).status).toBe('not_met');
		expect(judgeMaintain(s(8, 8), 8, phase, 2019).status).toBe('on_track');
	});
	it('has no data when a year is missing and none fell short', () => {
		expect(judgeMaintain(s(8, null, 9), 8, phase, 2020).status).toBe('no_data');
		expect(judgeMaintain(s(8, 9), 8, phase, 2020).status).toBe('no_data'); // 2020 not reported
	});
	it('ignores years outside the phase', () => {
		const series = [{ year: 2017, value: 2 }, ...s(8, 8, 8), { year: 2021, value: 1 }];
		expect(judgeMaintain(series, 8, phase, 2025).status).toBe('met');
	});

	it('is what the site applies to a maintain target (assess)', () => {
		const ind: Indicator = {
			id: 'network_districts',
			kind: 'unit_count',
			level: 'district',
			flag: 'f',
			label: { vi: '', en: '' },
			shortLabel: { vi: '', en: '' },
			direction: 'increase',
			targets: [
				{
					phase: 'p1',
					value: 8,
					of: 10,
					test: 'maintain',
					maintain: true,
					quote: 'Duy trì',
					source: ''
				}
			]
		};
		const p: Phase = {
			id: 'p1',
			label: { vi: '', en: '' },
			review: { vi: '', en: '' },
			startYear: 2018,
			endYear: 2020,
			baselineYear: 2018
		};
		const series = s(7, 8, 8).map((v) => ({ ...v, suppressed: false }));
		expect(assess(ind, series, p, 2020)).toMatchObject({
			status: 'not_met',
			// the value shown is the one that decided it: 7 in 2018, not 8 in 2020
			current: { year: 2018, value: 7 },
			gap: -1
		});
		// the same series against "reach 8 by 2020" is met: the test is what differs
		const reach = {
			...ind,
			targets: [{ ...ind.targets[0], test: 'at_least' as const, maintain: undefined }]
		};
		expect(assess(reach, series, p, 2020)?.status).toBe('met');
	});
});

describe('qualitative targets', () => {
	it('are the ones without a value', () => {
		expect(isQualitative({ value: undefined })).toBe(true);
		expect(isQualitative({ value: 0 })).toBe(false);
	});
});
