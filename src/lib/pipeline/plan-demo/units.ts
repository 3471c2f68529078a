/**
 * The plan's unit list (contract §1: code,name,type,level,parent,valid_from,valid_to), read for the
 * generator: which version of each unit stands in a year, and which units are leaves then.
 * A small reader of its own until the engine's unit-list module is merged; it reads the same format.
 */
import { readCsvText } from '../../domain/intake/csv-stream';

export interface UnitRow {
	code: string;
	name: string;
	type: string;
	level: string;
	parent: string;
	validFrom: string;
	validTo: string;
}

const HEADER = 'code,name,type,level,parent,valid_from,valid_to';

export function parseUnitList(text: string, file = 'units.csv'): UnitRow[] {
	const rows: UnitRow[] = [];
	readCsvText(text, {
		header(cells) {
			if (cells.join(',') !== HEADER)
				throw new Error(`${file}: header must be "${HEADER}", got "${cells.join(',')}"`);
		},
		row(line, c) {
			if (c.length !== 7)
				throw new Error(`${file} line ${line}: 7 cells expected, got ${c.length}`);
			const [code, name, type, level, parent, validFrom, validTo] = c;
			rows.push({ code, name, type, level, parent, validFrom, validTo });
		},
		broken(line) {
			throw new Error(`${file} line ${line}: unreadable row`);
		}
	});
	return rows;
}

const inYear = (u: UnitRow, year: number) =>
	(u.validFrom === '' || u.validFrom <= `${year}-12-31`) &&
	(u.validTo === '' || u.validTo >= `${year}-01-01`);

/**
 * Units of a year, one version per code: the version valid on 31 December, else the last one valid
 * in the year (a ward merged on 1 July still reports that year). List order is kept.
 */
export function unitsInYear(list: UnitRow[], year: number): UnitRow[] {
	const chosen = new Map<string, UnitRow>();
	for (const u of list) {
		if (!inYear(u, year)) continue;
		const had = chosen.get(u.code);
		const end = (v: UnitRow) => (v.validTo === '' ? '9999-12-31' : v.validTo);
		if (!had || end(u) > end(had)) chosen.set(u.code, u);
	}
	const seen = new Set<string>();
	const out: UnitRow[] = [];
	for (const u of list)
		if (chosen.get(u.code) === u && !seen.has(u.code)) {
			seen.add(u.code);
			out.push(u);
		}
	return out;
}

/** Codes of the units that have no child among `units` (they report the records). */
export function leafCodes(units: UnitRow[]): Set<string> {
	const parents = new Set(units.map((u) => u.parent).filter((p) => p !== ''));
	return new Set(units.filter((u) => !parents.has(u.code)).map((u) => u.code));
}
