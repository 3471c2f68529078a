import { describe, expect, it } from 'vitest';
import { progress, trajectoryValue } from './progress';

const phase1 = { baselineYear: 2018, endYear: 2020 };
const phase2 = { baselineYear: 2020, endYear: 2025 };

describe('trajectoryValue', () => {
	it('runs straight from the baseline to the target', () => {
		expect(trajectoryValue(60, 90, phase2, 2020)).toBe(60);
		expect(trajectoryValue(60, 90, phase2, 2021)).toBeCloseTo(66);
		expect(trajectoryValue(60, 90, phase2, 2023)).toBeCloseTo(78);
		expect(trajectoryValue(60, 90, phase2, 2025)).toBe(90);
	});
});

describe('progress at the end of a phase', () => {
	it('is met at or above the target', () => {
		expect(progress({ value: 70, baseline: 50, target: 70, year: 2020, phase: phase1 })).toEqual({
			status: 'met',
			expected: null,
			gap: 0
		});
		expect(
			progress({ value: 71.5, baseline: 50, target: 70, year: 2020, phase: phase1 }).status
		).toBe('met');
	});
	it('is not met below the target, with a negative gap', () => {
		const p = progress({ value: 86, baseline: 72, target: 90, year: 2025, phase: phase2 });
		expect(p.status).toBe('not_met');
		expect(p.gap).toBe(-4);
	});
	it('judges unit counts the same way (51 of 102)', () => {
		expect(
			progress({ value: 51, baseline: 42, target: 51, year: 2025, phase: phase2 }).status
		).toBe('met');
		expect(
			progress({ value: 50, baseline: 42, target: 51, year: 2025, phase: phase2 }).status
		).toBe('not_met');
	});
});

describe('progress inside a phase', () => {
	// baseline 60 in 2020, target 90 in 2025: the trajectory expects 78 in 2023.
	const at2023 = (value: number | null, baseline: number | null = 60) =>
		progress({ value, baseline, target: 90, year: 2023, phase: phase2 });

	it('is on track on or above the trajectory', () => {
		expect(at2023(78).status).toBe('on_track');
		expect(at2023(80).status).toBe('on_track');
		expect(at2023(78).expected).toBeCloseTo(78);
	});
	it('is on track once the target is reached, whatever the baseline', () => {
		expect(at2023(90, null).status).toBe('on_track');
	});
	it('is at risk with at least half of the expected progress', () => {
		expect(at2023(69).status).toBe('at_risk'); // 9 of 18 points: exactly half
		expect(at2023(77.9).status).toBe('at_risk');
	});
	it('is off track with less than half, no progress or a fall', () => {
		expect(at2023(68.9).status).toBe('off_track');
		expect(at2023(60).status).toBe('off_track');
		expect(at2023(55).status).toBe('off_track');
	});
	it('is on track in the baseline year itself (nothing expected yet)', () => {
		expect(
			progress({ value: 55, baseline: 55, target: 70, year: 2018, phase: phase1 }).status
		).toBe('on_track');
	});
	it('is off track when a level to maintain slips below the baseline', () => {
		// baseline already above the target, value falls below the target
		expect(
			progress({ value: 41, baseline: 44, target: 42, year: 2019, phase: phase1 }).status
		).toBe('off_track');
	});
	it('has no data without a value, or without a baseline when below the target', () => {
		expect(at2023(null).status).toBe('no_data');
		expect(at2023(70, null).status).toBe('no_data');
		expect(
			progress({ value: null, baseline: 1, target: 1, year: 2025, phase: phase2 }).status
		).toBe('no_data');
	});
	it('mirrors the rule for indicators that should fall', () => {
		const fall = (value: number) =>
			progress({
				value,
				baseline: 40,
				target: 10,
				year: 2023,
				phase: phase2,
				direction: 'decrease'
			});
		expect(fall(22).status).toBe('on_track'); // trajectory: 22
		expect(fall(30).status).toBe('at_risk');
		expect(fall(35).status).toBe('off_track');
		expect(
			progress({
				value: 9,
				baseline: 40,
				target: 10,
				year: 2025,
				phase: phase2,
				direction: 'decrease'
			}).status
		).toBe('met');
	});
});
