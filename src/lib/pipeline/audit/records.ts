/**
 * The records model: the attacker who knows that every published count is a sum of records,
 * one per child, each in one unit at the bottom of the unit list and in one category of every
 * breakdown. The cell model (cell-system.ts) ties published cells together only where a table
 * shows the sum; here every cell is the sum of unknown counts per unit × full combination of
 * categories ("latent" cells, never published), each ≥ 0 and obeying the within-row rules
 * (accessed ≤ children) on its own. That is strictly stronger: the province's three-way tables
 * must come from one five-way table, and a commune's total and its district's one-way tables
 * from one commune × five-way table, with accessed ≤ children in every combination.
 *
 * Where the bottom units publish totals only and the measures modelled form a chain (children ⊇
 * accessed ⊇ accessed_health: no measure with two modelled parts), the bottom units' records are
 * left out, exactly: given their parents' records and their own totals, records that fit both
 * always exist (per measure, and per difference along the chain, a table with given non-negative
 * row and column sums of equal total has a non-negative solution). Kon Tum's communes then add
 * nothing, and the model is ten times smaller. With two parts of one measure it is not exact (a
 * commune's accessed children can be forced into two categories at once), so the records stay.
 */
import { ALL, type Cell, type CellSystem, type Relation, type Shape } from './cell-system';

/** Every combination of one category per breakdown. */
function combinations(categories: string[][]): string[][] {
	let out: string[][] = [[]];
	for (const list of categories) out = out.flatMap((c) => list.map((v) => [...c, v]));
	return out;
}

/**
 * The most unknowns the records model may add to one partition in the pipeline, which runs it
 * on every build and in every round of secureTable. Measured on Kon Tum (2,376 unknowns per
 * measure and year, districts and province × 216 combinations): children alone add 2 s to the
 * audit; children ⊇ skills 40 s; children ⊇ accessed ⊇ accessed_protection 3 minutes; every
 * commune's records for all 7 measures (171,620) ran past ten minutes for one solve.
 * `npm run audit:records` runs every chain on the published files.
 */
export const RECORDS_LIMIT = 3_000;

/** Measures some table breaks down; the others are totals per unit, which the cell model has exactly. */
const detailedMeasures = (shape: Shape) =>
	new Set(shape.coordinates.filter((c) => c.values.some((v) => v !== ALL)).map((c) => c.measure));

const mergedAtMost = (system: CellSystem): Record<string, string> =>
	Object.assign({}, ...Object.values(system.atMost));

interface Layout {
	/** cell indices per measure and partition ("measure\0partition") */
	groups: Map<string, number[]>;
	/** per group, the units that get records */
	recordUnits: Map<string, Set<string>>;
	/** unknowns added to the largest partition */
	size: number;
}

/** Which units get records for these measures, and how many unknowns that makes. */
function layout(system: CellSystem, measures: string[], keepBottom = false): Layout {
	const { shape } = system;
	const atMost = mergedAtMost(system);
	const detailed = detailedMeasures(shape);
	const modelled = measures.filter((m) => detailed.has(m));
	const groups = new Map<string, number[]>();
	shape.coordinates.forEach((c, i) => {
		if (!modelled.includes(c.measure)) return;
		const key = `${c.measure}\u0000${c.partition}`;
		(groups.get(key) ?? groups.set(key, []).get(key)!).push(i);
	});
	const chain = modelled.every((m) => modelled.filter((o) => atMost[o] === m).length <= 1);
	const unitsOf = new Map<string, Set<string>>();
	const bottomOf = new Map<string, Set<string>>();
	let totalsOnly = true;
	for (const [key, members] of groups) {
		const units = new Set(members.map((i) => shape.coordinates[i].unit));
		const bottom = new Set(
			[...units].filter((u) => !(shape.childrenOf.get(u) ?? []).some((k) => units.has(k)))
		);
		// a bottom unit without a parent here (a single-level table) keeps its records
		for (const u of bottom)
			if (![...units].some((p) => (shape.childrenOf.get(p) ?? []).includes(u))) bottom.delete(u);
		for (const i of members)
			if (
				bottom.has(shape.coordinates[i].unit) &&
				shape.coordinates[i].values.some((v) => v !== ALL)
			)
				totalsOnly = false;
		unitsOf.set(key, units);
		bottomOf.set(key, bottom);
	}
	const collapse = chain && totalsOnly && !keepBottom;
	const combos = shape.categories.reduce((n, list) => n * list.length, 1);
	const recordUnits = new Map<string, Set<string>>();
	const perPartition = new Map<string, number>();
	for (const [key, units] of unitsOf) {
		const kept = collapse ? new Set([...units].filter((u) => !bottomOf.get(key)!.has(u))) : units;
		recordUnits.set(key, kept);
		const partition = key.split('\u0000')[1];
		perPartition.set(partition, (perPartition.get(partition) ?? 0) + kept.size * combos);
	}
	return { groups, recordUnits, size: Math.max(0, ...perPartition.values()) };
}

