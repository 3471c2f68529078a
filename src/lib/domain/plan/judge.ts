/**
 * A target's test, applied. `at_least` / `at_most` judge the phase's end value (and, inside the
 * phase, the trajectory: progress.ts); `maintain` asks the level to hold in every year of the
 * phase, so one year below it decides the phase; a target without a value is never judged.
 */
import type { Target } from './types';

export type MaintainStatus = 'met' | 'not_met' | 'on_track' | 'no_data';

export interface YearValue {
	year: number;
	value: number | null;
}

/**
 * `maintain` over the phase's years up to `year`: not met as soon as one year falls short (it
 * cannot be undone); no data when a year is missing and none fell short; met at the phase's end
 * when every year held; on track before it.
 */
export function judgeMaintain(
	series: YearValue[],
	target: number,
	phase: { startYear: number; endYear: number },
	year: number,
	direction: 'increase' | 'decrease' = 'increase'
): { status: MaintainStatus; failedYears: number[] } {
	const last = Math.min(year, phase.endYear);
	const byYear = new Map(series.map((v) => [v.year, v.value]));
	const failedYears: number[] = [];
	let missing = false;
	for (let y = phase.startYear; y <= last; y++) {
		const v = byYear.get(y);
		if (v === null || v === undefined || !Number.isFinite(v)) missing = true;
		else if (direction === 'decrease' ? v > target : v < target) failedYears.push(y);
	}
	if (failedYears.length > 0) return { status: 'not_met', failedYears };
	if (missing) return { status: 'no_data', failedYears };
	return { status: year >= phase.endYear ? 'met' : 'on_track', failedYears };
}

/** A target with no number is qualitative: shown with its words, never judged. */
export function isQualitative(target: Pick<Target, 'value'>): boolean {
	return target.value === undefined;
}
