/** The plan's reorganisation of units as the pages state it (reform-rule.ts), from the plan and the published unit list. */
import type { ReformFacts } from '$lib/domain/reform-rule';
import { publishedEras, type UnitRow } from '$lib/domain/unit-eras';
import { loadPlan, loadTable } from './published';

/** The first reform that changed the published units, or null (a plan whose units never changed). */
export function loadReformFacts(): ReformFacts | null {
	const plan = loadPlan();
	const eras = publishedEras(loadTable('units').rows as unknown as UnitRow[]);
	const reform = plan.spec.geography.reforms.find((r) => eras.some((e) => e.from === r.from));
	if (!reform || eras.length < 2) return null;
	const levels = plan.spec.geography.levels;
	const lowest = levels.at(-1)!;
	const count = (i: number) => eras[i].rows.filter((r) => r.level === lowest.id).length;
	const after = eras.findIndex((e) => e.from === reform.from);
	return {
		from: reform.from,
		label: reform.label,
		// the levels between the top and the new units are former areas after it
		endedLevels: levels.slice(1, -1).map((l) => ({ id: l.id, label: l.label })),
		oldUnits: count(after - 1),
		newUnits: count(after),
		area: reform.area ?? null,
		crosswalk: `geo/crosswalk-${reform.from}.csv`
	};
}
