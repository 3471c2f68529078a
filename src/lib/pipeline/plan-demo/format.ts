/**
 * The intake format a plan implies (contract §2), as far as the generator needs it: the records
 * files (one per population with breakdowns) and the units file. Derived from the plan alone;
 * replace with the engine's `intakeFormat` once it is merged (the names below follow §2 to the letter).
 */
import type { Duty, Measure, PlanSpec } from '../../domain/plan/types';
import type { UnitRow } from './units';

/** One column of a records file that holds a breakdown: a category code, or 0/1 for one category. */
export type BreakdownColumn =
	| { column: string; breakdown: string; kind: 'partition'; categories: string[] }
	| { column: string; breakdown: string; kind: 'member'; category: string };

export interface RecordsFormat {
	population: string;
	/** `<population id>-<year>.csv` */
	file: (year: number) => string;
	breakdownColumns: BreakdownColumn[];
	/** count measures of the population, plan order */
	measures: Measure[];
	columns: string[];
}

export interface UnitsFormat {
	file: (year: number) => string;
	counts: Measure[];
	flags: Measure[];
	duties: (Duty & { column: string })[];
	columns: string[];
}

export interface DemoFormat {
	records: RecordsFormat[];
	units: UnitsFormat;
}

const KEY = ['unit_code', 'unit_name', 'year'];

export function demoFormat(plan: PlanSpec): DemoFormat {
	const records: RecordsFormat[] = [];
	const counts: Measure[] = [];
	const flags: Measure[] = [];
	for (const pop of plan.populations) {
		const measures = plan.measures.filter((m) => m.population === pop.id);
		if (pop.breakdowns.length === 0) {
			counts.push(...measures.filter((m) => m.type === 'count'));
			flags.push(...measures.filter((m) => m.type === 'flag'));
			continue;
		}
		const breakdownColumns: BreakdownColumn[] = [];
		for (const id of pop.breakdowns) {
			const b = plan.breakdowns.find((x) => x.id === id);
			if (!b) throw new Error(`population ${pop.id}: unknown breakdown ${id}`);
			const codes = b.categories.map((c) => c.code);
			if (b.overlapping)
				for (const category of codes)
					breakdownColumns.push({
						column: `${b.id}_${category}`,
						breakdown: b.id,
						kind: 'member',
						category
					});
			else
				breakdownColumns.push({
					column: b.id,
					breakdown: b.id,
					kind: 'partition',
					categories: codes
				});
		}
		const own = measures.filter((m) => m.type === 'count');
		records.push({
			population: pop.id,
			file: (y) => `${pop.id}-${y}.csv`,
			breakdownColumns,
			measures: own,
			columns: [...KEY, ...breakdownColumns.map((c) => c.column), ...own.map((m) => m.id)]
		});
	}
	const duties = plan.reporting.duties.filter((d): d is Duty & { column: string } => !!d.column);
	return {
		records,
		units: {
			file: (y) => `units-${y}.csv`,
			counts,
			flags,
			duties,
			columns: [
				...KEY,
				...counts.map((m) => m.id),
				...flags.map((m) => m.id),
				...duties.map((d) => d.column)
			]
		}
	};
}

/**
 * §2: a unit gives a value when its level is among `levels`, or it is a leaf and a level below it
 * is (a ward with no listed tổ dân phố stands for them).
 */
export function mayReport(plan: PlanSpec, levels: string[], unit: UnitRow, leaf: boolean): boolean {
	if (levels.includes(unit.level)) return true;
	if (!leaf) return false;
	const ids = plan.geography.levels.map((l) => l.id);
	return ids.slice(ids.indexOf(unit.level) + 1).some((l) => levels.includes(l));
}
