/**
 * The coverage map's classes. A rate is classed by its distance to the selected phase's target,
 * in percentage points, so the map shows who lags most; a yes/no flag is yes or no. "No data"
 * and "suppressed" are classes of their own, never folded into a colour step.
 */
import type { Row } from './published';
import { phaseTarget, type Indicator, type Plan } from './plan';

export type CoverageClass =
	'met' | 'near' | 'below' | 'far' | 'yes' | 'no' | 'no_data' | 'suppressed';

/**
 * Bands of shortfall below the target, in percentage points. The plan's rate targets are 50–90%
 * (100% for on-time reports): 10 points is what a commune can close in a year or two, 25 points
 * is a quarter of all children still missing: those communes need help first. Under the old
 * "under the target / under half of it" split, 68 of 102 communes shared one class in 2025 and
 * the other stayed empty.
 */
export const SHORTFALL_BANDS = { near: 10, below: 25 } as const;

/** Does the plan oblige communes to report (else the commune map has no timeliness to show)? */
export function communesReport(plan: Pick<Plan, 'reporting'>): boolean {
	return plan.reporting.periods.some((p) => p.levels.includes('commune'));
}

/** What the map can be coloured by: the network flag, each rate indicator, report timeliness. */
export interface MapMeasure {
	id: string;
	kind: 'flag' | 'rate' | 'timeliness';
	indicator?: Indicator;
}

export function mapMeasures(
	plan: Pick<Plan, 'indicators'>,
	opts: { communesReport: boolean } = { communesReport: false }
): MapMeasure[] {
	const network = plan.indicators.find((i) => i.kind === 'unit_count' && i.level === 'commune');
	return [
		{ id: 'network', kind: 'flag', indicator: network },
		...plan.indicators
			.filter((i) => i.kind === 'rate')
			.map((i) => ({ id: i.id, kind: 'rate' as const, indicator: i })),
		// the map shows communes: report timeliness only where the plan obliges communes to report
		...(opts.communesReport ? [{ id: 'timeliness', kind: 'timeliness' as const }] : [])
	];
}

export interface UnitMeasure {
	value: number | null;
	suppressed: boolean;
	numerator?: number | null;
	denominator?: number | null;
	/** whether an empty count was hidden as small; an empty count not hidden was not reported */
	numeratorSuppressed?: boolean;
	denominatorSuppressed?: boolean;
	cls: CoverageClass;
}

export function classifyRate(
	value: number | null,
	suppressed: boolean,
	target: number | null
): CoverageClass {
	if (suppressed) return 'suppressed';
	if (value === null) return 'no_data';
	// every rate of the plan has a target per phase; without one there is nothing to class against
	if (target === null) return 'no_data';
	const short = target - value;
	if (short <= 0) return 'met';
	if (short <= SHORTFALL_BANDS.near) return 'near';
	return short <= SHORTFALL_BANDS.below ? 'below' : 'far';
}

/** The measure for one unit-year row of the published indicators table. */
export function measureOf(
	measure: MapMeasure,
	row: Row | undefined,
	phaseId: string,
	timeliness?: number | null
): UnitMeasure {
	if (!row) return { value: null, suppressed: false, cls: 'no_data' };
	if (measure.kind === 'flag') {
		// the unit's own count of the unit-count indicator: its flag for the year's phase
		const v = measure.indicator ? row[`${measure.indicator.id}_count`] : undefined;
		return {
			value: typeof v === 'number' ? v : null,
			suppressed: false,
			cls: v === 1 ? 'yes' : v === 0 ? 'no' : 'no_data'
		};
	}
	if (measure.kind === 'timeliness') {
		const v = timeliness ?? null;
		return { value: v, suppressed: false, cls: classifyRate(v, false, 100) };
	}
	const ind = measure.indicator!;
	if (ind.kind !== 'rate') return { value: null, suppressed: false, cls: 'no_data' };
	const value =
		typeof row[`${ind.id}_rate`] === 'number' ? (row[`${ind.id}_rate`] as number) : null;
	const suppressed = row[`${ind.id}_rate_suppressed`] === true;
	const target = phaseTarget(ind, phaseId)?.value ?? null;
	return {
		value,
		suppressed,
		numerator: (row[ind.numerator] as number | null) ?? null,
		denominator: (row[ind.denominator] as number | null) ?? null,
		numeratorSuppressed: row[`${ind.numerator}_suppressed`] === true,
		denominatorSuppressed: row[`${ind.denominator}_suppressed`] === true,
		cls: classifyRate(value, suppressed, target)
	};
}

/** Classes a measure can take, in legend order. */
export function legendClasses(measure: MapMeasure): CoverageClass[] {
	return measure.kind === 'flag'
		? ['yes', 'no', 'no_data']
		: ['met', 'near', 'below', 'far', 'no_data', 'suppressed'];
}
