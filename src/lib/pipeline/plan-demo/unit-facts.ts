/**
 * The units file (`units-<year>.csv`): counts of populations without breakdowns, flags, and the
 * submission date of every dated duty, for the units §2 lets report them. Sizes are per unit and
 * level; bounded counts draw from their bound; a sticky flag, once 1, stays 1 (a database built).
 * Report dates fall before, after or nowhere near the due date by the calibrated shares.
 */
import { occurrences } from '../../domain/plan/duties';
import type { PlanSpec } from '../../domain/plan/types';
import type { Calibration } from './calibration';
import { addDays, countAround, sizeFactor, stream, trendAt } from './draw';
import { mayReport, type UnitsFormat } from './format';
import type { YearUnit } from '../../domain/plan/unit-list';

type Row = (string | number)[];

export interface FlagState {
	/** unit code → flag id → 1 once set (sticky flags) */
	set: Map<string, Set<string>>;
}

function reportDate(
	plan: PlanSpec,
	cal: Calibration,
	duty: UnitsFormat['duties'][number],
	unit: YearUnit,
	year: number
): string {
	const owed = occurrences(plan, duty).filter((o) => o.year === year);
	if (owed.length === 0) return '';
	const dc = cal.duties![duty.id];
	const rng = stream(cal.seed, 'duty', duty.id, unit.code, year);
	const u = rng.next();
	if (u >= dc.onTime.value + dc.late.value) return '';
	const due = owed[owed.length - 1].due;
	let date: string;
	if (due === null) {
		const t = dc.typicalDate!;
		date = addDays(`${year}-${t.value}`, rng.int(-t.spreadDays, t.spreadDays));
	} else if (u < dc.onTime.value) {
		date = addDays(due, -rng.int(duty.strict ? 1 : 0, dc.earlyDays.value));
	} else {
		date = addDays(due, rng.int(duty.strict ? 0 : 1, dc.lateDays.value));
	}
	return date > cal.asOf ? '' : date;
}

export function unitRows(
	plan: PlanSpec,
	format: UnitsFormat,
	cal: Calibration,
	year: number,
	units: YearUnit[],
	leaves: Set<string>,
	flags: FlagState
): Row[] {
	const yearsIn = year - plan.years.first;
	const rows: Row[] = [];
	for (const unit of units) {
		const leaf = leaves.has(unit.code);
		const counts = format.counts.map((m) => (mayReport(plan, m.levels, unit, leaf) ? m : null));
		const flagCols = format.flags.map((m) => (mayReport(plan, m.levels, unit, leaf) ? m : null));
		const duties = format.duties.map((d) =>
			mayReport(plan, d.reporters.levels, unit, leaf) ? d : null
		);
		if (![...counts, ...flagCols, ...duties].some(Boolean)) continue;

		const values = new Map<string, number>();
		const countCells = counts.map((m) => {
			if (!m) return '';
			const pc = cal.populations[m.population];
			const rng = stream(cal.seed, 'count', m.id, unit.code, year);
			let v: number;
			if (!m.atMost) {
				const mean = pc.perUnit[unit.level];
				if (!mean)
					throw new Error(`calibration.populations.${m.population}.perUnit.${unit.level}: missing`);
				const f = sizeFactor(
					stream(cal.seed, 'size', m.population, unit.code),
					pc.unitSpread.value
				);
				v = countAround(rng, mean.value * f * (1 + pc.yearlyChange.value) ** yearsIn);
			} else {
				const t = pc.measures![m.id];
				const offset = stream(cal.seed, 'offset', m.id, unit.code).normal() * t.unitSpread.value;
				v = rng.binomial(values.get(m.atMost) ?? 0, trendAt(t, yearsIn, offset));
			}
			values.set(m.id, v);
			return v;
		});
		const flagCells = flagCols.map((m) => {
			if (!m) return '';
			const t = cal.flags![m.id];
			const had = flags.set.get(unit.code) ?? new Set<string>();
			flags.set.set(unit.code, had);
			if (t.sticky && had.has(m.id)) return 1;
			const offset = stream(cal.seed, 'offset', m.id, unit.code).normal() * t.unitSpread.value;
			const on = stream(cal.seed, 'flag', m.id, unit.code, year).chance(
				trendAt(t, yearsIn, offset)
			);
			if (on) had.add(m.id);
			return on ? 1 : 0;
		});
		const dutyCells = duties.map((d) => (d ? reportDate(plan, cal, d, unit, year) : ''));
		rows.push([unit.code, unit.name, year, ...countCells, ...flagCells, ...dutyCells]);
	}
	return rows;
}
