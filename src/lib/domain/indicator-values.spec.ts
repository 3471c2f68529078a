import { describe, expect, it } from 'vitest';
import plan from '../../../data/plans/kontum-3430.json';
import { assess, indicatorSeries, indicatorValue } from './indicator-values';
import { planFromJson } from './plan';

const p = planFromJson(plan);
const access = p.indicators.find((i) => i.id === 'access')!;
const communes = p.indicators.find((i) => i.id === 'network_communes')!;
const model = p.indicators.find((i) => i.id === 'model_center')!;
const [phase1, phase2] = p.phases;

const row = (year: number, access_rate: number | null, count: number | null, extra = {}) => ({
	year,
	unit_code: '62',
	access_rate,
	access_rate_suppressed: access_rate === null,
	accessed: access_rate === null ? null : access_rate * 10,
	children: 1000,
	network_communes_count: count,
	network_communes_units: 102,
	centre_model_running: 1,
	...extra
});

const rows = [
	row(2018, 55, 40),
	row(2019, 62, 41),
	row(2020, 73.5, 42),
	row(2021, 75, 44),
	row(2022, 78, 46),
	row(2023, 81, 48),
	row(2024, 84.9, 49),
	row(2025, 85.4, 51)
];

describe('indicatorValue', () => {
	it('reads rates with their numerator and denominator', () => {
		expect(indicatorValue(access, rows[0])).toEqual({
			year: 2018,
			value: 55,
			suppressed: false,
			numerator: 550,
			denominator: 1000
		});
	});
	it('reads unit counts with what they are out of, and plain counts from their flag', () => {
		expect(indicatorValue(communes, rows[7])).toMatchObject({ value: 51, of: 102 });
		expect(indicatorValue(model, rows[7]).value).toBe(1);
	});
	it('marks suppressed rates', () => {
		expect(indicatorValue(access, row(2020, null, 1))).toMatchObject({
			value: null,
			suppressed: true
		});
	});
});

describe('assess', () => {
	const series = indicatorSeries(access, rows, '62');
	it('gives each phase its verdict at its end year', () => {
		expect(assess(access, series, phase1, 2025)).toMatchObject({
			status: 'met',
			target: 70,
			gap: 3.5
		});
		const a2 = assess(access, series, phase2, 2025)!;
		expect(a2.status).toBe('not_met');
		expect(a2.gap).toBeCloseTo(-4.6);
	});
	it('judges a year inside a phase against the trajectory from the phase baseline', () => {
		// phase 2: baseline 73.5 (2020) → 90 (2025); 2023 expects 83.4; 81 is at risk.
		const a = assess(access, series, phase2, 2023)!;
		expect(a.baseline?.year).toBe(2020);
		expect(a.expected).toBeCloseTo(83.4);
		expect(a.status).toBe('at_risk');
	});
	it('judges unit counts against 51 of 102', () => {
		expect(assess(communes, indicatorSeries(communes, rows, '62'), phase2, 2025)?.status).toBe(
			'met'
		);
	});
	it('has no data when the value is suppressed', () => {
		const s = indicatorSeries(access, [...rows.slice(0, 7), row(2025, null, 51)], '62');
		expect(assess(access, s, phase2, 2025)?.status).toBe('no_data');
	});
});
