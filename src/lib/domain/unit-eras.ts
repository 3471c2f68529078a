/**
 * Units that change over time. A plan's units hold from its start until a reform the plan names
 * (Kon Tum's 102 communes became 40 on 2025-07-01); each span is an era with its own unit list.
 * A year's figures are those of the units in force at the end of the year: the annual report is
 * due in December, so 2025 is reported by the 40 new units.
 *
 * New units may reuse old codes (new 23293 Phường Kon Tum is old Phường Thắng Lợi's code):
 * a code means a unit only together with its era, never across eras.
 */
import { MONTH_NAMES_EN } from './format';
import { buildGeography, foldDiacritics, type Geography, type Unit } from './units';

export interface UnitEra {
	/** the first day of the era (ISO); null for the plan's first units */
	from: string | null;
	/** the last day (ISO); null while it holds */
	until: string | null;
	geo: Geography;
	/** for an era opened by a reform: the old units each new unit took in */
	predecessors: Map<string, Unit[]>;
	/** the levels that send the reports due in the era, when the reform names them */
	reporterLevels?: string[];
}

/** A new unit as its list gives it: the unit list's columns plus predecessor_codes ("a;b;c"). */
export type NewUnit = Unit & { predecessor_codes: string };

/** The day before an ISO date. */
export function dayBefore(iso: string): string {
	const d = new Date(`${iso}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() - 1);
	return d.toISOString().slice(0, 10);
}

/**
 * The era a reform opens: its new units under the former areas of the levels above (districts
 * ended on 2025-07-01, but each new unit lies wholly in one former district, so a former
 * district's figure is the sum of its new units), the top named as the area is named now.
 */
export function eraAfter(
	before: Geography,
	reform: { from: string; area?: { vi: string }; reporters?: { levels: string[] } },
	units: NewUnit[]
): UnitEra {
	const formerAreas: Unit[] = before.districts.map((d) => ({
		...d,
		name: formerAreaName(d.name),
		type: `${d.type} (cũ)`
	}));
	const communes: Unit[] = units.map(({ predecessor_codes: _p, ...u }) => ({
		...u,
		level: 'commune'
	}));
	const known = new Set(formerAreas.map((d) => d.code));
	for (const u of communes)
		if (!known.has(u.district_code))
			throw new Error(
				`${reform.from}: new unit ${u.code} ${u.name} lies in no former area (district_code ${u.district_code})`
			);
	const geo = buildGeography(
		{ code: before.province.code, name: reform.area?.vi ?? before.province.name },
		[...formerAreas, ...communes]
	);
	const predecessors = new Map<string, Unit[]>();
	for (const u of units) {
		const codes = u.predecessor_codes.split(';').filter((c) => c !== '');
		const olds = codes.map((c) => {
			const old = before.byCode.get(c);
			if (!old || old.level !== 'commune')
				throw new Error(
					`${reform.from}: predecessor ${c} of ${u.code} ${u.name} is no old commune`
				);
			return old;
		});
		predecessors.set(u.code, olds);
	}
	const taken = [...predecessors.values()].flat().map((u) => u.code);
	const missing = before.communes.filter((c) => !taken.includes(c.code));
	if (missing.length > 0 || new Set(taken).size !== taken.length)
		throw new Error(
			`${reform.from}: every old commune must go whole into exactly one new unit (missing: ${missing.map((m) => m.code).join(', ') || 'none'}; ${taken.length - new Set(taken).size} taken twice). An old unit split between new units cannot carry its figures across: such a reform is published (its crosswalk) but not applied; leave out "units" in the plan's reform.`
		);
	return {
		from: reform.from,
		until: null,
		geo,
		predecessors,
		reporterLevels: reform.reporters?.levels
	};
}

/** "Huyện Đắk Glei" → "Khu vực huyện Đắk Glei cũ": a former area, not a unit of today. */
export function formerAreaName(name: string): string {
	return `Khu vực ${name.charAt(0).toLowerCase()}${name.slice(1)} cũ`;
}

/** The eras in order, each ending the day before the next begins. */
export function chainEras(first: Geography, later: UnitEra[]): UnitEra[] {
	const eras: UnitEra[] = [{ from: null, until: null, geo: first, predecessors: new Map() }];
	for (const e of [...later].sort((a, b) => (a.from ?? '').localeCompare(b.from ?? ''))) {
		eras[eras.length - 1].until = dayBefore(e.from!);
		eras.push(e);
	}
	return eras;
}

/** The era in force on a day. */
export function eraOn(eras: UnitEra[], iso: string): UnitEra {
	let found = eras[0];
	for (const e of eras) if (e.from === null || e.from <= iso) found = e;
	return found;
}

/** The era a year's figures belong to: the one in force on its last day. */
export const eraOfYear = (eras: UnitEra[], year: number): UnitEra => eraOn(eras, `${year}-12-31`);

