/**
 * A plan's unit list as the pages read it (contract §1: code,name,type,level,parent,valid_from,
 * valid_to; a code may have several versions). Pure: the server reads the file, this shapes it.
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

const HEADER = ['code', 'name', 'type', 'level', 'parent', 'valid_from', 'valid_to'];

/** Splits one CSV line (quoted cells, doubled quotes). */
function cells(line: string): string[] {
	const out: string[] = [];
	let cell = '';
	let quoted = false;
	for (let i = 0; i < line.length; i++) {
		const ch = line[i];
		if (quoted) {
			if (ch === '"' && line[i + 1] === '"') ((cell += '"'), i++);
			else if (ch === '"') quoted = false;
			else cell += ch;
		} else if (ch === '"') quoted = true;
		else if (ch === ',') (out.push(cell), (cell = ''));
		else cell += ch;
	}
	out.push(cell);
	return out;
}

/** The rows of a units.csv in the contract's format; null when the header is another one. */
export function parseUnitsCsv(text: string): UnitRow[] | null {
	const lines = text
		.replace(/^\uFEFF/, '')
		.split(/\r?\n/)
		.filter((l) => l.trim() !== '' && !l.startsWith('#'));
	const header = cells(lines[0] ?? '');
	if (HEADER.some((h) => !header.includes(h))) return null;
	const at = (name: string) => header.indexOf(name);
	return lines.slice(1).map((line) => {
		const c = cells(line);
		return {
			code: c[at('code')] ?? '',
			name: c[at('name')] ?? '',
			type: c[at('type')] ?? '',
			level: c[at('level')] ?? '',
			parent: c[at('parent')] ?? '',
			from: c[at('valid_from')] ?? '',
			to: c[at('valid_to')] ?? ''
		};
	});
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
