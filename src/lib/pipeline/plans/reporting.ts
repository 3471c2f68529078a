/**
 * Reporting statuses (contract §3): per duty that has an intake column, per year it is owed
 * (duties.ts: nothing before the duty's first date, ad hoc never), per reporting unit: due date,
 * date received, and on_time | late | missing | not_due | undated. "trước ngày" is strict.
 */
import { occurrences, onTime } from '../../domain/plan/duties';
import type { PlanSpec } from '../../domain/plan/types';
import type { YearUnits } from '../../domain/plan/unit-list';
import type { Row } from './aggregate';
import type { UnitRow } from './validate';

export function reportingRows(
	spec: PlanSpec,
	trees: Map<number, YearUnits>,
	units: UnitRow[],
	unitYears: Set<number>,
	asOf: string
): Row[] {
	const rows: Row[] = [];
	const given = new Map(units.map((r) => [`${r.unit}|${r.year}`, r]));
	for (const duty of spec.reporting.duties) {
		if (!duty.column) continue;
		const byYear = new Map<number, string | null>();
		for (const o of occurrences(spec, duty)) if (!byYear.has(o.year)) byYear.set(o.year, o.due);
		for (const [year, due] of byYear) {
			const tree = trees.get(year);
			if (!tree || !unitYears.has(year)) continue;
			for (const u of tree.units) {
				if (!duty.reporters.levels.includes(u.level)) continue;
				const submitted = given.get(`${u.code}|${year}`)?.dates[duty.column] ?? null;
				const status =
					submitted !== null
						? due === null
							? 'undated'
							: onTime(submitted, due, duty.strict)
								? 'on_time'
								: 'late'
						: overdue(due, year, duty.strict, asOf)
							? 'missing'
							: 'not_due';
				rows.push({
					year,
					unit_code: u.code,
					duty: duty.id,
					due_date: due,
					submitted_date: submitted,
					status
				});
			}
		}
	}
	return rows;
}

/** Nothing received and the time is up: on the due date itself when "trước ngày" (strict). */
function overdue(due: string | null, year: number, strict: boolean, asOf: string): boolean {
	if (due === null) return `${year}-12-31` < asOf;
	return strict ? due <= asOf : due < asOf;
}
