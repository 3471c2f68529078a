/**
 * The analyst explorer's questions as SQL over the protected cube (or an analyst's own,
 * unprotected upload turned into the same cube). A filter on a breakdown sums its chosen
 * categories; no filter reads the breakdown's "all" cells, so nothing is counted twice. A sum
 * that touches a suppressed cell is suppressed (a cell whose flag is missing counts as hidden):
 * with complementary suppression, no total of published cells can then single out a hidden one.
 *
 * Each level publishes cells that combine at most `depth[level]` breakdowns (the manifest's
 * `protection.breakdownDepth`). A part of a view that needs more is not published at its level:
 * it is never asked of the engine, never pieced together from other rows, and the page says so.
 */
import { ALL, breakdowns, cubeRates, type BreakdownId } from './breakdowns';

/**
 * The chosen categories per dimension (none chosen: all) and the year. The breakdowns are the home
 * plan's (Kon Tum: `disability_type`, `sex`, …), so they sit under an index: read them with `chosen`.
 */
export interface ExplorerFilters {
	[breakdown: BreakdownId]: string[] | number;
	district: string[];
	/** communes (of one district): the cube has what the commune level publishes for them */
	commune: string[];
	year: number;
}

export type ExplorerDim = BreakdownId | 'district' | 'commune';
export const explorerDims: ExplorerDim[] = [...breakdowns.map((b) => b.id), 'district', 'commune'];

/** The categories chosen of one dimension (none: all of them). */
export function chosen(f: ExplorerFilters, d: ExplorerDim): string[] {
	return (f[d] as string[] | undefined) ?? [];
}

/**
 * The counts the explorer reads: those the plan's rates over the cube are made of, each rate's
 * denominator then its numerator (Kon Tum: children, accessed, skills).
 */
export const measures: readonly string[] = [
	...new Set(cubeRates.flatMap((r) => [r.denominator, r.numerator]))
];

export function emptyFilters(year: number): ExplorerFilters {
	const none = Object.fromEntries(breakdowns.map((b) => [b.id, [] as string[]]));
	return { ...none, district: [], commune: [], year };
}

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
const list = (xs: string[]) => xs.map(q).join(', ');

export type CubeLevel = 'province' | 'district' | 'commune';
export const cubeLevels: CubeLevel[] = ['province', 'district', 'commune'];

/** How many breakdowns a cell may combine, per level (the manifest's `protection.breakdownDepth`). */
export type BreakdownDepth = Record<CubeLevel, number>;

/** A part of a view: the selection's total (and its trend), or its grouping by one dimension. */
export type ExplorerPart = 'total' | ExplorerDim;
export const explorerParts: ExplorerPart[] = ['total', ...explorerDims];

/** Whether a part of a view is published, and if not, which coarser level publishes it. */
export interface PartPublication {
	/** the level whose cells the part reads */
	level: CubeLevel;
	/** the breakdowns its cells combine: the filtered ones, and the grouped one */
	breakdowns: BreakdownId[];
	/** how many that level publishes */
	allowed: number;
	published: boolean;
	/** when not published: the nearest coarser level that publishes the same combination, if any */
	answeredBy: CubeLevel | null;
}

/** Coarser levels first to last: a commune's district, then the province. */
const coarser: Record<CubeLevel, CubeLevel[]> = {
	commune: ['district', 'province'],
	district: ['province'],
	province: []
};

export function partPublication(
	f: ExplorerFilters,
	part: ExplorerPart,
	depth: BreakdownDepth
): PartPublication {
	const level = part === 'total' ? levelOf(f) : levelOf(f, part);
	const combined = breakdowns
		.filter((b) => b.id === part || chosen(f, b.id).length > 0)
		.map((b) => b.id);
	return publicationAt(level, combined, depth);
}

/** Whether cells of `level` combining these breakdowns are published (the map and unit pages ask too). */
export function publicationAt(
	level: CubeLevel,
	combined: BreakdownId[],
	depth: BreakdownDepth
): PartPublication {
	const need = combined.length;
	for (const l of cubeLevels) depthAt(depth, l);
	const allowed = depthAt(depth, level);
	const published = need <= allowed;
	return {
		level,
		breakdowns: combined,
		allowed,
		published,
		answeredBy: published ? null : (coarser[level].find((l) => need <= depthAt(depth, l)) ?? null)
	};
}

