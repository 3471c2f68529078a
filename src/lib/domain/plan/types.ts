/**
 * The general plan model: what a plan file (data/plans/*.json) may declare, for any plan of the
 * family (a province, a city, a ward; any number of levels; its own populations and measures).
 * `load.ts` checks a parsed file against it; nothing here knows one plan.
 */
import type { Label } from '../breakdowns';

export type Iso = string; // YYYY-MM-DD

/** One level of the plan's units, top first. The top level holds exactly one unit: the plan's area. */
export interface PlanLevel {
	id: string;
	label: Label;
	/** 'gso': official codes; 'local': codes the plan's issuer assigns (tổ dân phố have none) */
	codes: 'gso' | 'local';
	/** GeoJSON of this level's units; absent → no map at this level */
	boundaries?: string;
}

/** A unit's state before and after a change inside the plan period (renamed, retyped, moved). */
export interface UnitState {
	name?: string;
	type?: string;
	parent?: string;
}
export interface UnitChange {
	code: string;
	/** the last day of the old state */
	until: Iso;
	before: UnitState;
	after: UnitState;
	note?: string;
}

export interface Reform {
	/** the first day of the new units */
	from: Iso;
	label: Label;
	/** CSV, one row per old unit: new_code,new_name,new_type,old_code,old_name,whole_or_part,source,… */
	crosswalk: string;
	/** the acts it rests on, as cited */
	source: string;
	licence: string;
	/**
	 * The units in force from `from`, in the unit list's columns plus predecessor_codes: the rows of
	 * the lowest level only (the levels above end with the reform and stay as the former areas that
	 * hold the new units). Without it the reform is only published, not applied.
	 */
	units?: string;
	/** GeoJSON of the new units (feature property `code`) */
	boundaries?: string;
	/** the plan's area as it is named from `from` ("former Kon Tum area of Quảng Ngãi province") */
	area?: Label;
	/** who sends the reports due from `from` when the levels that did are gone */
	reporters?: { levels: string[]; agencies: Label[] };
}

export interface Geography {
	area: { code: string; name: Label };
	levels: PlanLevel[];
	/** code,name,type,level,parent list; a ward may supply its own for local units */
	unitsFile?: string;
	attribution?: string;
	changes: UnitChange[];
	/**
	 * Reorganisations of the units from a date (Kon Tum's 102 communes became 40 on 2025-07-01): the
	 * official crosswalk from the old units to their successors, published with its source.
	 */
	reforms: Reform[];
}

export interface Phase {
	id: string;
	label: Label;
	startYear: number;
	endYear: number;
	/** the year whose value the phase's trajectory starts from */
	baselineYear: number;
	review?: Label;
	/** the year of the review the plan names, when it names one */
	reviewYear?: number;
}

/** Who is counted: children with disabilities, all children to age 8, caregivers, staff, units. */
export interface Population {
	id: string;
	label: Label;
	counts: 'children' | 'people' | 'units';
	/** breakdown ids this population's counts are cut by */
	breakdowns: string[];
}

export interface PlanBreakdown {
	id: string;
	label: Label;
	categories: { code: string; label: Label }[];
	/** one person may sit in several categories (not a partition): no additive identity holds */
	overlapping: boolean;
}

export interface Measure {
	id: string;
	population: string;
	type: 'count' | 'flag';
	/** levels whose units report it themselves (upper levels also sum the levels below) */
	levels: string[];
	label?: Label;
	/** the measure it may not exceed (a public rule: trained ≤ all) */
	atMost?: string;
}

export type TargetTest = 'at_least' | 'at_most' | 'maintain';

export interface Target {
	phase: string;
	/** absent: a qualitative target, shown with its words, never judged */
	value?: number;
	/** for unit counts: the number of units the target is out of (8 of 10) */
	of?: number;
	/** at_least / at_most: the value at the phase's end; maintain: held in every year of the phase */
	test: TargetTest;
	/** the plan's own Vietnamese words for this target, verbatim */
	quote: string;
	source: string;
	/** for unit counts and milestones: the flag this phase counts, when the plan's words change by phase */
	flag?: string;
	note?: Label;
}

interface IndicatorBase {
	id: string;
	label: Label;
	shortLabel: Label;
	/** the legalBasis id of the scheme this indicator serves, where a plan serves several */
	scheme?: string;
	direction: 'increase' | 'decrease';
	targets: Target[];
}

/** numerator ÷ denominator, each the sum of one or more measures */
export interface RateIndicator extends IndicatorBase {
	kind: 'rate';
	numerator: string[];
	denominator: string[];
}
/** units of `level` whose flag is 1 (51 of 102 communes) */
export interface UnitCountIndicator extends IndicatorBase {
	kind: 'unit_count';
	level: string;
	flag: string;
}
/** an absolute number at one level: a sum of measures (children operated on; 01 model) */
export interface CountIndicator extends IndicatorBase {
	kind: 'count';
	level: string;
	measure: string[];
}
/** done or not done (a communication campaign; a database built) */
export interface MilestoneIndicator extends IndicatorBase {
	kind: 'milestone';
	level: string;
	flag: string;
}
export type Indicator = RateIndicator | UnitCountIndicator | CountIndicator | MilestoneIndicator;

export interface Reporters {
	levels: string[];
	agencies: Label[];
}

export interface Duty {
	id: string;
	label: Label;
	frequency: 'once' | 'semiannual' | 'annual' | 'ad_hoc';
	/** 'MM-DD' for recurring duties, 'YYYY-MM-DD' for a one-off; absent when the plan gives none */
	due?: string;
	/** "trước ngày X": on time only strictly before X (default true) */
	strict: boolean;
	/** the first due date the plan can require (defaults to the plan's own date) */
	from?: Iso;
	reporters: Reporters;
	/** the plan's words for this duty, verbatim */
	quote: string;
	/** the intake column holding the submission date */
	column?: string;
}

export interface Publication {
	rule: { min: number; max: number; minDenominator: number };
	/** per level id: how many breakdowns a cell may combine */
	breakdownDepth: Record<string, number>;
}

export interface LegalBasis {
	id: string;
	number?: string;
	date?: Iso;
	issuer: Label;
	role: Label;
}

export interface PlanSpec {
	id: string;
	title: Label;
	shortTitle: Label;
	issuer: Label;
	document: { number?: string; date?: Iso; signedBy?: string; source?: string };
	legalBasis: LegalBasis[];
	geography: Geography;
	years: { first: number; last: number };
	phases: Phase[];
	populations: Population[];
	breakdowns: PlanBreakdown[];
	measures: Measure[];
	indicators: Indicator[];
	reporting: {
		submittedTo: Label;
		/** who receives the reports from a later date (agencies merged, provinces merged) */
		submittedToLater: { from: Iso; label: Label; note?: string }[];
		duties: Duty[];
		source: string;
	};
	publication: Publication;
}
