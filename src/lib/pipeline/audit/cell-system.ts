/**
 * The attacker's view of a publication: every count a published table holds or hides, as one
 * cell per (measure, unit, breakdown combination, other keys), and every public rule that ties
 * cells together. Built from what a reader has (the tables as published, their manifest columns,
 * the unit list); nothing here knows how the pipeline protected them.
 */
import type { ManifestColumn } from '../../domain/published';

/** A published table as a reader has it: manifest columns and rows of text or values. */
export interface ReadTable {
	name: string;
	columns: ManifestColumn[];
	rows: Record<string, unknown>[];
}

/** A unit of the published unit list and the unit its figures add up to. */
export interface ReadUnit {
	code: string;
	parent: string | null;
}

export interface Cell {
	key: string;
	/** the cells of one partition (year, and any other key that is not a unit or breakdown) */
	partition: string;
	table: string;
	column: string;
	/** published value, or null when hidden */
	value: number | null;
	/** a count of people the rule protects (manifest `protected`) */
	protected: boolean;
	/** index in `rows` of the table row it was first read from */
	row: number;
	/** a count no table publishes (a unit × every breakdown's category): the records model's unknowns */
	latent?: boolean;
}

/** Σ coef·cell (+ constant) compared with 0: `eq` (= 0) or `ge` (≥ 0). */
export interface Relation {
	kind: 'eq' | 'ge';
	terms: { cell: number; coef: number }[];
	constant: number;
	why: string;
}

export interface CellSystem {
	cells: Cell[];
	relations: Relation[];
	/** per table row holding a protected count: the row's cells by column (the attribute checks use them) */
	rows: { table: string; partition: string; cells: Record<string, number> }[];
	/** count column -> the column it never exceeds (manifest `atMost`), per table */
	atMost: Record<string, Record<string, string>>;
	/** tables read, with the problems a reader would notice (values that contradict each other) */
	problems: string[];
	/** what the cells are made of, for the records model (records.ts) */
	shape: Shape;
}

/** The coordinates of every cell and the unit tree and categories they were read against. */
export interface Shape {
	breakdowns: string[];
	/** per breakdown (same order), its categories */
	categories: string[][];
	/** per cell (same index): measure, partition, unit, one value per breakdown */
	coordinates: { measure: string; partition: string; unit: string; values: string[] }[];
	childrenOf: Map<string, string[]>;
}

export const ALL = 'all';

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));

function numberOf(v: unknown): number | null {
	if (v === null || v === undefined || v === '') return null;
	const n = typeof v === 'number' ? v : Number(v);
	return Number.isFinite(n) ? n : null;
}

const isTrue = (v: unknown) => v === true || v === 'true';

/**
 * Dimensions of a table that only describe its unit (level, district_code, a name): one value
 * per unit code throughout the table. They are left out of a cell's key.
 */
function unitAttributes(table: ReadTable, dims: string[]): Set<string> {
	const out = new Set<string>();
	for (const d of dims) {
		if (d === 'unit_code') continue;
		const seen = new Map<string, string>();
		let dependent = true;
		for (const r of table.rows) {
			const u = text(r.unit_code);
			const v = text(r[d]);
			const prev = seen.get(u);
			if (prev === undefined) seen.set(u, v);
			else if (prev !== v) {
				dependent = false;
				break;
			}
		}
		if (dependent) out.add(d);
	}
	return out;
}

/**
 * Reads every table holding counts into one cell system. Breakdowns are the dimensions that take
 * the value `all` somewhere; a table without a breakdown column stands for its `all` value, so
 * the indicators' children of a commune and the cube's total row for it are one cell.
 */