/** The new unit an old unit went into, in the era after the one it belongs to. */
export function successorOf(eras: UnitEra[], era: UnitEra, code: string): Unit | undefined {
	const next = eras[eras.indexOf(era) + 1];
	if (!next) return undefined;
	for (const [newCode, olds] of next.predecessors)
		if (olds.some((o) => o.code === code)) return next.geo.byCode.get(newCode);
	return undefined;
}

/** Units of any era whose name (diacritics and case ignored) contains the query. */
export function searchUnits(
	eras: UnitEra[],
	query: string
): { unit: Unit; era: UnitEra; successor?: Unit; predecessors: Unit[] }[] {
	const q = foldDiacritics(query.normalize('NFC')).toLowerCase().trim();
	if (q === '') return [];
	const out: ReturnType<typeof searchUnits> = [];
	for (const era of eras)
		for (const unit of era.geo.communes)
			if (foldDiacritics(unit.name).toLowerCase().includes(q))
				out.push({
					unit,
					era,
					successor: successorOf(eras, era, unit.code),
					predecessors: era.predecessors.get(unit.code) ?? []
				});
	return out;
}

/** A row of the published unit list (the `units` table). */
export interface UnitRow {
	unit_code: string;
	name: string;
	level: string;
	district_code: string;
	valid_from?: string | null;
	valid_to?: string | null;
	predecessor_codes?: string | null;
	[k: string]: unknown;
}

/** One era of the published unit list: its first and last day ('' when open) and its rows. */
export interface PublishedEra<R extends UnitRow = UnitRow> {
	from: string;
	to: string;
	rows: R[];
}

/** The published unit list cut by era, oldest first (one era when the list has no validity). */
export function publishedEras<R extends UnitRow>(rows: R[]): PublishedEra<R>[] {
	const froms = [...new Set(rows.map((r) => r.valid_from ?? ''))].sort();
	return froms.map((from) => {
		const these = rows.filter((r) => (r.valid_from ?? '') === from);
		return { from, to: these[0]?.valid_to ?? '', rows: these };
	});
}

/** The era a year's figures belong to: the one in force on the year's last day. */
export function publishedEraOfYear<R extends UnitRow>(
	eras: PublishedEra<R>[],
	year: number
): PublishedEra<R> {
	const end = `${year}-12-31`;
	let found = eras[0];
	for (const e of eras) if (e.from === '' || e.from <= end) found = e;
	return found;
}

/** The unit rows a year's figures are keyed by. */
export const unitRowsOfYear = <R extends UnitRow>(rows: R[], year: number): R[] =>
	publishedEraOfYear(publishedEras(rows), year).rows;

/** Old units of a new unit (its predecessor codes, named from the era before). */
export function predecessorRows<R extends UnitRow>(
	eras: PublishedEra<R>[],
	era: PublishedEra<R>,
	code: string
): R[] {
	const before = eras[eras.indexOf(era) - 1];
	const row = era.rows.find((r) => r.unit_code === code);
	if (!before || !row?.predecessor_codes) return [];
	return row.predecessor_codes
		.split(';')
		.map((c) => before.rows.find((r) => r.unit_code === c && r.level === row.level))
		.filter((r): r is R => r !== undefined);
}

/** The new unit an old unit went into (from the next era's predecessor codes). */
export function successorRow<R extends UnitRow>(
	eras: PublishedEra<R>[],
	era: PublishedEra<R>,
	code: string
): R | undefined {
	const next = eras[eras.indexOf(era) + 1];
	return next?.rows.find(
		(r) => r.level === 'commune' && (r.predecessor_codes ?? '').split(';').includes(code)
	);
}

/** A unit of a list with eras, as a page gets it (the published `units` table's columns). */
export type UnitWithEra = Unit & {
	valid_from?: string | null;
	valid_to?: string | null;
	predecessor_codes?: string | null;
};

/**
 * The eras of a published unit list, rebuilt where only the list is at hand (the browser's report
 * check): each era's units under the top unit, the predecessors from predecessor_codes.
 */
export function erasFromList(top: { code: string; name: string }, units: UnitWithEra[]): UnitEra[] {
	const froms = [...new Set(units.map((u) => u.valid_from ?? ''))].sort();
	const geos = froms.map((from) => {
		const these = units.filter((u) => (u.valid_from ?? '') === from);
		const own = these.find((u) => u.level === 'province');
		return {
			from,
			these,
			geo: buildGeography(
				{ code: top.code, name: own?.name ?? top.name },
				these.filter((u) => u.level !== 'province')
			)
		};
	});
	const later = geos.slice(1).map(({ from, these, geo }, i): UnitEra => {
		const before = geos[i].geo;
		const predecessors = new Map<string, Unit[]>();
		for (const u of these)
			if (u.predecessor_codes)
				predecessors.set(
					u.code,
					u.predecessor_codes
						.split(';')
						.map((c) => before.byCode.get(c))
						.filter((x): x is Unit => x !== undefined)
				);
		return { from, until: null, geo, predecessors };
	});
	return chainEras(geos[0]?.geo ?? buildGeography(top, []), later);
}

