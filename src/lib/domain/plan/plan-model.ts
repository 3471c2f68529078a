/**
 * What the plan pages show, built at prerender time from a plan file and its published folder
 * (contract §3). Pure: the server reads the files, this shapes them. Nothing here names a plan,
 * a level or a measure: levels, indicators and duties come from the plan.
 */
import type { Label } from '../breakdowns';
import type { Row } from '../published';
import { countByLevel, unitsIn, unitsOfLevel, type UnitRow } from './plan-units';
import { reformNotes, type ReformNote } from './reforms';
import type { PlanSpec } from './types';
import {
	countVerdicts,
	planVerdicts,
	unitSeries,
	type PhaseVerdict,
	type PublishedIndicators,
	type SeriesPoint
} from './verdicts';

/** The status counts a catalogue entry shows (the home plan may add its own `off_track`). */
export type StatusCounts = Record<string, number>;

export interface PlanSummary {
	id: string;
	title: Label;
	shortTitle: Label;
	issuer: Label;
	document: PlanSpec['document'];
	legalBasis: PlanSpec['legalBasis'];
	area: { code: string; name: Label };
	years: { first: number; last: number };
	levels: { id: string; label: Label; count: number; hasMap: boolean }[];
	published: boolean;
	asOf: string | null;
	illustrative: boolean;
	source: Label | null;
	/** the last year with published data */
	lastYear: number | null;
	counts: StatusCounts;
	targets: number;
	/** the plan's reorganisations, oldest first, with their published crosswalks */
	reforms: ReformNote[];
}

export interface PublishedParts {
	asOf: string;
	illustrative: boolean;
	source: Label;
	years?: number[];
	indicators: PublishedIndicators;
	/** level ids with published boundaries */
	mapLevels: string[];
	/** the paths of the manifest's files (not the tables') */
	files?: string[];
}

/** The years published: the manifest's list, else every year of the series. */
export function publishedYears(p: PublishedParts | null): number[] {
	if (!p) return [];
	if (p.years && p.years.length > 0) return [...p.years].sort((a, b) => a - b);
	const ys = new Set(p.indicators.indicators.flatMap((i) => i.series.map((s) => s.year)));
	return [...ys].sort((a, b) => a - b);
}

export function planSummary(
	spec: PlanSpec,
	units: UnitRow[],
	published: PublishedParts | null
): PlanSummary {
	const lastYear = publishedYears(published).at(-1) ?? null;
	const verdicts = planVerdicts(spec, published?.indicators ?? null, lastYear);
	const counts = countByLevel(spec, units);
	return {
		id: spec.id,
		title: spec.title,
		shortTitle: spec.shortTitle,
		issuer: spec.issuer,
		document: spec.document,
		legalBasis: spec.legalBasis,
		area: spec.geography.area,
		years: spec.years,
		levels: spec.geography.levels.map((l, i) => ({
			id: l.id,
			label: l.label,
			count: counts[i].count,
			hasMap: published?.mapLevels.includes(l.id) ?? false
		})),
		published: published !== null,
		asOf: published?.asOf ?? null,
		illustrative: published?.illustrative ?? false,
		source: published?.source ?? null,
		lastYear,
		counts: countVerdicts(verdicts),
		targets: verdicts.length,
		reforms: reformNotes(spec, published?.files ?? null)
	};
}

export interface UnitValues {
	code: string;
	name: string;
	type: string;
	parent: string;
	parentName: string;
	/** indicator id → the value in the year shown (null: no row for it) */
	values: Record<string, SeriesPoint | null>;
}

export interface LevelTable {
	level: string;
	label: Label;
	units: UnitValues[];
}

/** Every level of the plan with its units and each indicator's value in `year`. */
export function levelTables(
	spec: PlanSpec,
	units: UnitRow[],
	data: PublishedIndicators | null,
	year: number | null
): LevelTable[] {
	const names = new Map(unitsIn(units, null).map((u) => [u.code, u.name]));
	return spec.geography.levels.map((l) => ({
		level: l.id,
		label: l.label,
		units: unitsOfLevel(units, l.id).map((u) => ({
			code: u.code,
			name: u.name,
			type: u.type,
			parent: u.parent,
			parentName: names.get(u.parent) ?? u.parent,
			values: Object.fromEntries(
				spec.indicators.map((ind) => [
					ind.id,
					unitSeries(data, ind.id, u.code).find((p) => p.year === year) ?? null
				])
			)
		}))
	}));
}

export type DutyStatus = 'on_time' | 'late' | 'missing' | 'not_due' | 'undated';
export const dutyStatuses: DutyStatus[] = ['on_time', 'late', 'missing', 'not_due', 'undated'];

export interface DutyState {
	id: string;
	/** per year: how many reports in each status */
	years: { year: number; counts: Record<DutyStatus, number> }[];
}

/** The published reporting rows (contract §3, reporting.json) counted per duty and year. */
export function dutyStates(spec: PlanSpec, reporting: Row[]): DutyState[] {
	return spec.reporting.duties.map((d) => {
		const rows = reporting.filter((r) => String(r.duty) === d.id);
		const years = [...new Set(rows.map((r) => Number(r.year)))].sort((a, b) => a - b);
		return {
			id: d.id,
			years: years.map((year) => {
				const counts = Object.fromEntries(dutyStatuses.map((s) => [s, 0])) as Record<
					DutyStatus,
					number
				>;
				for (const r of rows)
					if (Number(r.year) === year && dutyStatuses.includes(r.status as DutyStatus))
						counts[r.status as DutyStatus]++;
				return { year, counts };
			})
		};
	});
}

export interface PlanOverview {
	summary: PlanSummary;
	verdicts: PhaseVerdict[];
	years: number[];
	/** indicator id → the area's series */
	area: Record<string, SeriesPoint[]>;
	levels: LevelTable[];
	duties: DutyState[];
}

export function planOverview(
	spec: PlanSpec,
	units: UnitRow[],
	published: PublishedParts | null,
	reporting: Row[]
): PlanOverview {
	const summary = planSummary(spec, units, published);
	const data = published?.indicators ?? null;
	return {
		summary,
		verdicts: planVerdicts(spec, data, summary.lastYear),
		years: publishedYears(published),
		area: Object.fromEntries(
			spec.indicators.map((i) => [i.id, unitSeries(data, i.id, spec.geography.area.code)])
		),
		levels: levelTables(spec, units, data, summary.lastYear),
		duties: dutyStates(spec, reporting)
	};
}

/** "2018–2025", or "2024" for a one-year plan. */
export function periodText(years: { first: number; last: number }): string {
	return years.first === years.last ? String(years.first) : `${years.first}–${years.last}`;
}
