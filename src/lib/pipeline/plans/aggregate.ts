/**
 * Sums a plan's validated reports up its unit tree, one year at a time (plans here are small, so
 * plain JS): the cube of each records population (every unit × every combination of up to the
 * level's breakdown depth, zeros included, contract §3) and the units' own figures (an upper
 * unit's count is its own plus its children's; a flag is the unit's own).
 */
import type { PlanSpec, Population } from '../../domain/plan/types';
import { binaryColumn } from '../../domain/plan/intake-format';
import { descendants, type YearUnits } from '../../domain/plan/unit-list';
import type { RecordRow, UnitRow } from './validate';

export const ALL = 'all';
/** The code of the row holding an upper unit's own figures (its office), a child of the unit. */
export const ownCode = (code: string) => `${code}~own`;

/** A breakdown dimension of a cube: a partition breakdown, or one category of an overlapping one. */
export interface CubeDim {
	name: string;
	breakdown: string;
	/** category codes, or '1','0' for an overlapping breakdown's category */
	values: string[];
	category?: string;
}

export type Row = Record<string, string | number | boolean | null>;

export function cubeDims(spec: PlanSpec, pop: Population): CubeDim[] {
	return pop.breakdowns.flatMap((id) => {
		const b = spec.breakdowns.find((x) => x.id === id)!;
		return b.overlapping
			? b.categories.map((c) => ({
					name: binaryColumn(b.id, c.code),
					breakdown: b.id,
					values: ['1', '0'],
					category: c.code
				}))
			: [{ name: b.id, breakdown: b.id, values: b.categories.map((c) => c.code) }];
	});
}

export const countMeasures = (spec: PlanSpec, pop: string) =>
	spec.measures.filter((m) => m.population === pop && m.type === 'count').map((m) => m.id);

/** Every subset of `n` dimensions with at most `k` members, smallest first. */
function subsets(n: number, k: number): number[][] {
	const out: number[][] = [[]];
	for (let size = 1; size <= Math.min(k, n); size++) {
		const walk = (start: number, acc: number[]) => {
			if (acc.length === size) return void out.push(acc);
			for (let i = start; i < n; i++) walk(i + 1, [...acc, i]);
		};
		walk(0, []);
	}
	return out;
}

/** Every assignment of values to the dimensions of one subset. */
function assignments(dims: CubeDim[], subset: number[]): Record<string, string>[] {
	let out: Record<string, string>[] = [{}];
	for (const i of subset)
		out = out.flatMap((a) => dims[i].values.map((v) => ({ ...a, [dims[i].name]: v })));
	return out;
}

export function cubeRows(
	spec: PlanSpec,
	pop: Population,
	tree: YearUnits,
	records: RecordRow[]
): Row[] {
	const dims = cubeDims(spec, pop);
	const measures = countMeasures(spec, pop.id);
	const byUnit = new Map<string, RecordRow[]>();
	for (const r of records)
		if (r.population === pop.id && r.year === tree.year)
			byUnit.set(r.unit, [...(byUnit.get(r.unit) ?? []), r]);
	const rows: Row[] = [];
	for (const u of tree.units) {
		const under = descendants(tree, u.code).flatMap((c) => byUnit.get(c) ?? []);
		const depth = spec.publication.breakdownDepth[u.level] ?? 0;
		for (const subset of subsets(dims.length, depth))
			for (const a of assignments(dims, subset)) {
				const row: Row = { year: tree.year, level: u.level, unit_code: u.code };
				for (const d of dims) row[d.name] = a[d.name] ?? ALL;
				const match = under.filter((r) => Object.entries(a).every(([k, v]) => r.dims[k] === v));
				for (const m of measures) row[m] = match.reduce((s, r) => s + (r.counts[m] ?? 0), 0);
				rows.push(row);
			}
	}
	return rows;
}

export interface UnitFacts {
	rows: Row[];
	/** upper units' own figures, as children of theirs (ownCode), when some upper unit gave one */
	own: (Row & { parent_code: string })[];
}

/** One row per unit of the year: counts summed up the tree, flags as given, reported 0/1. */
export function unitFacts(
	counts: string[],
	/** the counts an own row carries (counts of people: the identities the audit reads) */
	ownCounts: string[],
	flags: string[],
	tree: YearUnits,
	units: UnitRow[]
): UnitFacts {
	const given = new Map(units.filter((r) => r.year === tree.year).map((r) => [r.unit, r]));
	const total = new Map<string, Record<string, number | null>>();
	const own: UnitFacts['own'] = [];
	// children before parents: the list is top first
	for (const u of [...tree.units].reverse()) {
		const mine = given.get(u.code);
		const t: Record<string, number | null> = {};
		for (const m of counts) {
			const parts = [mine?.values[m] ?? null, ...u.children.map((c) => total.get(c)?.[m] ?? null)];
			const known = parts.filter((p): p is number => p !== null);
			t[m] = known.length === 0 ? null : known.reduce((s, p) => s + p, 0);
		}
		total.set(u.code, t);
		if (u.children.length > 0 && mine && ownCounts.some((m) => mine.values[m] != null)) {
			const row: Row & { parent_code: string } = {
				year: tree.year,
				level: u.level,
				unit_code: ownCode(u.code),
				parent_code: u.code
			};
			for (const m of ownCounts) row[m] = mine.values[m] ?? null;
			own.push(row);
		}
	}
	const rows = tree.units.map((u) => {
		const mine = given.get(u.code);
		const row: Row = { year: tree.year, level: u.level, unit_code: u.code };
		for (const m of counts) row[m] = total.get(u.code)![m];
		for (const f of flags) row[f] = mine?.values[f] ?? null;
		row.reported = mine ? 1 : 0;
		return row;
	});
	return { rows, own: own.reverse() };
}