/** A depth the manifest does not state is a bug: nothing is published on a guess. */
function depthAt(depth: BreakdownDepth, level: CubeLevel): number {
	const d = depth?.[level];
	if (typeof d !== 'number' || !Number.isInteger(d) || d < 0)
		throw new Error(`breakdown depth of level ${level} missing or invalid: ${String(d)}`);
	return d;
}

/** Every part of a view: published or not. */
export function viewPublication(
	f: ExplorerFilters,
	depth: BreakdownDepth
): Record<ExplorerPart, PartPublication> {
	return Object.fromEntries(explorerParts.map((p) => [p, partPublication(f, p, depth)])) as Record<
		ExplorerPart,
		PartPublication
	>;
}

/**
 * The filters that show a part at the level that publishes it: the commune's district (communes
 * cleared), or the province (districts and communes cleared). Breakdown filters are kept.
 */
export function filtersAtLevel(f: ExplorerFilters, level: CubeLevel): ExplorerFilters {
	if (level === 'province') return { ...f, district: [], commune: [] };
	if (level === 'district') return { ...f, commune: [] };
	return f;
}

/** The measures the explorer reads, each with its `<measure>_suppressed` flag. */
export function missingFlags(columns: string[]): string[] {
	return measures.flatMap((m) => [m, `${m}_suppressed`]).filter((c) => !columns.includes(c));
}

/** The level of units a query reads: chosen communes, chosen districts, or the province. */
function levelOf(f: ExplorerFilters, except?: ExplorerDim): CubeLevel {
	if (except === 'district' || except === 'commune') return except;
	if (f.commune.length > 0) return 'commune';
	if (f.district.length > 0) return 'district';
	return 'province';
}

/**
 * The cube split by level (`cube_province`, …, all years, for trends) and by level and year
 * (`cube_province_2025`, …), made once after the cube is loaded. Each part of a view then reads
 * only its level's rows for its year: a few thousand rows, not the whole cube nine times over.
 */
export function levelTablesSql(years: number[], table = 'cube'): string[] {
	return cubeLevels.flatMap((level) => [
		`CREATE OR REPLACE TABLE ${table}_${level} AS SELECT * FROM ${table} WHERE level = '${level}' ORDER BY year`,
		...years.map(
			(y) =>
				`CREATE OR REPLACE TABLE ${levelTable(table, level, y)} AS SELECT * FROM ${table}_${level} WHERE year = ${Number(y)}`
		)
	]);
}

/** The table a query reads: one level, and one year unless it spans them (trends). */
function levelTable(table: string, level: CubeLevel, year?: number): string {
	return year === undefined ? `${table}_${level}` : `${table}_${level}_${Number(year)}`;
}

/**
 * WHERE clause for the filters, leaving out `except` (the dimension being grouped by) and
 * optionally the year (for trends).
 */
function where(
	f: ExplorerFilters,
	opts: { except?: ExplorerDim; allYears?: boolean } = {}
): string {
	const parts: string[] = [];
	if (!opts.allYears) parts.push(`year = ${Number(f.year)}`);
	for (const b of breakdowns) {
		if (b.id === opts.except) parts.push(`${b.id} <> '${ALL}'`);
		else if (chosen(f, b.id).length > 0) parts.push(`${b.id} IN (${list(chosen(f, b.id))})`);
		else parts.push(`${b.id} = '${ALL}'`);
	}
	if (opts.except === 'district') parts.push(`level = 'district'`);
	else if (opts.except === 'commune')
		parts.push(
			f.district.length > 0
				? `level = 'commune' AND district_code IN (${list(f.district)})`
				: 'false'
		);
	else if (f.commune.length > 0)
		parts.push(`level = 'commune' AND unit_code IN (${list(f.commune)})`);
	else if (f.district.length > 0)
		parts.push(`level = 'district' AND unit_code IN (${list(f.district)})`);
	else parts.push(`level = 'province'`);
	return parts.join(' AND ');
}

// A row whose flag is NULL is a bug in the published file: it counts as hidden, never as shown.
const sums = measures
	.map(
		(m) =>
			`sum(${m})::DOUBLE AS ${m}, coalesce(bool_or(${m}_suppressed IS NOT FALSE), false) AS ${m}_suppressed`
	)
	.join(', ');

/** Totals of the filtered population, grouped by one dimension (its own filter ignored: cross-filter). */
export function groupedSql(f: ExplorerFilters, by: ExplorerDim, table = 'cube'): string {
	const col = by === 'district' || by === 'commune' ? 'unit_code' : by;
	return `SELECT ${col} AS category, ${sums} FROM ${levelTable(table, levelOf(f, by), f.year)} WHERE ${where(f, { except: by })} GROUP BY ${col} ORDER BY ${col}`;
}

