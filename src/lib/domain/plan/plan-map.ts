/**
 * What a plan's static map shows: its finest level with published boundaries, coloured by one
 * indicator (the plan's first rate with a numeric target) in the last published year, each unit
 * classed against that year's phase target with the site's shortfall bands (coverage.ts).
 */
import { classifyRate, type CoverageClass } from '../coverage';
import { unitsOfLevel, type UnitRow } from './plan-units';
import type { PlanSpec, RateIndicator, Target } from './types';
import { unitSeries, type PublishedIndicators } from './verdicts';

export interface MapUnitRow {
	code: string;
	name: string;
	value: number | null;
	hidden: boolean;
	cls: CoverageClass;
}

export interface PlanMapModel {
	level: string;
	indicator: RateIndicator;
	target: Target | null;
	year: number;
	units: MapUnitRow[];
}

/** A shape per class, drawn on the map and in the legend: the class reads without colour. */
export const classSymbol: Record<CoverageClass, string> = {
	met: '✓',
	near: '≈',
	below: '!',
	far: '✗',
	yes: '✓',
	no: '✗',
	no_data: '–',
	suppressed: '∅'
};

export function planMapModel(
	spec: PlanSpec,
	units: UnitRow[],
	data: PublishedIndicators | null,
	mapLevels: string[],
	year: number | null
): PlanMapModel | null {
	const level = [...spec.geography.levels].reverse().find((l) => mapLevels.includes(l.id));
	const indicator = spec.indicators.find(
		(i): i is RateIndicator => i.kind === 'rate' && i.targets.some((t) => t.value !== undefined)
	);
	if (!level || !indicator || year === null) return null;
	const phase =
		spec.phases.find((p) => year >= p.startYear && year <= p.endYear) ?? spec.phases.at(-1);
	const target =
		indicator.targets.find((t) => t.phase === phase?.id && t.value !== undefined) ?? null;
	return {
		level: level.id,
		indicator,
		target,
		year,
		units: unitsOfLevel(units, level.id).map((u) => {
			const p = unitSeries(data, indicator.id, u.code).find((s) => s.year === year);
			const value = p?.value ?? null;
			const hidden = p?.hidden ?? false;
			return {
				code: u.code,
				name: u.name,
				value,
				hidden,
				cls: classifyRate(value, hidden, target?.value ?? null)
			};
		})
	};
}
