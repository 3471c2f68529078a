import { describe, expect, it } from 'vitest';
import type { Target } from './types';
import { countVerdicts, judgeTarget, planVerdicts, type SeriesPoint } from './verdicts';

const ind = { id: 'access', direction: 'increase' as const };
const phase = { id: 'p1', startYear: 2018, endYear: 2020 };
const target = (value: number | undefined, test: Target['test'] = 'at_least'): Target => ({
	phase: 'p1',
	value,
	test,
	quote: 'Phấn đấu 90% trẻ em khuyết tật …',
	source: 'mục I'
});
/** values from 2018 on; null = hidden */
const s = (...v: (number | null)[]): SeriesPoint[] =>
	v.map((value, i) => ({
		unit_code: 'A',
		year: 2018 + i,
		numerator: null,
		denominator: null,
		value,
		hidden: value === null
	}));

describe('at_least / at_most: judged on the phase end year', () => {
	it('is met when the end year reaches the target (90.0 ≥ 90)', () => {
		const v = judgeTarget(ind, target(90), phase, s(70, 80, 90), 2020);
		expect([v.verdict, v.rule, v.value, v.year]).toEqual(['met', 'end', 90, 2020]);
	});
	it('is not met when the end year falls short, whatever came before (95, 95, 89.9)', () => {
		expect(judgeTarget(ind, target(90), phase, s(95, 95, 89.9), 2025).verdict).toBe('not_met');
	});
	it('reads at_most the other way (a rate to bring down to 10%)', () => {
		expect(judgeTarget(ind, target(10, 'at_most'), phase, s(20, 15, 10), 2020).verdict).toBe('met');
		expect(judgeTarget(ind, target(10, 'at_most'), phase, s(20, 15, 10.1), 2020).verdict).toBe(
			'not_met'
		);
	});
	it('has no data when the end year is hidden, and says it was hidden', () => {
		const v = judgeTarget(ind, target(90), phase, s(95, 95, null), 2020);
		expect([v.verdict, v.hidden, v.value]).toEqual(['no_data', true, null]);
	});
	it('has no data when the end year was not published', () => {
		expect(judgeTarget(ind, target(90), phase, s(95, 95), 2021).verdict).toBe('no_data');
	});
});

describe('before the phase ends: the latest value against the target itself', () => {
	it('is on track when the latest value already reaches the target', () => {
		const v = judgeTarget(ind, target(90), phase, s(85, 91), 2019);
		expect([v.verdict, v.rule, v.value, v.year]).toEqual(['on_track', 'latest', 91, 2019]);
	});
	it('is at risk when it does not yet', () => {
		expect(judgeTarget(ind, target(90), phase, s(85, 89), 2019).verdict).toBe('at_risk');
	});
	it('skips a hidden latest year and judges the one before', () => {
		const v = judgeTarget(ind, target(90), phase, s(92, null), 2019);
		expect([v.verdict, v.year]).toEqual(['on_track', 2018]);
	});
	it('has no data when the phase has not started in the published years', () => {
		expect(judgeTarget(ind, target(90), { ...phase, startYear: 2021 }, s(99), 2018).verdict).toBe(
			'no_data'
		);
	});
});

describe('maintain, qualitative, nothing published', () => {
	it('maintain fails on any year short, even when the end year holds (1, 0, 1)', () => {
		const v = judgeTarget(ind, target(1, 'maintain'), phase, s(1, 0, 1), 2020);
		expect([v.verdict, v.failedYears, v.value, v.year]).toEqual(['not_met', [2019], 0, 2019]);
	});
	it('maintain is met when every year holds', () => {
		expect(judgeTarget(ind, target(1, 'maintain'), phase, s(1, 1, 2), 2020).verdict).toBe('met');
	});
	it('a target without a value is qualitative, never judged, even with data', () => {
		const v = judgeTarget(ind, target(undefined), phase, s(10, 20, 30), 2020);
		expect([v.verdict, v.value]).toEqual(['qualitative', null]);
	});
	it('no published data: every valued target is no data, qualitative ones stay qualitative', () => {
		const plan = {
			geography: {
				area: { code: 'A', name: { vi: 'A', en: 'A' } },
				levels: [],
				changes: [],
				reforms: []
			},
			phases: [
				{
					id: 'p1',
					label: { vi: '', en: '' },
					startYear: 2018,
					endYear: 2020,
					baselineYear: 2018
				}
			],
			indicators: [
				{
					...ind,
					kind: 'rate' as const,
					label: { vi: '', en: '' },
					shortLabel: { vi: '', en: '' },
					numerator: ['a'],
					denominator: ['b'],
					targets: [target(90), target(undefined)]
				}
			]
		};
		const verdicts = planVerdicts(plan, null, null);
		expect(verdicts.map((v) => v.verdict)).toEqual(['no_data', 'qualitative']);
		expect(countVerdicts(verdicts)).toEqual({
			met: 0,
			on_track: 0,
			at_risk: 0,
			not_met: 0,
			no_data: 1,
			qualitative: 1,
			not_judged: 0
		});
		// with data: the area's series only (another unit's 99 is not the plan's value)
		const data = {
			indicators: [
				{
					id: 'access',
					kind: 'rate',
					series: [...s(50, 60, 91), { ...s(99)[0], unit_code: 'B', year: 2020 }]
				}
			]
		};
		expect(planVerdicts(plan, data, 2020).map((v) => v.verdict)).toEqual(['met', 'qualitative']);
	});
});
