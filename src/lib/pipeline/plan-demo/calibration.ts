/**
 * The per-plan calibration file (data/calibration/<plan-id>.json): every number the
 * generator uses, each with where it comes from ("assumed" where no public figure exists), keyed
 * by the plan's own ids. `checkCalibration` names every id the plan lacks and every figure missing.
 */
import type { PlanSpec } from '../../domain/plan/types';
import type { DemoFormat } from './format';

/** A number and its source (a document and figure, or "assumed: why"). */
export interface Figure {
	value: number;
	source: string;
}

/** A share of the measure's `atMost` measure (or a flag's probability), changing by year. */
export interface Trend {
	/** in the plan's first year */
	start: Figure;
	/** added each year */
	yearlyChange: Figure;
	/** never above this */
	max: Figure;
	/** standard deviation of a unit's lasting offset from the trend */
	unitSpread: Figure;
}

export interface PopulationCalibration {
	/** mean size per reporting unit in the first year, by the unit's level id */
	perUnit: Record<string, Figure>;
	/** relative spread of unit sizes (log-normal, mean kept) */
	unitSpread: Figure;
	/** relative change of sizes per year */
	yearlyChange: Figure;
	/** per breakdown, per category: a share (partition, normalised) or a probability (overlapping) */
	categories?: Record<string, Record<string, Figure>>;
	/** per measure with `atMost`: the share of that measure */
	measures?: Record<string, Trend>;
}

export interface DutyCalibration {
	onTime: Figure;
	late: Figure;
	/** on-time reports come 1…earlyDays days before the due date */
	earlyDays: Figure;
	/** late reports come up to lateDays after it */
	lateDays: Figure;
	/** for duties with no due date: the usual day of the year's report (MM-DD) and its spread */
	typicalDate?: { value: string; spreadDays: number; source: string };
}

/** A range the generated data must fall in: a measure's total over the whole area in each year,
 * or its ratio to another measure's total (`per`). The oracle of the calibration spec. */
export interface Expectation {
	measure: string;
	per?: string;
	min: number;
	max: number;
	source: string;
}

export interface Calibration {
	plan: string;
	seed: number;
	asOf: string;
	notes?: string;
	populations: Record<string, PopulationCalibration>;
	flags?: Record<string, Trend & { sticky: boolean }>;
	duties?: Record<string, DutyCalibration>;
	expect: Expectation[];
}

/** Every error found, one line each; empty when the calibration fits the plan. */
export function checkCalibration(plan: PlanSpec, format: DemoFormat, c: Calibration): string[] {
	const errors: string[] = [];
	const err = (path: string, what: string) => errors.push(`calibration.${path}: ${what}`);
	if (c.plan !== plan.id) err('plan', `is "${c.plan}", the plan is "${plan.id}"`);
	if (!Number.isInteger(c.seed)) err('seed', 'must be an integer');
	if (!/^\d{4}-\d{2}-\d{2}$/.test(c.asOf ?? '')) err('asOf', 'must be YYYY-MM-DD');
	const measure = (id: string) => plan.measures.find((m) => m.id === id);
	for (const pop of plan.populations) {
		const own = plan.measures.filter((m) => m.population === pop.id && m.type === 'count');
		if (own.length === 0) continue;
		const pc = c.populations?.[pop.id];
		if (!pc) {
			err(`populations.${pop.id}`, 'missing');
			continue;
		}
		for (const m of own)
			if (m.atMost && !pc.measures?.[m.id])
				err(`populations.${pop.id}.measures.${m.id}`, `missing (share of ${m.atMost})`);
		for (const b of pop.breakdowns) {
			const bd = plan.breakdowns.find((x) => x.id === b);
			for (const cat of bd?.categories ?? [])
				if (!pc.categories?.[b]?.[cat.code])
					err(`populations.${pop.id}.categories.${b}.${cat.code}`, 'missing');
		}
	}
	for (const id of Object.keys(c.populations ?? {}))
		if (!plan.populations.some((p) => p.id === id))
			err(`populations.${id}`, 'not a population of the plan');
	for (const f of format.units?.flags ?? []) if (!c.flags?.[f.id]) err(`flags.${f.id}`, 'missing');
	for (const d of format.units?.duties ?? []) {
		const dc = c.duties?.[d.id];
		if (!dc) err(`duties.${d.id}`, 'missing');
		else if (!d.due && !dc.typicalDate)
			err(`duties.${d.id}.typicalDate`, 'needed: the duty has no due date');
	}
	for (const [i, e] of (c.expect ?? []).entries()) {
		if (!measure(e.measure))
			err(`expect[${i}].measure`, `"${e.measure}" is not a measure of the plan`);
		if (e.per && !measure(e.per))
			err(`expect[${i}].per`, `"${e.per}" is not a measure of the plan`);
		if (!(e.min <= e.max)) err(`expect[${i}]`, 'min must not exceed max');
	}
	return errors;
}