export function buildCellSystem(tables: ReadTable[], units: ReadUnit[]): CellSystem {
	// tables that count people; counts of units or reports single nobody out
	const withCounts = tables.filter(
		(t) => t.columns.some((c) => c.protected) && t.columns.some((c) => c.name === 'unit_code')
	);
	const breakdowns = new Set<string>();
	const categories = new Map<string, Set<string>>();
	for (const t of withCounts)
		for (const c of t.columns) {
			if (c.role !== 'dimension') continue;
			if (t.rows.some((r) => text(r[c.name]) === ALL)) breakdowns.add(c.name);
		}
	for (const b of breakdowns) categories.set(b, new Set());
	for (const t of withCounts)
		for (const r of t.rows)
			for (const b of breakdowns) {
				const v = text(r[b]);
				if (t.columns.some((c) => c.name === b) && v !== ALL) categories.get(b)!.add(v);
			}
	const breakdownList = [...breakdowns].sort();

	const cells: Cell[] = [];
	const byKey = new Map<string, number>();
	const problems: string[] = [];
	const rowsOut: CellSystem['rows'] = [];
	const atMost: CellSystem['atMost'] = {};
	const rowRelations: Relation[] = [];
	// cell key parts kept to find a cell's margins and parent: measure, partition, unit, breakdown values
	const parts: { measure: string; partition: string; unit: string; values: string[] }[] = [];

	const keyOf = (measure: string, partition: string, unit: string, values: string[]) =>
		`${measure}|${partition}|${unit}|${values.join('|')}`;

	for (const t of withCounts) {
		const dims = t.columns.filter((c) => c.role === 'dimension').map((c) => c.name);
		const descriptive = unitAttributes(t, dims);
		const partitionDims = dims.filter(
			(d) => d !== 'unit_code' && !breakdowns.has(d) && !descriptive.has(d)
		);
		// counts of people; counts of units (districts with a network) obey other sums and say nothing of people
		const counts = t.columns.filter((c) => c.role === 'count' && c.protected);
		const names = new Set(t.columns.map((c) => c.name));
		atMost[t.name] = Object.fromEntries(
			counts.filter((c) => c.atMost).map((c) => [c.name, c.atMost as string])
		);
		t.rows.forEach((r, i) => {
			const partition = partitionDims.map((d) => `${d}=${text(r[d])}`).join(',');
			const unit = text(r.unit_code);
			const values = breakdownList.map((b) => (names.has(b) ? text(r[b]) : ALL));
			const rowCells: Record<string, number> = {};
			for (const c of counts) {
				const hidden = isTrue(r[`${c.name}_suppressed`]) || numberOf(r[c.name]) === null;
				// an empty value that is not flagged hidden is "no data" (a unit that did not report):
				// it adds nothing to its parent's sum, which is how the pipeline sums
				const noData =
					numberOf(r[c.name]) === null &&
					r[`${c.name}_suppressed`] !== undefined &&
					!isTrue(r[`${c.name}_suppressed`]);
				const value = noData ? 0 : hidden ? null : (numberOf(r[c.name]) as number);
				const key = keyOf(c.name, partition, unit, values);
				let index = byKey.get(key);
				if (index === undefined) {
					index = cells.length;
					byKey.set(key, index);
					cells.push({
						key,
						partition,
						table: t.name,
						column: c.name,
						value,
						protected: c.protected === true,
						row: i
					});
					parts.push({ measure: c.name, partition, unit, values });
				} else {
					const cell = cells[index];
					if (cell.value === null) cell.value = value;
					else if (value !== null && value !== cell.value)
						problems.push(
							`${key}: ${cell.table} publishes ${cell.value}, ${t.name} publishes ${value}`
						);
					cell.protected ||= c.protected === true;
				}
				rowCells[c.name] = index;
			}
			if (counts.some((c) => c.protected))
				rowsOut.push({ table: t.name, partition, cells: rowCells });
			// within-row rules: a count never exceeds the count it is part of
			for (const c of counts)
				if (c.atMost && rowCells[c.atMost] !== undefined)
					rowRelations.push({
						kind: 'ge',
						terms: [
							{ cell: rowCells[c.atMost], coef: 1 },
							{ cell: rowCells[c.name], coef: -1 }
						],
						constant: 0,
						why: `${t.name} row ${i}: ${c.name} ≤ ${c.atMost}`
					});
			// a published rate, rounded to one decimal, bounds its numerator by its denominator
			for (const c of t.columns) {
				if (c.role !== 'rate' || !c.numerator || !c.denominator) continue;
				const rate = numberOf(r[c.name]);
				if (rate === null || isTrue(r[`${c.name}_suppressed`])) continue;
				const num = rowCells[c.numerator];
				const den = rowCells[c.denominator];
				if (num === undefined || den === undefined) continue;
				const lo = Math.max(0, rate - 0.05) / 100 - 1e-9;
				const hi = (rate + 0.05) / 100 + 1e-9;
				rowRelations.push({
					kind: 'ge',
					terms: [
						{ cell: num, coef: 1 },
						{ cell: den, coef: -lo }
					],
					constant: 0,
					why: `${t.name} row ${i}: ${c.name} = ${rate} (lower)`
				});
				rowRelations.push({
					kind: 'ge',
					terms: [
						{ cell: den, coef: hi },
						{ cell: num, coef: -1 }
					],
					constant: 0,
					why: `${t.name} row ${i}: ${c.name} = ${rate} (upper)`
				});
			}
		});
	}

	const relations: Relation[] = [...rowRelations];
	const childrenOf = new Map<string, string[]>();
	for (const u of units)
		if (u.parent !== null) {
			const list = childrenOf.get(u.parent);
			if (list) list.push(u.code);
			else childrenOf.set(u.parent, [u.code]);
		}
	const sumRelation = (total: number, members: (number | undefined)[], why: string) => {
		const present = members.filter((m): m is number => m !== undefined);
		if (present.length === 0) return;
		// a missing member is an unknown count ≥ 0: the total is then at least the others
		relations.push({
			kind: present.length === members.length ? 'eq' : 'ge',
			terms: [{ cell: total, coef: 1 }, ...present.map((m) => ({ cell: m, coef: -1 }))],
			constant: 0,
			why
		});
	};
	parts.forEach((p, index) => {
		// breakdown margins: an `all` value is the sum of that breakdown's categories
		breakdownList.forEach((b, bi) => {
			if (p.values[bi] !== ALL) return;
			const members = [...categories.get(b)!].map((cat) => {
				const values = [...p.values];
				values[bi] = cat;
				return byKey.get(keyOf(p.measure, p.partition, p.unit, values));
			});
			sumRelation(index, members, `${cells[index].key}: sum over ${b}`);
		});
		// the unit list: a unit's count is the sum of its children's
		const kids = childrenOf.get(p.unit);
		if (kids)
			sumRelation(
				index,
				kids.map((k) => byKey.get(keyOf(p.measure, p.partition, k, p.values))),
				`${cells[index].key}: sum over units`
			);
	});
	const shape: Shape = {
		breakdowns: breakdownList,
		categories: breakdownList.map((b) => [...categories.get(b)!].sort()),
		coordinates: parts,
		childrenOf
	};
	return { cells, relations, rows: rowsOut, atMost, problems, shape };
}
