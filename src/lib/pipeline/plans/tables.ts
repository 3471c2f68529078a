/**
 * The plan's published tables with people counts protected (SECURITY.md): each cube and the
 * units' figures are protected year by year with secureTable, over the identities the table
 * holds (a breakdown's `all` is the sum of its values, a unit the sum of its children and, for an
 * upper unit with figures of its own, of its own row). Raw copies are kept for the audit's truth.
 */
import type { PlanSpec } from '../../domain/plan/types';
import type { YearUnits } from '../../domain/plan/unit-list';
import type { ReadUnit } from '../audit/cell-system';
import type { Protected, Table } from '../build-tables';
import type { TableShape } from '../protect';
import { secureTable } from '../protect/secure';
import { ALL, ownCode, type Row } from './aggregate';
import { describePlanColumns } from './columns';

export class PlanProtectionError extends Error {}

/** The tree the tables add up along in a year: the year's units, and own rows under their unit. */
export function yearTree(
	tree: YearUnits,
	own: string[]
): { units: ReadUnit[]; childrenOf: Map<string, string[]> } {
	const units: ReadUnit[] = tree.units.map((u) => ({ code: u.code, parent: u.parent }));
	const childrenOf = new Map(tree.units.map((u) => [u.code, [...u.children]]));
	for (const parent of own) {
		units.push({ code: ownCode(parent), parent });
		childrenOf.get(parent)?.push(ownCode(parent));
	}
	return { units, childrenOf };
}

/** Wholes before their parts (`atMost` chains), as secureTable wants them. */
export function orderMeasures(spec: PlanSpec, measures: string[]): string[] {
	const atMost = new Map(spec.measures.map((m) => [m.id, m.atMost]));
	const depth = (m: string) => {
		let d = 0;
		for (let c = atMost.get(m); c && d < 10; c = atMost.get(c)) d++;
		return d;
	};
	return [...measures].sort((a, b) => depth(a) - depth(b));
}

/**
 * Protects one year's rows of a table in place: hidden counts become null with
 * `<measure>_suppressed` true. Throws PlanProtectionError when the attack still pins a small group.
 */
export async function protectYear(
	spec: PlanSpec,
	name: string,
	rows: Row[],
	dims: string[],
	measures: string[],
	tree: { units: ReadUnit[]; childrenOf: Map<string, string[]> },
	report: Protected[]
): Promise<void> {
	const ordered = orderMeasures(spec, measures);
	const shape: TableShape = {
		dimensions: ['year', 'level', 'unit_code', ...dims],
		marginals: Object.fromEntries(dims.map((d) => [d, ALL])),
		hierarchy: { column: 'unit_code', childrenOf: tree.childrenOf, ignore: ['level'] }
	};
	const result = await secureTable({
		name,
		rows: rows.map((r) =>
			Object.fromEntries(shape.dimensions.concat(ordered).map((c) => [c, r[c] ?? null]))
		),
		columns: describePlanColumns(spec, [...shape.dimensions, ...ordered]),
		shape,
		measures: ordered,
		units: tree.units,
		rule: spec.publication.rule
	});
	if (result.remaining.length > 0)
		throw new PlanProtectionError(
			`${name} ${rows[0]?.year}: ${result.remaining.length} small groups stay exposed after ${result.rounds} rounds of complementary suppression, e.g. ${result.remaining[0].key} (${result.remaining[0].conclusion})`
		);
	for (const m of ordered)
		rows.forEach((r, i) => {
			const hidden = result.hidden[m][i];
			r[`${m}_suppressed`] = hidden;
			if (hidden) r[m] = null;
		});
	report.push({ table: name, result });
}

/** A published table: columns from the plan, counts followed by their `_suppressed` flags. */
export function planTable(
	spec: PlanSpec,
	name: string,
	title: Table['title'],
	description: Table['description'],
	dims: string[],
	counts: string[],
	rest: string[],
	rows: Row[]
): Table {
	return {
		name,
		title,
		description,
		columns: describePlanColumns(spec, [
			...dims,
			...counts,
			...rest,
			...counts.map((c) => `${c}_suppressed`)
		]),
		rows
	};
}

/** Cells per table for the manifest: published, hidden by the rule, hidden to protect others. */
export function cellsPublished(report: Protected[]) {
	const byTable = new Map<
		string,
		{ table: string; cells: number; published: number; primary: number; secondary: number }
	>();
	for (const { table, result } of report) {
		const t = byTable.get(table) ?? { table, cells: 0, published: 0, primary: 0, secondary: 0 };
		t.cells += result.cells;
		t.primary += result.primary;
		t.secondary += result.secondary;
		t.published = t.cells - t.primary - t.secondary;
		byTable.set(table, t);
	}
	return [...byTable.values()];
}
