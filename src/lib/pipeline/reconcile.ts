/**
 * Checks the aggregates add up before anything is published: numerators within denominators,
 * and communes summing to their district and districts to the province, for every count.
 * A failure here is a pipeline bug or inconsistent input, never something to publish.
 */
import { breakdownIds, childCountColumns } from '../domain/breakdowns';
import { childrenBounds } from '../domain/intake/schema';
import { childrenOf, type Geography } from '../domain/units';
import type { CubeRow, UnitYear } from './aggregate';

export function reconcile(cube: CubeRow[], unitYears: UnitYear[], geo: Geography): string[] {
	const problems: string[] = [];
	const key = (r: CubeRow, unit: string) =>
		[r.year, unit, ...breakdownIds.map((d) => r[d])].join('|');
	const byKey = new Map(cube.map((r) => [key(r, r.unit_code), r]));
	for (const r of cube) {
		for (const [num, den] of childrenBounds)
			if (r[num] > r[den])
				problems.push(`${key(r, r.unit_code)}: ${num} ${r[num]} > ${den} ${r[den]}`);
		const kids = childrenOf(geo, r.unit_code);
		if (r.level === 'commune' || kids.length === 0) continue;
		const members = kids.map((k) => byKey.get(key(r, k.code)));
		if (members.some((m) => m === undefined)) continue; // finer cells are not kept for communes
		for (const c of childCountColumns) {
			const sum = members.reduce((s, m) => s + m![c], 0);
			if (sum !== r[c])
				problems.push(`${key(r, r.unit_code)}: ${c} ${r[c]} ≠ sum of ${kids.length} units ${sum}`);
		}
	}
	for (const u of unitYears)
		for (const [num, den] of [
			['caregivers_trained', 'caregivers'],
			['staff_trained', 'staff']
		] as const)
			if (u[num] !== null && u[den] !== null && u[num]! > u[den]!)
				problems.push(`${u.unit_code} ${u.year}: ${num} ${u[num]} > ${den} ${u[den]}`);
	return problems;
}
