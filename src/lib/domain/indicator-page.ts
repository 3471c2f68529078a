/**
 * What an indicator's own page shows (Open SDG style): its values per unit and year out of the
 * published `indicators` rows, and the rule its targets are judged by.
 */
import { indicatorValue, type IndicatorValue } from './indicator-values';
import type { Indicator, Target } from './plan';
import type { Row } from './published';
import { nameOverYears, namesOfYear, publishedEras, toUnitRows, yearsOfEra } from './unit-eras';

export interface UnitRow {
	/** what the page and the comparison tell rows apart by: the code, or code@era for a later era's unit of a reused code */
	key: string;
	code: string;
	name: string;
	level: 'province' | 'district' | 'commune';
	/** one value per year of `years`, null where the unit has no row that year (or the year is another era's) */
	values: (IndicatorValue | null)[];
	/** the first day of the unit's era ('' for the plan's first units; '' also for a province or district row that runs on as its former area) */
	era: string;
	/** a row over several eras: its name each year, where it changed ("Khu vực huyện Đắk Hà cũ" in 2025) */
	yearNames?: Record<number, string>;
	/** where the unit's own part of its page is, for a code that names units in several eras ('#era-2') */
	anchor: string;
}

const levelOrder = { province: 0, district: 1, commune: 2 } as const;

/**
 * Every unit the indicator has a value for (published, or hidden by the protection rule), the
 * province first, then each district followed by its communes; one cell per year. A rate exists
 * at every level; a count of units where it is counted (its units column is set); a plain count
 * (the provincial model) at its own level only.
 *
 * Units in eras (the 2025 reform): a commune is a unit of one era only, its cells only for that
 * era's years (a reused code gives two rows, never one series). The province and the districts
 * run on after the reform as the former areas of the same ground: one row each, named by every
 * era's name ("Huyện Đắk Hà / Khu vực huyện Đắk Hà cũ").
 */
export function indicatorTable(
	ind: Indicator,
	rows: Row[],
	/** the published `units` rows (unit_code, name, level, district_code, valid_from, valid_to) */
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
	const unitRows = toUnitRows(units);
	const eras = publishedEras(unitRows);
	const eraYears = eras.map((e) => new Set(yearsOfEra(eras, e, years)));
	const reused = new Set(
		unitRows
			.filter((u) => u.level === 'commune')
			.map((u) => u.unit_code)
			.filter((c, i, all) => all.indexOf(c) !== i)
	);
	const out: (UnitRow & { district: string; index: number })[] = [];
	const seen = new Set<string>();
	eras.forEach((era, index) => {
		for (const u of era.rows) {
			const code = u.unit_code;
			const own = byUnit.get(code);
			if (!own) continue;
			const level = u.level as UnitRow['level'];
			if (level !== 'commune') {
				// the province and the districts: one row, over every era
				if (seen.has(code)) continue;
				seen.add(code);
				const named = years.map((y) => namesOfYear(unitRows, y).get(code) ?? u.name);
				out.push({
					...(new Set(named).size > 1
						? { yearNames: Object.fromEntries(years.map((y, i) => [y, named[i]])) }
						: {}),
					key: code,
					code,
					name: nameOverYears(unitRows, code, years),
					level,
					values: years.map((y) => own.get(y) ?? null),
					era: '',
					anchor: '',
					district: level === 'province' ? '' : u.district_code,
					index: 0
				});
				continue;
			}
			const values = years.map((y) => (eraYears[index].has(y) ? (own.get(y) ?? null) : null));
			if (values.every((v) => v === null) && eraYears[index].size > 0) continue;
			out.push({
				key: index === 0 ? code : `${code}@${era.from}`,
				code,
				name: u.name,
				level,
				values,
				era: era.from,
				anchor: reused.has(code) ? `#era-${index + 1}` : '',
				district: u.district_code,
				index
			});
		}
	});
	out.sort(
		(a, b) =>
			a.district.localeCompare(b.district) ||
			levelOrder[a.level] - levelOrder[b.level] ||
			a.index - b.index ||
			a.code.localeCompare(b.code)
	);
	return { years, units: out.map(({ district: _d, index: _i, ...u }) => u) };
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
		.map((u) => u.key);
}
