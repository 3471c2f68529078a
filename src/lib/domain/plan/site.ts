/**
 * The plan as the present site reads it: a thin adapter over the general model (types.ts) for
 * the code written for three levels (province → district → commune), one measure per rate side
 * and dated semi-annual / annual reports. `toSitePlan` says plainly which plans the site cannot
 * serve yet, rather than serving them wrong. The full model stays at `plan.spec`.
 */
import type { Label } from '../breakdowns';
import type * as T from './types';

export type Phase = T.Phase & { review: Label };

/** A judged target: it has a value (qualitative targets are not served by the site yet). */
export interface Target extends Omit<T.Target, 'value'> {
	value: number;
	/** the plan asks to keep a level in every year of the phase (test = maintain) */
	maintain?: boolean;
	/** for unit counts: what the counted flag says, in the plan's words ("có mạng lưới liên kết…") */
	flagLabel?: Label;
}

interface IndicatorBase {
	id: string;
	label: Label;
	shortLabel: Label;
	scheme?: string;
	direction: 'increase' | 'decrease';
	targets: Target[];
}

/** A percentage: numerator ÷ denominator, both count columns of the published tables. */
export interface RateIndicator extends IndicatorBase {
	kind: 'rate';
	numerator: string;
	denominator: string;
}

/** How many units of one level have a flag set (communes with a network: 51 of 102). */
export interface UnitCountIndicator extends IndicatorBase {
	kind: 'unit_count';
	level: 'district' | 'commune';
	/** the flag counted where a target names none */
	flag: string;
}

/** A plain count held by one unit (the provincial model: 1). */
export interface CountIndicator extends IndicatorBase {
	kind: 'count';
	level: 'province';
	flag: string;
}

export type Indicator = RateIndicator | UnitCountIndicator | CountIndicator;

/** A dated, recurring report the plan's reporters owe. */
export interface ReportingPeriod {
	id: string;
	label: Label;
	/** MM-DD inside the report's year */
	due: string;
	/** "trước ngày": on time only strictly before `due` */
	strict: boolean;
	/** the first due date the plan can require (YYYY-MM-DD) */
	from: string;
	/** the levels whose units owe it; agencies are named in `agencies` */
	levels: ('district' | 'commune')[];
	agencies: Label[];
	/** the units-file column holding the submission date */
	column: string;
}

/**
 * What the plan publishes and how it is protected (SECURITY.md states the model). Counts of
 * `rule.min`–`rule.max` people are never published; a rate needs a denominator of at least
 * `minDenominator`; a cell combines at most `breakdownDepth[level]` breakdowns.
 */
export interface Publication {
	rule: { min: number; max: number; minDenominator: number };
	breakdownDepth: { province: number; district: number; commune: number };
}

/**
 * A count the plan collects. Every measure counts people (children, caregivers, staff), so every
 * one is protected by `publication.rule`; `atMost` names the measure it is part of (a public rule:
 * children who accessed a service ≤ children).
 */
export interface Measure {
	id: string;
	counts: 'children' | 'people';
	atMost?: string;
	/** levels whose units report it themselves */
	levels: string[];
}

export interface Plan {
	id: string;
	title: Label;
	shortTitle: Label;
	issuer: Label;
	legalBasis: { number: string; date: string; issuer: Label; role: Label }[];
	geography: {
		province: { code: string; name: Label };
		unitsFile: string;
		communeBoundaries: string;
		districtBoundaries: string;
		attribution: string;
		renames: { code: string; until: string; oldName: string; newName: string; note: string }[];
	};
	years: { first: number; last: number };
	phases: Phase[];
	indicators: Indicator[];
	reporting: { submittedTo: Label; periods: ReportingPeriod[]; source: string };
	/** counts only; yes/no flags are in `flags` */
	measures: Measure[];
	/** yes/no flags the units report, with the levels that report them */
	flags: { id: string; label?: Label; levels: string[] }[];
	publication: Publication;
	/** the whole plan, as the general model reads it */
	spec: T.PlanSpec;
}

export class UnservedPlanError extends Error {}

const SITE_LEVELS = ['province', 'district', 'commune'];

