/**
 * The explorer's queries over a plan's published tables, in plain TypeScript: the largest cube a
 * plan publishes has a few thousand rows, so a filter is a map lookup per cell (no database).
 * A cell is read only from the row the cube publishes for exactly that combination: a choice the
 * cube does not publish (deeper than the level's breakdownDepth) is said so, never summed up
 * from other rows, so no number ever stands under a label it does not belong to.
 */
import type { Cell, Row } from '../../published';
import { unitsIn } from '../plan-units';
import type { ExploreBreakdown, ExploreChoice, ExploreModel, ExploreTable } from './model';

export interface ExploreQuery {
	/** an ExploreChoice key */
	choice: string;
	year: number;
	level: string;
	/** one unit of the level, or '' for every unit of it */
	unit: string;
	/** the breakdown whose categories become columns, or '' */
	split: string;
	/** breakdown id → the category kept (overlapping: the people in that group, `!code` outside it) */
	filters: Record<string, string>;
}

export type CellResult =
	| { status: 'value'; value: number; numerator?: number; denominator?: number }
	| { status: 'hidden' }
	| { status: 'small_denominator'; denominator: number }
	| { status: 'not_published' }
	| { status: 'missing' };

export interface ResultColumn {
	/** the split's category code; null for the total over the split */
	category: string | null;
}

export interface ResultRow {
	code: string;
	name: string;
	cells: CellResult[];
}

export interface ExploreResult {
	query: ExploreQuery;
	columns: ResultColumn[];
	rows: ResultRow[];
}

/** Published rows per table name (the JSON files' rows as objects). */
export type ExploreData = Record<string, Row[]>;

const ALL = 'all';

/** A published JSON table ({columns, rows: arrays} or a list of objects) as objects. */
export function tableRows(json: unknown): Row[] {
	if (Array.isArray(json)) return json as Row[];
	const t = json as { columns: string[]; rows: Cell[][] };
	return t.rows.map((r) => Object.fromEntries(t.columns.map((c, i) => [c, r[i]])));
}

/** The cube's dim columns of one breakdown: itself, or one binary column per category. */
export function dimColumns(b: ExploreBreakdown): string[] {
	return b.overlapping ? b.categories.map((c) => `${b.id}_${c.code}`) : [b.id];
}

/** An overlapping breakdown's filter for the people outside a group: `!<category>`. */
export const NOT = '!';

/**
 * Each dim column's value for a selection (breakdown → category); unselected dims are `all`. An
 * overlapping breakdown's category is its binary dim at 1, `!category` the same dim at 0.
 */
export function dimValues(
	breakdowns: ExploreBreakdown[],
	selection: Record<string, string>
): [string, string][] {
	const binary = (b: string, code: string) =>
		selection[b] === code ? '1' : selection[b] === `${NOT}${code}` ? '0' : ALL;
	return breakdowns.flatMap((b) =>
		b.overlapping
			? b.categories.map((c) => [`${b.id}_${c.code}`, binary(b.id, c.code)] as [string, string])
			: [[b.id, selection[b.id] ?? ALL] as [string, string]]
	);
}

const indexes = new WeakMap<Row[], Map<string, Row>>();

function indexOf(rows: Row[], dims: string[]): Map<string, Row> {
	let index = indexes.get(rows);
	if (!index) {
		index = new Map();
		for (const r of rows)
			index.set([r.year, r.unit_code, ...dims.map((d) => r[d])].map(String).join('|'), r);
		indexes.set(rows, index);
	}
	return index;
}

function lookup(
	model: ExploreModel,
	data: ExploreData,
	table: ExploreTable,
	unit: string,
	year: number,
	selection: Record<string, string>
): Row | null {
	const rows = data[table.name];
	if (!rows) return null;
	const bs = model.breakdowns.filter((b) => table.breakdowns.includes(b.id));
	const dims = bs.flatMap(dimColumns);
	const values = dimValues(bs, selection).map(([, v]) => v);
	return indexOf(rows, dims).get([year, unit, ...values].map(String).join('|')) ?? null;
}

type Part = { v: number } | { status: 'hidden' | 'not_published' | 'missing' };

function measureCell(
	model: ExploreModel,
	data: ExploreData,
	measure: string,
	unit: string,
	year: number,
	selection: Record<string, string>
): Part {
	const table = model.tables.find((t) => t.measures.includes(measure));
	const row = table && lookup(model, data, table, unit, year, selection);
	if (!table || !row) return { status: 'not_published' };
	if (table.protectedMeasures.includes(measure) && row[`${measure}_suppressed`] === true)
		return { status: 'hidden' };
	const v = row[measure];
	return typeof v === 'number' ? { v } : { status: 'missing' };
}

/** The sum of parts; the worst state wins (not published, then hidden, then not reported). */
function sum(parts: Part[]): Part {
	for (const s of ['not_published', 'hidden', 'missing'] as const)
		if (parts.some((p) => 'status' in p && p.status === s)) return { status: s };
	return { v: parts.reduce((acc, p) => acc + (p as { v: number }).v, 0) };
}

/** One cell: a measure's count, or a rate's value where both its counts are published. */
export function cellResult(
	model: ExploreModel,
	data: ExploreData,
	choice: ExploreChoice,
	unit: string,
	year: number,
	selection: Record<string, string>
): CellResult {
	const part = (ms: string[]) =>
		sum(ms.map((m) => measureCell(model, data, m, unit, year, selection)));
	const n = part(choice.numerator);
	if (choice.kind === 'measure') return 'v' in n ? { status: 'value', value: n.v } : n;
	const d = part(choice.denominator);
	if (!('v' in n)) return n;
	if (!('v' in d)) return d;
	if (d.v < model.rule.minDenominator || d.v === 0)
		return { status: 'small_denominator', denominator: d.v };
	return {
		status: 'value',
		value: Math.round((1000 * n.v) / d.v) / 10,
		numerator: n.v,
		denominator: d.v
	};
}

/** How many breakdowns a query combines in one cell (the split counts one). */
export const depthOf = (q: Pick<ExploreQuery, 'split' | 'filters'>): number =>
	Object.keys(q.filters).length + (q.split ? 1 : 0);

/** The units a query's rows list: the level's units valid in the year, or the one chosen. */
export function rowUnits(model: ExploreModel, q: ExploreQuery): { code: string; name: string }[] {
	return unitsIn(model.units, q.year)
		.filter((u) => u.level === q.level && (q.unit === '' || u.code === q.unit))
		.sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }));
}

/** The table a (normalised) query shows: one row per unit, one column per split category. */
export function runQuery(model: ExploreModel, data: ExploreData, q: ExploreQuery): ExploreResult {
	const choice = model.choices.find((c) => c.key === q.choice)!;
	const split = model.breakdowns.find((b) => b.id === q.split);
	const columns: ResultColumn[] = [
		{ category: null },
		...(split?.categories.map((c) => ({ category: c.code })) ?? [])
	];
	return {
		query: q,
		columns,
		rows: rowUnits(model, q).map((u) => ({
			code: u.code,
			name: u.name,
			cells: columns.map((col) =>
				cellResult(
					model,
					data,
					choice,
					u.code,
					q.year,
					col.category === null ? q.filters : { ...q.filters, [q.split]: col.category }
				)
			)
		}))
	};
}
