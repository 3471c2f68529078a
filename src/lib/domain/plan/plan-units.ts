/**
 * A plan's unit list as the pages read it (contract §1: code,name,type,level,parent,valid_from,
 * valid_to; a code may have several versions), parsed by unit-list.ts. Pure: the server reads the
 * file, this shapes it for the pages (each code's latest version, children, versions).
 */
import type { PlanSpec } from './types';

export interface UnitRow {
	code: string;
	name: string;
	type: string;
	level: string;
	parent: string;
	/** ISO dates, inclusive; '' = open */
	from: string;
	to: string;
}

const validOn = (u: UnitRow, day: string) =>
	(u.from === '' || u.from <= day) && (u.to === '' || u.to >= day);

/**
 * One version per code for `year`: the one valid on 31 December, else the last one valid in the
 * year; with no year, each code's latest version. Codes with no version in the year drop out.
 */
export function unitsIn(rows: UnitRow[], year: number | null): UnitRow[] {
	const byCode = new Map<string, UnitRow[]>();
	for (const r of rows) byCode.set(r.code, [...(byCode.get(r.code) ?? []), r]);
	const out: UnitRow[] = [];
	for (const versions of byCode.values()) {
		const sorted = [...versions].sort((a, b) => a.from.localeCompare(b.from));
		if (year === null) {
			out.push(sorted.at(-1)!);
			continue;
		}
		const pick =
			sorted.find((v) => validOn(v, `${year}-12-31`)) ??
			sorted
				.filter(
					(v) =>
						(v.from === '' || v.from <= `${year}-12-31`) && (v.to === '' || v.to >= `${year}-01-01`)
				)
				.at(-1);
		if (pick) out.push(pick);
	}
	return out;
}

/** Every version of one code, oldest first (a unit page lists its changes). */
export function versionsOf(rows: UnitRow[], code: string): UnitRow[] {
	return rows.filter((r) => r.code === code).sort((a, b) => a.from.localeCompare(b.from));
}

/** Units per level, in the plan's level order (levels with no units count 0). */
export function countByLevel(
	plan: Pick<PlanSpec, 'geography'>,
	units: UnitRow[]
): { level: string; count: number }[] {
	const current = unitsIn(units, null);
	return plan.geography.levels.map((l) => ({
		level: l.id,
		count: current.filter((u) => u.level === l.id).length
	}));
}

/** The units of a level, in code order (the latest version of each). */
export function unitsOfLevel(units: UnitRow[], level: string): UnitRow[] {
	return unitsIn(units, null)
		.filter((u) => u.level === level)
		.sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }));
}

/** A unit's children (any version naming it as parent), in code order. */
export function childrenOf(units: UnitRow[], code: string): UnitRow[] {
	const codes = new Set(units.filter((u) => u.parent === code).map((u) => u.code));
	return unitsIn(units, null)
		.filter((u) => codes.has(u.code))
		.sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }));
}

/** The first unit, in code order, with no unit under it (the unit a report row names). */
export function firstLeaf(units: UnitRow[]): string | undefined {
	const parents = new Set(units.map((u) => u.parent));
	return unitsIn(units, null)
		.filter((u) => !parents.has(u.code))
		.sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }))[0]?.code;
}

/**
 * The name a unit had in each year (the version valid on 31 December, as its figures are keyed),
 * or null when it never changed name: a unit page then says under which name a year was reported.
 */
export function namesByYear(versions: UnitRow[], years: number[]): Record<number, string> | null {
	if (new Set(versions.map((v) => v.name)).size < 2) return null;
	return Object.fromEntries(years.map((y) => [y, unitsIn(versions, y)[0]?.name ?? '']));
}
