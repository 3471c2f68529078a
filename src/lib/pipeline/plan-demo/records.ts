/**
 * Records files (`<population>-<year>.csv`): each leaf unit's register simulated child by child,
 * then grouped by the combination of breakdown columns. A partition column draws one category by
 * its share; an overlapping breakdown draws each category by its probability (at least one, since
 * the population is defined by belonging to one). A measure with `atMost` counts a child only when
 * the child counts in that measure, so every row respects it.
 */
import type { Measure, PlanSpec } from '../../domain/plan/types';
import type { PopulationCalibration } from './calibration';
import { countAround, sizeFactor, stream, trendAt } from './draw';
import type { BreakdownColumn, RecordsFormat } from './format';
import type { YearUnit } from '../../domain/plan/unit-list';

type Row = (string | number)[];

/** Measures in an order where each `atMost` comes before the measures bounded by it. */
function chainOrder(measures: Measure[]): Measure[] {
	const out: Measure[] = [];
	const left = [...measures];
	while (left.length) {
		const i = left.findIndex((m) => !m.atMost || out.some((o) => o.id === m.atMost));
		if (i < 0)
			throw new Error(
				`measures ${left.map((m) => m.id).join(', ')}: atMost outside the population`
			);
		out.push(...left.splice(i, 1));
	}
	return out;
}

function cumulative(weights: number[]): number[] {
	let s = 0;
	return weights.map((w) => (s += w));
}

export function recordsRows(
	plan: PlanSpec,
	format: RecordsFormat,
	cal: PopulationCalibration,
	seed: number,
	year: number,
	leaves: YearUnit[]
): Row[] {
	const pop = format.population;
	const yearsIn = year - plan.years.first;
	const measures = chainOrder(format.measures);
	const cats = cal.categories ?? {};
	const partitionWeights = new Map<string, number[]>();
	for (const col of format.breakdownColumns)
		if (col.kind === 'partition')
			partitionWeights.set(
				col.column,
				cumulative(col.categories.map((c) => cats[col.breakdown][c].value))
			);
	const members = format.breakdownColumns.filter(
		(c): c is Extract<BreakdownColumn, { kind: 'member' }> => c.kind === 'member'
	);
	const rows: Row[] = [];
	for (const unit of leaves) {
		const mean = cal.perUnit[unit.level];
		if (!mean) throw new Error(`calibration.populations.${pop}.perUnit.${unit.level}: missing`);
		const factor = sizeFactor(stream(seed, 'size', pop, unit.code), cal.unitSpread.value);
		const offsets = new Map(
			measures.map((m) => {
				const t = cal.measures?.[m.id];
				return [
					m.id,
					t ? stream(seed, 'offset', m.id, unit.code).normal() * t.unitSpread.value : 0
				];
			})
		);
		const rng = stream(seed, 'records', pop, unit.code, year);
		const n = countAround(rng, mean.value * factor * (1 + cal.yearlyChange.value) ** yearsIn);
		const groups = new Map<string, { sortKey: number[]; cells: string[]; counts: number[] }>();
		for (let i = 0; i < n; i++) {
			const cells: string[] = [];
			const sortKey: number[] = [];
			const inGroups = members.map((c) => rng.chance(cats[c.breakdown][c.category].value));
			if (members.length && !inGroups.some(Boolean)) {
				const w = cumulative(members.map((c) => cats[c.breakdown][c.category].value));
				inGroups[rng.pick(w)] = true;
			}
			let k = 0;
			for (const col of format.breakdownColumns) {
				if (col.kind === 'partition') {
					const j = rng.pick(partitionWeights.get(col.column)!);
					cells.push(col.categories[j]);
					sortKey.push(j);
				} else {
					const on = inGroups[k++];
					cells.push(on ? '1' : '0');
					sortKey.push(on ? 0 : 1);
				}
			}
			const has = new Map<string, boolean>();
			for (const m of measures) {
				const t = cal.measures?.[m.id];
				const yes = !m.atMost
					? true
					: !!has.get(m.atMost) && rng.chance(trendAt(t!, yearsIn, offsets.get(m.id)!));
				has.set(m.id, yes);
			}
			const key = cells.join(',');
			let g = groups.get(key);
			if (!g) groups.set(key, (g = { sortKey, cells, counts: format.measures.map(() => 0) }));
			format.measures.forEach((m, j) => (g!.counts[j] += has.get(m.id) ? 1 : 0));
		}
		const sorted = [...groups.values()].sort((a, b) => {
			for (let i = 0; i < a.sortKey.length; i++)
				if (a.sortKey[i] !== b.sortKey[i]) return a.sortKey[i] - b.sortKey[i];
			return 0;
		});
		for (const g of sorted) rows.push([unit.code, unit.name, year, ...g.cells, ...g.counts]);
	}
	return rows;
}
