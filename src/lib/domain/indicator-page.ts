/**
 * What an indicator's own page shows (Open SDG style): its values per unit and year out of the
 * published `indicators` rows, and the rule its targets are judged by.
 */
import { indicatorValue, type IndicatorValue } from './indicator-values';
import type { Indicator, Target } from './plan';
import type { Row } from './published';

export interface UnitRow {
	code: string;
	name: string;
	level: 'province' | 'district' | 'commune';
	/** one value per year of `years`, null where the unit has no row that year */
	values: (IndicatorValue | null)[];
}

const levelOrder = { province: 0, district: 1, commune: 2 } as const;

/**
 * Every unit the indicator has a value for (published, or hidden by the protection rule), the
 * province first, then each district followed by its communes; one cell per year. A rate exists
 * at every level; a count of units where it is counted (its units column is set); a plain count
 * (the provincial model) at its own level only.
 */
export function indicatorTable(
	ind: Indicator,
	rows: Row[],
	/** the published `units` rows (unit_code, name, level, district_code) */
	units: Row[]
): { years: number[]; units: UnitRow[] } {
	const years = [...new Set(rows.map((r) => Number(r.year)))].sort((a, b) => a - b);
	const has = (r: Row) =>
		ind.kind === 'rate'
			? true
			: ind.kind === 'unit_count'
				? r[`${ind.id}_units`] !== null && r[`${ind.id}_units`] !== undefined
				: r.level === ind.level;
	const byUnit = new Map<string, Map<number, IndicatorValue>>();
	for (const r of rows) {
		if (!has(r)) continue;
		const code = String(r.unit_code);
		if (!byUnit.has(code)) byUnit.set(code, new Map());
		byUnit.get(code)!.set(Number(r.year), indicatorValue(ind, r));
	}
	const districtOf = (u: (typeof units)[number]) =>
		u.level === 'province' ? '' : String(u.district_code);
	const ordered = units
		.filter((u) => byUnit.has(String(u.unit_code)))
		.sort(
			(a, b) =>
				districtOf(a).localeCompare(districtOf(b)) ||
				levelOrder[a.level as keyof typeof levelOrder] -
					levelOrder[b.level as keyof typeof levelOrder] ||
				String(a.unit_code).localeCompare(String(b.unit_code))
		);
	return {
		years,
		units: ordered.map((u) => ({
			code: String(u.unit_code),
			name: String(u.name),
			level: u.level as UnitRow['level'],
			values: years.map((y) => byUnit.get(String(u.unit_code))!.get(y) ?? null)
		}))
	};
}

/** Which rule decides a phase's verdict: the test the plan file gives the target. */
export function targetRule(_ind: Indicator, target: Target): 'at_least' | 'at_most' | 'maintain' {
	return target.test;
}

/**
 * The units a comparison shows before the reader picks: for a rate, the two districts with the
 * lowest latest published value (who lags is the question leaders ask first); nothing for other
 * kinds, whose per-unit values are flags or counts of units.
 */
export function defaultCompared(ind: Indicator, table: { units: UnitRow[] }, count = 2): string[] {
	if (ind.kind !== 'rate') return [];
	const latest = (u: UnitRow) => [...u.values].reverse().find((v) => v?.value != null)?.value;
	return table.units
		.filter((u) => u.level === 'district' && latest(u) !== undefined)
		.sort((a, b) => latest(a)! - latest(b)! || a.code.localeCompare(b.code))
		.slice(0, count)
		.map((u) => u.code);
}