/** The years (of those given) whose figures are keyed by an era's units. */
export function yearsOfEra<R extends UnitRow>(
	eras: PublishedEra<R>[],
	era: PublishedEra<R>,
	years: number[]
): number[] {
	return years.filter((y) => publishedEraOfYear(eras, y) === era);
}

/** One unit a code names: in one era, with the years that are its own and its links across eras. */
export interface CodeInEra<R extends UnitRow = UnitRow> {
	era: PublishedEra<R>;
	/** the era's place, 0 for the plan's first units */
	index: number;
	row: R;
	/** the years (of those given) whose figures are this unit's */
	years: number[];
	/** a new unit's old units (named from the era before) */
	predecessors: R[];
	/** an old commune's new unit (from the era after) */
	successor?: R;
}

/**
 * The units a code names, one per era it is used in, oldest first. A reused code (new 23293
 * Phường Kon Tum, old 23293 Phường Thắng Lợi) gives two units, each with its own years: their
 * figures are never one series.
 */
export function unitsOfCode<R extends UnitRow>(
	rows: R[],
	code: string,
	years: number[]
): CodeInEra<R>[] {
	const eras = publishedEras(rows);
	const out: CodeInEra<R>[] = [];
	eras.forEach((era, index) => {
		const row = era.rows.find((r) => String(r.unit_code) === code && r.level !== 'province');
		if (!row) return;
		out.push({
			era,
			index,
			row,
			years: yearsOfEra(eras, era, years),
			predecessors: predecessorRows(eras, era, code),
			successor: successorRow(eras, era, code)
		});
	});
	return out;
}

/** Code → name of the units a year's figures are keyed by (the era in force on its last day). */
export function namesOfYear<R extends UnitRow>(rows: R[], year: number): Map<string, string> {
	return new Map(unitRowsOfYear(rows, year).map((r) => [String(r.unit_code), String(r.name)]));
}

/**
 * The name a series over `years` carries for a code: its one name, or its names era by era
 * joined with " / " when the code names a unit by another name in a later era (a district and
 * the former area of the same ground: "Huyện Đắk Hà / Khu vực huyện Đắk Hà cũ").
 */
export function nameOverYears<R extends UnitRow>(rows: R[], code: string, years: number[]): string {
	const names: string[] = [];
	for (const y of years) {
		const name = namesOfYear(rows, y).get(code);
		if (name !== undefined && !names.includes(name)) names.push(name);
	}
	return names.join(' / ') || code;
}

/** Lower case, no diacritics, single spaces: what a unit search compares. */
export const searchFold = (s: string): string =>
	foldDiacritics(s.normalize('NFC')).toLowerCase().replace(/\s+/g, ' ').trim();

/** One unit of one era as a search finds it. */
export interface SearchEntry<R extends UnitRow = UnitRow> extends CodeInEra<R> {
	/**
	 * What the search matches (folded): the unit's own name and code, and the names of the units
	 * it became or came from, so an old name finds the new unit and a new name the old ones.
	 */
	key: string;
}

/** Every district and commune of every era, with the text a search over old and new names matches. */
export function unitSearchEntries<R extends UnitRow>(rows: R[]): SearchEntry<R>[] {
	const eras = publishedEras(rows);
	const out: SearchEntry<R>[] = [];
	eras.forEach((era, index) => {
		for (const row of era.rows) {
			if (row.level === 'province') continue;
			const code = String(row.unit_code);
			const predecessors = predecessorRows(eras, era, code);
			const successor = successorRow(eras, era, code);
			const related = [...predecessors, ...(successor ? [successor] : [])].map((r) =>
				searchFold(String(r.name))
			);
			out.push({
				era,
				index,
				row,
				years: [],
				predecessors,
				successor,
				key: [searchFold(String(row.name)), code, ...related].join(' | ')
			});
		}
	});
	return out;
}

/** The entries a query finds (diacritics and case ignored; a code by its first digits). */
export function findUnits<R extends UnitRow>(
	entries: SearchEntry<R>[],
	query: string
): SearchEntry<R>[] {
	const q = searchFold(query);
	if (q === '') return entries;
	return entries.filter((e) => e.key.includes(q) || String(e.row.unit_code).startsWith(q));
}

/** "2025-07-01" → "1/7/2025" (vi) or "1 July 2025" (en). */
export function eraDay(iso: string, lang: 'vi' | 'en'): string {
	const [y, m, d] = iso.split('-').map(Number);
	if (lang === 'vi') return `${d}/${m}/${y}`;
	return `${d} ${MONTH_NAMES_EN[m - 1]} ${y}`;
}

/** The published `units` rows (cells of any type) as unit rows. */
export function toUnitRows(rows: Record<string, unknown>[]): (UnitRow & { type: string })[] {
	const s = (v: unknown) => (v === null || v === undefined ? '' : String(v));
	return rows.map((r) => ({
		...r,
		unit_code: s(r.unit_code),
		name: s(r.name),
		type: s(r.type),
		level: s(r.level),
		district_code: s(r.district_code),
		valid_from: s(r.valid_from),
		valid_to: s(r.valid_to),
		predecessor_codes: s(r.predecessor_codes)
	}));
}
