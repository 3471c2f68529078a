/**
 * What the generator writes, read off the plan's intake format (`intakeFormat`, contract §2): the
 * records files with their breakdown columns and counts, and the units file with its counts,
 * flags and duty dates, each column resolved to the plan's measure or duty.
 */
import { intakeFormat, type IntakeColumn } from '../../domain/plan/intake-format';
import type { Duty, Measure, PlanSpec } from '../../domain/plan/types';

/** One column of a records file that holds a breakdown: a category code, or 0/1 for one category. */
export type BreakdownColumn =
	| { column: string; breakdown: string; kind: 'partition'; categories: string[] }
	| { column: string; breakdown: string; kind: 'member'; category: string };

export interface RecordsFormat {
	population: string;
	file: (year: number) => string;
	breakdownColumns: BreakdownColumn[];
	/** count measures of the population, in column order */
	measures: Measure[];
	columns: string[];
}

export interface UnitsFormat {
	file: (year: number) => string;
	counts: Measure[];
	flags: Measure[];
	duties: Duty[];
	columns: string[];
}

export interface DemoFormat {
	records: RecordsFormat[];
	units: UnitsFormat | null;
}

export function demoFormat(plan: PlanSpec): DemoFormat {
	const measure = (id: string) => plan.measures.find((m) => m.id === id)!;
	const duty = (id: string) => plan.reporting.duties.find((d) => d.id === id)!;
	const of = <K extends IntakeColumn['kind']>(cols: IntakeColumn[], kind: K) =>
		cols.filter((c): c is Extract<IntakeColumn, { kind: K }> => c.kind === kind);
	const format = intakeFormat(plan);
	const records: RecordsFormat[] = [];
	let units: UnitsFormat | null = null;
	for (const f of format.files) {
		const file = (y: number) => `${f.prefix}-${y}.csv`;
		const columns = f.columns.map((c) => c.name);
		const counts = of(f.columns, 'count').map((c) => measure(c.measure));
		if (f.kind === 'records') {
			const breakdownColumns = f.columns.flatMap((c): BreakdownColumn[] =>
				c.kind === 'category'
					? [
							{
								column: c.name,
								breakdown: c.breakdown,
								kind: 'partition',
								categories: c.categories
							}
						]
					: c.kind === 'binary'
						? [{ column: c.name, breakdown: c.breakdown, kind: 'member', category: c.category }]
						: []
			);
			records.push({
				population: f.population!,
				file,
				breakdownColumns,
				measures: counts,
				columns
			});
		} else {
			const flags = of(f.columns, 'flag').map((c) => measure(c.measure));
			const duties = of(f.columns, 'date').map((c) => duty(c.duty));
			units = { file, counts, flags, duties, columns };
		}
	}
	return { records, units };
}

/**
 * §2: a unit gives a value when its level is among `levels`, or it is a leaf and a level below it
 * is (a ward with no listed tổ dân phố stands for them).
 */
export function mayReport(
	plan: PlanSpec,
	levels: string[],
	unit: { level: string },
	leaf: boolean
): boolean {
	if (levels.includes(unit.level)) return true;
	if (!leaf) return false;
	const ids = plan.geography.levels.map((l) => l.id);
	return ids.slice(ids.indexOf(unit.level) + 1).some((l) => levels.includes(l));
}
