/**
 * Reads an indicator's value out of a published `indicators` row, whatever its kind, and
 * assesses a unit's series against a phase target. The column names follow the pipeline:
 * `<id>_rate` for rates, `<id>_count` / `<id>_units` for unit counts, the flag for counts.
 */
import type { Row } from './published';
import { judgeMaintain, phaseTarget, type Indicator, type Phase, type Plan } from './plan';
import { progress, type Progress } from './progress';

export interface IndicatorValue {
	year: number;
	/** percentage for rates, a count otherwise; null when missing or suppressed */
	value: number | null;
	suppressed: boolean;
	numerator?: number | null;
	denominator?: number | null;
	/** for unit counts: out of how many units */
	of?: number | null;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export function indicatorValue(ind: Indicator, row: Row): IndicatorValue {
	const year = Number(row.year);
	if (ind.kind === 'rate')
		return {
			year,
			value: num(row[`${ind.id}_rate`]),
			suppressed: row[`${ind.id}_rate_suppressed`] === true,
			numerator: num(row[ind.numerator]),
			denominator: num(row[ind.denominator])
		};
	if (ind.kind === 'unit_count')
		return {
			year,
			value: num(row[`${ind.id}_count`]),
			suppressed: false,
			of: num(row[`${ind.id}_units`])
		};
	return { year, value: num(row[ind.flag]), suppressed: false };
}

/** The unit's values for every year present, in year order. */
export function indicatorSeries(ind: Indicator, rows: Row[], unitCode: string): IndicatorValue[] {
	return rows
		.filter((r) => r.unit_code === unitCode)
		.map((r) => indicatorValue(ind, r))
		.sort((a, b) => a.year - b.year);
}

export interface Assessment extends Progress {
	phase: Phase;
	target: number;
	/** the value judged (the given year's) */
	current: IndicatorValue | null;
	baseline: IndicatorValue | null;
}

/**
 * Judges `year`'s value (or, when absent, the latest year of the phase with data up to `year`)
 * against the phase's target with the progress rule. A target to maintain must hold in every year
 * of the phase up to `year`: one year below it decides the phase (not met). Returns null when the
 * plan sets no target.
 */
export function assess(
	ind: Indicator,
	series: IndicatorValue[],
	phase: Phase,
	year: number
): Assessment | null {
	const target = phaseTarget(ind, phase.id);
	if (!target) return null;
	const inPhase = series.filter(
		(v) => v.year >= phase.startYear && v.year <= Math.min(year, phase.endYear)
	);
	const current = inPhase.at(-1) ?? null;
	const baseline = series.find((v) => v.year === phase.baselineYear) ?? null;
	if (target.test === 'maintain') {
		const m = judgeMaintain(inPhase, target.value, phase, year, ind.direction);
		const sign = ind.direction === 'decrease' ? -1 : 1;
		// the value that decided it: the first year below the level, else the latest year
		const decisive = inPhase.find((v) => v.year === m.failedYears[0]) ?? current;
		const gap = decisive?.value == null ? null : sign * (decisive.value - target.value);
		return {
			status: m.status,
			expected: null,
			gap,
			phase,
			target: target.value,
			current: decisive,
			baseline
		};
	}
	const p = progress({
		value: current?.value ?? null,
		year: current?.year ?? Math.min(year, phase.endYear),
		baseline: baseline?.value ?? null,
		target: target.value,
		phase,
		direction: ind.direction
	});
	return { ...p, phase, target: target.value, current, baseline };
}

/** The year whose value a phase verdict is about: its end year, or the latest year with data. */
export function verdictYear(plan: Plan, phase: Phase, years: number[]): number {
	const inPhase = years.filter((y) => y >= phase.startYear && y <= phase.endYear);
	return inPhase.at(-1) ?? phase.endYear;
}