/** The filtered population per year, for the trend view. */
export function trendSql(f: ExplorerFilters, table = 'cube'): string {
	return `SELECT year, ${sums} FROM ${table}_${levelOf(f)} WHERE ${where(f, { allYears: true })} GROUP BY year ORDER BY year`;
}

/** The filtered population's totals for the selected year. */
export function totalSql(f: ExplorerFilters, table = 'cube'): string {
	return `SELECT ${sums} FROM ${levelTable(table, levelOf(f), f.year)} WHERE ${where(f)}`;
}

export interface Cell {
	value: number | null;
	suppressed: boolean;
}

/**
 * One aggregated row: a cell per measure, and per rate of the plan `<rate id>_rate` (Kon Tum:
 * children, accessed, skills, access_rate, skills_rate).
 */
export type ExplorerRow = Record<string, Cell>;

/** The column of a rate in an explorer row and its downloads (Kon Tum: `access_rate`). */
export const rateColumn = (rateId: string) => `${rateId}_rate`;

type Raw = Record<string, string | number | boolean | null>;

/**
 * Reads one aggregated row: suppressed sums stay hidden, rates only on published denominators of
 * at least `minDenominator` children. A row without a flag is a bug, and says so.
 */
export function readRow(r: Raw, minDenominator = 5): ExplorerRow {
	const cell = (m: string): Cell => {
		const flag = r[`${m}_suppressed`];
		if (typeof flag !== 'boolean') throw new Error(`${m}_suppressed missing: ${String(flag)}`);
		return flag
			? { value: null, suppressed: true }
			: { value: r[m] === null || r[m] === undefined ? null : Number(r[m]), suppressed: false };
	};
	const rate = (num: Cell, den: Cell): Cell => {
		if (den.suppressed || num.suppressed) return { value: null, suppressed: true };
		if (den.value === null || den.value === 0 || num.value === null)
			return { value: null, suppressed: false };
		if (den.value < minDenominator) return { value: null, suppressed: true };
		return { value: Math.round((num.value * 1000) / den.value) / 10, suppressed: false };
	};
	const row: ExplorerRow = {};
	for (const m of measures) row[m] = cell(m);
	for (const x of cubeRates) row[rateColumn(x.id)] = rate(row[x.numerator], row[x.denominator]);
	return row;
}

/** A plain copy (of reactive state too). */
export function copyFilters(f: ExplorerFilters): ExplorerFilters {
	const out = { ...emptyFilters(f.year) };
	for (const d of explorerDims) out[d] = [...chosen(f, d)];
	return out;
}

/** Same filters, whatever the order of the chosen values. */
export function sameFilters(a: ExplorerFilters, b: ExplorerFilters): boolean {
	const key = (x: string[]) => [...x].sort().join(',');
	return a.year === b.year && explorerDims.every((d) => key(chosen(a, d)) === key(chosen(b, d)));
}

/** Filters ⇄ query string. */
export function filtersToParams(f: ExplorerFilters, defaultYear: number): Record<string, string> {
	const out: Record<string, string> = {};
	for (const d of explorerDims) if (chosen(f, d).length > 0) out[d] = chosen(f, d).join(',');
	if (f.year !== defaultYear) out.year = String(f.year);
	return out;
}

export function filtersFromParams(
	params: URLSearchParams,
	allowed: Record<ExplorerDim, string[]>,
	years: number[],
	defaultYear: number
): ExplorerFilters {
	const f = emptyFilters(defaultYear);
	for (const d of explorerDims) {
		const raw = params.get(d);
		if (raw) f[d] = raw.split(',').filter((v) => allowed[d].includes(v));
	}
	const y = Number(params.get('year'));
	if (years.includes(y)) f.year = y;
	return f;
}

export type RawRow = Record<string, string | number | boolean | null>;

export interface ExplorerResult {
	/** what the result answers: its numbers belong under these filters, and no others */
	filters: ExplorerFilters;
	table: string;
	/** per part: published at its level (an unpublished part has no total, trend or rows) */
	published: Record<ExplorerPart, boolean>;
	/** null when the selection is not published at its level */
	total: RawRow | null;
	trend: RawRow[];
	groups: Record<string, RawRow[]>;
}

