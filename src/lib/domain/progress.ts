/**
 * The progress status of an indicator against a phase target.
 *
 * At the phase's end year (2020, 2025) a target is either met or not met. Inside a phase the value
 * is compared with a straight trajectory from the phase's baseline value to the target at the
 * phase end, and the share of the expected progress actually made decides the status, in the
 * manner of the SDG progress assessments Open SDG implements:
 *   - on track: at or above the trajectory (or already at the target);
 *   - at risk: at least half of the expected progress made since the baseline;
 *   - off track: less than half (including no progress or going backwards);
 *   - no data: no value for the year, or no baseline to draw the trajectory from.
 */
import type { Phase } from './plan';

export type ProgressStatus = 'met' | 'not_met' | 'on_track' | 'at_risk' | 'off_track' | 'no_data';

export const progressStatuses: ProgressStatus[] = [
	'met',
	'not_met',
	'on_track',
	'at_risk',
	'off_track',
	'no_data'
];

/** Share of the expected progress below which a value is off track rather than at risk. */
export const AT_RISK_MIN_PROGRESS = 0.5;

export interface ProgressInput {
	/** the indicator's value in `year` (null: missing or suppressed) */
	value: number | null;
	year: number;
	/** the value in the phase's baseline year */
	baseline: number | null;
	target: number;
	phase: Pick<Phase, 'baselineYear' | 'endYear'>;
	direction?: 'increase' | 'decrease';
}

export interface Progress {
	status: ProgressStatus;
	/** where the trajectory says the value should be in `year` (null at the phase end or without baseline) */
	expected: number | null;
	/** value minus target, signed so that positive is better */
	gap: number | null;
}

export function trajectoryValue(
	baseline: number,
	target: number,
	phase: Pick<Phase, 'baselineYear' | 'endYear'>,
	year: number
): number {
	const span = phase.endYear - phase.baselineYear;
	if (span <= 0 || year >= phase.endYear) return target;
	if (year <= phase.baselineYear) return baseline;
	return baseline + ((target - baseline) * (year - phase.baselineYear)) / span;
}

export function progress(input: ProgressInput): Progress {
	const sign = input.direction === 'decrease' ? -1 : 1;
	const { value, baseline, year, phase } = input;
	if (value === null || !Number.isFinite(value))
		return { status: 'no_data', expected: null, gap: null };
	// Compare in the "higher is better" direction so one rule serves both.
	const v = sign * value;
	const t = sign * input.target;
	const gap = v - t;
	if (year >= phase.endYear) return { status: v >= t ? 'met' : 'not_met', expected: null, gap };
	if (v >= t) return { status: 'on_track', expected: null, gap };
	if (baseline === null || !Number.isFinite(baseline))
		return { status: 'no_data', expected: null, gap };
	const b = sign * baseline;
	const expected = trajectoryValue(b, t, phase, year);
	const result = (status: ProgressStatus): Progress => ({ status, expected: sign * expected, gap });
	if (v >= expected) return result('on_track');
	const expectedGain = expected - b;
	// Expected no gain (baseline already at or above where it should be) yet below it: slipping.
	if (expectedGain <= 0) return result('off_track');
	return result((v - b) / expectedGain >= AT_RISK_MIN_PROGRESS ? 'at_risk' : 'off_track');
}