/**
 * The measures the records model takes within `limit` unknowns per partition: every measure a
 * table breaks down if they fit; otherwise the chain from a group's size down to one of its
 * parts that holds the most hidden counts and fits (children ⊇ accessed ⊇ accessed_protection).
 * The others stay in the cell model, which still ties them to these.
 */
export function recordsMeasures(system: CellSystem, limit = RECORDS_LIMIT): string[] {
	const detailed = [...detailedMeasures(system.shape)].sort();
	if (layout(system, detailed).size <= limit) return detailed;
	const atMost = mergedAtMost(system);
	const hiddenIn = new Map<string, number>();
	for (const c of system.cells)
		if (c.value === null) hiddenIn.set(c.column, (hiddenIn.get(c.column) ?? 0) + 1);
	const chainTo = (m: string): string[] => {
		const chain = [m];
		while (atMost[chain[0]] && detailed.includes(atMost[chain[0]])) chain.unshift(atMost[chain[0]]);
		return chain;
	};
	let best: { chain: string[]; hidden: number } = { chain: [], hidden: -1 };
	for (const m of detailed) {
		const chain = chainTo(m);
		// a prefix that fits, when the whole chain does not
		while (chain.length > 0 && layout(system, chain).size > limit) chain.pop();
		const hidden = chain.reduce((n, c) => n + (hiddenIn.get(c) ?? 0), 0);
		if (hidden > best.hidden || (hidden === best.hidden && chain.length > best.chain.length))
			best = { chain, hidden };
	}
	return best.chain;
}

/** The system with `measures` (default: all that fit, recordsMeasures) as sums of records. */
export function withRecords(
	system: CellSystem,
	measures: string[] = recordsMeasures(system),
	/** the bottom units' records even where they add nothing (records.spec.ts checks that claim) */
	keepBottom = false
): CellSystem {
	const { shape } = system;
	const combos = combinations(shape.categories);
	const atMost = mergedAtMost(system);
	const { groups, recordUnits } = layout(system, measures, keepBottom);
	const cells: Cell[] = [...system.cells];
	const relations: Relation[] = [...system.relations];
	/** latent cell indices by measure, partition, unit; then by combination */
	const latent = new Map<string, number[]>();
	const latentKey = (measure: string, partition: string, unit: string) =>
		`${measure}\u0000${partition}\u0000${unit}`;

	for (const [key, members] of groups) {
		const [measure, partition] = key.split('\u0000');
		const units = recordUnits.get(key)!;
		for (const unit of units) {
			const first = cells.length;
			for (const combo of combos)
				cells.push({
					key: `${measure}|${partition}|${unit}|${combo.join('|')}|records`,
					partition,
					table: '(records)',
					column: measure,
					value: null,
					protected: false,
					row: -1,
					latent: true
				});
			latent.set(
				latentKey(measure, partition, unit),
				combos.map((_, k) => first + k)
			);
		}
		// a published or hidden cell is the sum of its unit's records in the categories it covers
		for (const i of members) {
			const { unit, values } = shape.coordinates[i];
			const own = latent.get(latentKey(measure, partition, unit));
			if (!own) continue;
			const terms = [{ cell: i, coef: 1 }];
			combos.forEach((combo, k) => {
				if (values.every((v, b) => v === ALL || v === combo[b]))
					terms.push({ cell: own[k], coef: -1 });
			});
			relations.push({ kind: 'eq', terms, constant: 0, why: `${cells[i].key}: sum of records` });
		}
		// a unit's records are its children's
		for (const unit of units) {
			const all = shape.childrenOf.get(unit) ?? [];
			const kids = all.filter((k) => units.has(k));
			if (kids.length === 0) continue;
			const own = latent.get(latentKey(measure, partition, unit))!;
			const theirs = kids.map((k) => latent.get(latentKey(measure, partition, k))!);
			combos.forEach((_, k) =>
				relations.push({
					kind: kids.length === all.length ? 'eq' : 'ge',
					terms: [{ cell: own[k], coef: 1 }, ...theirs.map((t) => ({ cell: t[k], coef: -1 }))],
					constant: 0,
					why: `${cells[own[k]].key}: sum over units`
				})
			);
		}
	}
	// within every combination of every unit: a count never exceeds the count it is part of
	for (const [key, units] of recordUnits) {
		const [measure, partition] = key.split('\u0000');
		const parent = atMost[measure];
		if (!parent) continue;
		for (const unit of units) {
			const own = latent.get(latentKey(measure, partition, unit));
			const whole = latent.get(latentKey(parent, partition, unit));
			if (!own || !whole) continue;
			own.forEach((cell, k) =>
				relations.push({
					kind: 'ge',
					terms: [
						{ cell: whole[k], coef: 1 },
						{ cell, coef: -1 }
					],
					constant: 0,
					why: `${cells[cell].key}: ${measure} ≤ ${parent}`
				})
			);
		}
	}
	return { ...system, cells, relations };
}
