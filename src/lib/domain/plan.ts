/**
 * A monitoring plan as data (data/plans/*.json): phases, indicators, targets and the reporting
 * calendar. Pure types and look-ups; nothing here knows Kon Tum.
 */
import type { Label } from './breakdowns';

export interface Phase {
	id: string;
	label: Label;
	startYear: number;
	endYear: number;
	/** the year whose value the phase's trajectory starts from */
	baselineYear: number;
	review: Label;
}

export interface Target {
	phase: string;
	value: number;
	/** for unit counts: the number of units the target is out of (8 of 10) */
	of?: number;
	/** the plan asks to keep an existing level rather than reach a new one */
	maintain?: boolean;
	note?: Label;
	source: string;
}

interface IndicatorBase {
	id: string;
	label: Label;
	shortLabel: Label;
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
	flag: string;
}

/** A plain count held by one unit (the provincial model: 1). */
export interface CountIndicator extends IndicatorBase {
	kind: 'count';
	level: 'province';
	flag: string;
}

export type Indicator = RateIndicator | UnitCountIndicator | CountIndicator;

export interface ReportingPeriod {
	id: string;
	label: Label;
	/** MM-DD inside the report's year */
	due: string;
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
	measures: Measure[];
	publication: Publication;
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

/** The latest phase that has started by `year` (defaults to the plan's last phase). */
export function currentPhase(plan: Plan, year: number): Phase {
	const started = plan.phases.filter((p) => p.startYear <= year);
	return started.at(-1) ?? plan.phases[0];
}