/**
 * Every published part of one explorer view (total, trend, one grouping per dimension) as one
 * statement, giving exactly what totalSql, trendSql and groupedSql give one by one; null when no
 * part is published. A part `depth` does not publish is left out of the statement altogether.
 * In DuckDB-WASM a statement's planning, not its scan of a few thousand rows, is most of its time, and each query
 * crosses to a worker and back; so the view is one statement with as few parts as can be: one
 * pass over the chosen units' rows tags each row with every part it counts in (total, trend,
 * each breakdown's grouping), then the districts' and the communes' groupings, then one
 * aggregation.
 */
export function explorerViewSql(
	f: ExplorerFilters,
	depth: BreakdownDepth,
	table = 'cube'
): string | null {
	const pub = viewPublication(f, depth);
	const cols = measures.flatMap((m) => [m, `${m}_suppressed`]).join(', ');
	const year = Number(f.year);
	const match = (id: BreakdownId) =>
		chosen(f, id).length > 0 ? `${id} IN (${list(chosen(f, id))})` : `${id} = '${ALL}'`;
	const and = (conds: string[]) => (conds.length > 0 ? conds.join(' AND ') : 'true');
	const all = and(breakdowns.map((b) => match(b.id)));
	const tags = [
		...(pub.total.published
			? [
					`CASE WHEN year = ${year} AND ${all} THEN {'p': 0, 'k': NULL::VARCHAR} END`,
					`CASE WHEN ${all} THEN {'p': 1, 'k': CAST(year AS VARCHAR)} END`
				]
			: []),
		...breakdowns.flatMap((b, i) =>
			pub[b.id].published
				? [
						`CASE WHEN year = ${year} AND ${b.id} <> '${ALL}' AND ${and(breakdowns.filter((o) => o.id !== b.id).map((o) => match(o.id)))} THEN {'p': ${i + 2}, 'k': ${b.id}} END`
					]
				: []
		)
	];
	const units =
		f.commune.length > 0
			? `unit_code IN (${list(f.commune)})`
			: f.district.length > 0
				? `unit_code IN (${list(f.district)})`
				: 'true';
	const part = (dim: ExplorerDim) => explorerDims.indexOf(dim) + 2;
	const parts: string[] = [];
	if (tags.length > 0)
		parts.push(
			`SELECT unnest(list_filter([${tags.join(', ')}], t -> t IS NOT NULL)) AS tag, ${cols} FROM ${levelTable(table, levelOf(f))} WHERE ${units}`
		);
	if (pub.district.published)
		parts.push(
			`SELECT {'p': ${part('district')}, 'k': unit_code} AS tag, ${cols} FROM ${levelTable(table, 'district', year)} WHERE ${all}`
		);
	if (f.district.length > 0 && pub.commune.published)
		parts.push(
			`SELECT {'p': ${part('commune')}, 'k': unit_code} AS tag, ${cols} FROM ${levelTable(table, 'commune', year)} WHERE district_code IN (${list(f.district)}) AND ${all}`
		);
	if (parts.length === 0) return null;
	return `SELECT tag.p AS part, tag.k AS key, ${sums} FROM (\n${parts.join('\nUNION ALL ')}\n) GROUP BY tag.p, tag.k ORDER BY part, key`;
}

/** Every query of one explorer view, on whichever engine `query` runs. */
export async function runExplorerQueries(
	query: (sql: string) => Promise<RawRow[]>,
	f: ExplorerFilters,
	depth: BreakdownDepth,
	table = 'cube'
): Promise<ExplorerResult> {
	const sql = explorerViewSql(f, depth, table);
	const rows = sql === null ? [] : await query(sql);
	const pub = viewPublication(f, depth);
	const values = (r: RawRow) => {
		const out: RawRow = {};
		for (const m of measures) {
			out[m] = r[m];
			out[`${m}_suppressed`] = r[`${m}_suppressed`];
		}
		return out;
	};
	// A total with no rows at all is what totalSql gives then: empty sums, nothing hidden.
	const total: RawRow = {};
	for (const m of measures) {
		total[m] = null;
		total[`${m}_suppressed`] = false;
	}
	const result: ExplorerResult = {
		filters: copyFilters(f),
		table,
		published: Object.fromEntries(explorerParts.map((p) => [p, pub[p].published])) as Record<
			ExplorerPart,
			boolean
		>,
		total: pub.total.published ? total : null,
		trend: [],
		groups: {}
	};
	for (const d of explorerDims) result.groups[d] = [];
	for (const r of rows) {
		const part = Number(r.part);
		if (part === 0) result.total = values(r);
		else if (part === 1) result.trend.push({ year: Number(r.key), ...values(r) });
		else result.groups[explorerDims[part - 2]].push({ category: r.key, ...values(r) });
	}
	return result;
}