/** The site's view of a checked plan; throws UnservedPlanError naming what the site cannot show yet. */
export function toSitePlan(spec: T.PlanSpec): Plan {
	const no = (what: string): never => {
		throw new UnservedPlanError(`Plan ${spec.id}: ${what} is not served by the site yet.`);
	};
	const g = spec.geography;
	if (g.levels.map((l) => l.id).join() !== SITE_LEVELS.join())
		no(
			`levels ${g.levels.map((l) => l.id).join(' → ')} (the site shows province → district → commune)`
		);
	const boundaries = (i: number) =>
		g.levels[i].boundaries ?? no(`a ${g.levels[i].id} level without boundaries`);
	const measureById = new Map(spec.measures.map((m) => [m.id, m]));
	const countsOf = (id: string) => {
		const pop = spec.populations.find((p) => p.id === measureById.get(id)?.population);
		return pop?.counts === 'children' ? 'children' : 'people';
	};
	const one = (sum: string[], where: string) =>
		sum.length === 1 ? sum[0] : no(`${where} as a sum of measures`);
	const targets = (ind: T.Indicator): Target[] =>
		ind.targets.map((t) =>
			t.value === undefined
				? no(`the qualitative target of ${ind.id}`)
				: {
						...t,
						value: t.value,
						maintain: t.test === 'maintain' || undefined,
						flagLabel:
							ind.kind === 'unit_count' ? measureById.get(t.flag ?? ind.flag)?.label : undefined
					}
		);
	const indicators = spec.indicators.map((ind): Indicator => {
		const base = {
			id: ind.id,
			label: ind.label,
			shortLabel: ind.shortLabel,
			scheme: ind.scheme,
			direction: ind.direction,
			targets: targets(ind)
		};
		if (ind.kind === 'rate')
			return {
				...base,
				kind: 'rate',
				numerator: one(ind.numerator, `${ind.id}'s numerator`),
				denominator: one(ind.denominator, `${ind.id}'s denominator`)
			};
		if (ind.kind === 'unit_count' && (ind.level === 'district' || ind.level === 'commune'))
			return { ...base, kind: 'unit_count', level: ind.level, flag: ind.flag };
		if (ind.kind === 'count' && ind.level === 'province')
			return {
				...base,
				kind: 'count',
				level: 'province',
				flag: one(ind.measure, `${ind.id}'s measure`)
			};
		return no(`indicator ${ind.id} (${ind.kind} at ${ind.level})`);
	});
	const periods = spec.reporting.duties.map((d): ReportingPeriod => {
		if ((d.frequency !== 'semiannual' && d.frequency !== 'annual') || !d.due || !d.column)
			return no(`duty ${d.id} (${d.frequency}${d.due ? '' : ', undated'})`);
		return {
			id: d.id,
			label: d.label,
			due: d.due,
			strict: d.strict,
			from: d.from ?? spec.document.date ?? `${spec.years.first}-01-01`,
			levels: d.reporters.levels.filter(
				(l): l is 'district' | 'commune' => l === 'district' || l === 'commune'
			),
			agencies: d.reporters.agencies,
			column: d.column
		};
	});
	const depth = spec.publication.breakdownDepth;
	return {
		id: spec.id,
		title: spec.title,
		shortTitle: spec.shortTitle,
		issuer: spec.issuer,
		legalBasis: spec.legalBasis.map((b) => ({
			number: b.number ?? '',
			date: b.date ?? '',
			issuer: b.issuer,
			role: b.role
		})),
		geography: {
			province: g.area,
			unitsFile: g.unitsFile ?? no('a plan without a units file'),
			districtBoundaries: boundaries(1),
			communeBoundaries: boundaries(2),
			attribution: g.attribution ?? '',
			renames: g.changes
				.filter((c) => c.before.name && c.after.name)
				.map((c) => ({
					code: c.code,
					until: c.until,
					oldName: c.before.name!,
					newName: c.after.name!,
					note: c.note ?? ''
				}))
		},
		years: spec.years,
		phases: spec.phases.map((p) => ({ ...p, review: p.review ?? p.label })),
		indicators,
		reporting: { submittedTo: spec.reporting.submittedTo, periods, source: spec.reporting.source },
		measures: spec.measures
			.filter((m) => m.type === 'count')
			.map((m) => ({
				id: m.id,
				counts: countsOf(m.id),
				levels: m.levels,
				...(m.atMost ? { atMost: m.atMost } : {})
			})),
		flags: spec.measures
			.filter((m) => m.type === 'flag')
			.map((m) => ({ id: m.id, label: m.label, levels: m.levels })),
		publication: {
			rule: spec.publication.rule,
			breakdownDepth: {
				province: depth.province ?? 0,
				district: depth.district ?? 0,
				commune: depth.commune ?? 0
			}
		},
		spec
	};
}

export function planYears(plan: Plan): number[] {
	const years: number[] = [];
	for (let y = plan.years.first; y <= plan.years.last; y++) years.push(y);
	return years;
}

export function phaseById(plan: Plan, id: string): Phase | undefined {
	return plan.phases.find((p) => p.id === id);
}

/** The phase a year belongs to (its start to its end year, inclusive). */
export function phaseOfYear(plan: Plan, year: number): Phase | undefined {
	return plan.phases.find((p) => year >= p.startYear && year <= p.endYear);
}

export function phaseTarget(indicator: Indicator, phaseId: string): Target | undefined {
	return indicator.targets.find((t) => t.phase === phaseId);
}

export function indicatorById(plan: Plan, id: string): Indicator | undefined {
	return plan.indicators.find((i) => i.id === id);
}

export function rateIndicators(plan: Plan): RateIndicator[] {
	return plan.indicators.filter((i): i is RateIndicator => i.kind === 'rate');
}

/** The due date of a reporting period for a year, as YYYY-MM-DD. */
export function dueDate(period: ReportingPeriod, year: number): string {
	return `${year}-${period.due}`;
}

/** Is the period owed in `year`? Not before the plan can require it (its first date). */
export function periodOwed(period: ReportingPeriod, year: number): boolean {
	return dueDate(period, year) >= period.from;
}

/** The latest phase that has started by `year` (defaults to the plan's last phase). */
export function currentPhase(plan: Plan, year: number): Phase {
	const started = plan.phases.filter((p) => p.startYear <= year);
	return started.at(-1) ?? plan.phases[0];
}

/** The flag a unit-count indicator counts in `year`: its phase's target may name its own. */
export function flagInYear(
	plan: Plan,
	ind: UnitCountIndicator | CountIndicator,
	year: number
): string {
	const phase = phaseOfYear(plan, year);
	return (phase && phaseTarget(ind, phase.id)?.flag) || ind.flag;
}
