/**
 * The breakdowns a commune report is cut by and the counts each cell carries: the home plan's
 * (data/site.json), read from its shape, which `npm run generate:shape` derives from the plan
 * file at build time (src/lib/pipeline/home-plan-shape.ts). Nothing here names Kon Tum: codes,
 * labels and columns are the plan's (Kon Tum: the intake format's values, data/README.md, with
 * labels after the Law on Persons with Disabilities 51/2010/QH12 Art. 3 and Decree 28/2012/NĐ-CP).
 */
import {
	breakdowns as shapeBreakdowns,
	counts,
	population,
	rates as shapeRates
} from './home-plan-shape.generated.json';

export type Lang = 'vi' | 'en';
export type Label = Record<Lang, string>;

export interface Category {
	code: string;
	label: Label;
}

/** A breakdown's id: a column name in the intake and published tables (Kon Tum: `sex`). */
export type BreakdownId = string;
/** A count column of the cube (Kon Tum: `children`, `accessed`, …). */
export type ChildCountColumn = string;

export interface Breakdown {
	/** column name in the intake and published tables */
	id: BreakdownId;
	label: Label;
	categories: Category[];
}

/** A count measure, with the measure it may not exceed (a public rule: accessed ≤ children). */
export interface ShapeMeasure {
	id: string;
	atMost?: string;
}

/** A rate of the cube population: one count measure over another. */
export interface ShapeRate {
	id: string;
	numerator: string;
	denominator: string;
}

/** What the home plan's file says that the home pages' code needs (the generated file). */
export interface HomePlanShape {
	plan: string;
	/** the population the children cube counts (the plan's first) */
	population: string;
	/** its breakdowns, in plan order */
	breakdowns: Breakdown[];
	/** its count measures, in plan order: the cube's columns */
	counts: ShapeMeasure[];
	/** the plan's rates over the cube's counts */
	rates: ShapeRate[];
}

/** The value a published table uses for "all categories of this breakdown". */
export const ALL = 'all';

/** The population the cube counts (Kon Tum: `cwd`). */
export const cubePopulation: string = population;

export const breakdowns: Breakdown[] = shapeBreakdowns;

export const breakdownIds: BreakdownId[] = breakdowns.map((b) => b.id);

/** The breakdown with this id (throws on an id the plan does not declare: a bug). */
export function breakdown(id: BreakdownId): Breakdown {
	const b = breakdowns.find((x) => x.id === id);
	if (!b) throw new Error(`Unknown breakdown ${id} (the home plan has ${breakdownIds.join(', ')})`);
	return b;
}

/** The first breakdown: the one the map and the unit pages show (Kon Tum: disability type). */
export const mainBreakdown: Breakdown = breakdowns[0];

/** Counts of children carried by every breakdown cell, in plan order. */
export const childCountColumns: readonly ChildCountColumn[] = counts.map((m) => m.id);

/**
 * Each measure and the one it may not exceed, totals first: ordered by the bound's place in the
 * plan, then the measure's (Kon Tum: accessed and skills ≤ children, then the four services ≤
 * accessed).
 */
function boundsOf(measures: ShapeMeasure[]): [string, string][] {
	const at = (id: string) => measures.findIndex((m) => m.id === id);
	return measures
		.flatMap((m): [string, string][] => (m.atMost ? [[m.id, m.atMost]] : []))
		.sort((a, b) => at(a[1]) - at(b[1]) || at(a[0]) - at(b[0]));
}
export const childCountBounds: [ChildCountColumn, ChildCountColumn][] = boundsOf(counts);

/** The plan's rates over the cube's counts (Kon Tum: access = accessed ÷ children, skills). */
export const cubeRates: ShapeRate[] = shapeRates;

export function categoryLabel(id: BreakdownId, code: string, lang: Lang): string {
	if (code === ALL) return lang === 'vi' ? 'Tất cả' : 'All';
	const b = breakdowns.find((x) => x.id === id);
	return b?.categories.find((c) => c.code === code)?.label[lang] ?? code;
}
