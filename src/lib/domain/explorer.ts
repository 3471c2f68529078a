/**
 * The analyst explorer's questions as SQL over the protected cube (or an analyst's own,
 * unprotected upload turned into the same cube). A filter on a breakdown sums its chosen
 * categories; no filter reads the breakdown's "all" cells, so nothing is counted twice. A sum
 * that touches a suppressed cell is suppressed: with complementary suppression, no total of
 * published cells can then single out a hidden one.
 */
import { ALL, breakdowns, type BreakdownId } from './breakdowns';

export interface ExplorerFilters {
	disability_type: string[];
	severity: string[];
	sex: string[];
	age_band: string[];
	ethnicity: string[];
	district: string[];
	/** communes (of one district): the cube has only totals and one breakdown at a time for them */
	commune: string[];
	year: number;
}

export type ExplorerDim = BreakdownId | 'district' | 'commune';
export const explorerDims: ExplorerDim[] = [...breakdowns.map((b) => b.id), 'district', 'commune'];

export const measures = ['children', 'accessed', 'skills'] as const;

export function emptyFilters(year: number): ExplorerFilters {
	return {
		disability_type: [],
		severity: [],
		sex: [],
		age_band: [],
		ethnicity: [],
		district: [],
		commune: [],
		year
	};
}

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
const list = (xs: string[]) => xs.map(q).join(', ');

export type CubeLevel = 'province' | 'district' | 'commune';
export const cubeLevels: CubeLevel[] = ['province', 'district', 'commune'];

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
		else if (f[b.id].length > 0) parts.push(`${b.id} IN (${list(f[b.id])})`);
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

const sums = measures
	.map(
		(m) => `sum(${m})::DOUBLE AS ${m}, coalesce(bool_or(${m}_suppressed), false) AS ${m}_suppressed`
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

export interface ExplorerRow {
	children: Cell;
	accessed: Cell;
	skills: Cell;
	access_rate: Cell;
	skills_rate: Cell;
}

type Raw = Record<string, string | number | boolean | null>;

/** Reads one aggregated row: suppressed sums stay hidden, rates only on published counts ≥ 5. */
export function readRow(r: Raw, minDenominator = 5): ExplorerRow {
	const cell = (m: string): Cell =>
		r[`${m}_suppressed`] === true
			? { value: null, suppressed: true }
			: { value: r[m] === null || r[m] === undefined ? null : Number(r[m]), suppressed: false };
	const children = cell('children');
	const rate = (num: Cell): Cell => {
		if (children.suppressed || num.suppressed) return { value: null, suppressed: true };
		if (children.value === null || children.value === 0 || num.value === null)
			return { value: null, suppressed: false };
		if (children.value < minDenominator) return { value: null, suppressed: true };
		return { value: Math.round((num.value * 1000) / children.value) / 10, suppressed: false };
	};
	const accessed = cell('accessed');
	const skills = cell('skills');
	return { children, accessed, skills, access_rate: rate(accessed), skills_rate: rate(skills) };
}

/**
 * Commune cells exist for totals and one breakdown at a time (finer ones would be almost all
 * hidden): with communes chosen, at most one breakdown can be filtered.
 */
export function communeFilterAllowed(f: ExplorerFilters): boolean {
	return breakdowns.filter((b) => f[b.id].length > 0).length <= 1;
}

/** Filters ⇄ query string. */
export function filtersToParams(f: ExplorerFilters, defaultYear: number): Record<string, string> {
	const out: Record<string, string> = {};
	for (const d of explorerDims) if (f[d].length > 0) out[d] = f[d].join(',');
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
	total: RawRow;
	trend: RawRow[];
	groups: Record<string, RawRow[]>;
}

/**
 * Every part of one explorer view (total, trend, one grouping per dimension) as one statement,
 * giving exactly what totalSql, trendSql and groupedSql give one by one. In DuckDB-WASM a
 * statement's planning, not its scan of a few thousand rows, is most of its time, and each query
 * crosses to a worker and back; so the view is one statement with as few parts as can be: one
 * pass over the chosen units' rows tags each row with every part it counts in (total, trend,
 * each breakdown's grouping), then the districts' and the communes' groupings, then one
 * aggregation.
 */
export function explorerViewSql(f: ExplorerFilters, table = 'cube'): string {
	const cols = measures.flatMap((m) => [m, `${m}_suppressed`]).join(', ');
	const year = Number(f.year);
	const match = (id: BreakdownId) =>
		f[id].length > 0 ? `${id} IN (${list(f[id])})` : `${id} = '${ALL}'`;
	const and = (conds: string[]) => (conds.length > 0 ? conds.join(' AND ') : 'true');
	const all = and(breakdowns.map((b) => match(b.id)));
	const tags = [
		`CASE WHEN year = ${year} AND ${all} THEN {'p': 0, 'k': NULL::VARCHAR} END`,
		`CASE WHEN ${all} THEN {'p': 1, 'k': CAST(year AS VARCHAR)} END`,
		...breakdowns.map(
			(b, i) =>
				`CASE WHEN year = ${year} AND ${b.id} <> '${ALL}' AND ${and(breakdowns.filter((o) => o.id !== b.id).map((o) => match(o.id)))} THEN {'p': ${i + 2}, 'k': ${b.id}} END`
		)
	];
	const units =
		f.commune.length > 0
			? `unit_code IN (${list(f.commune)})`
			: f.district.length > 0
				? `unit_code IN (${list(f.district)})`
				: 'true';
	const part = (dim: ExplorerDim) => explorerDims.indexOf(dim) + 2;
	const parts = [
		`SELECT unnest(list_filter([${tags.join(', ')}], t -> t IS NOT NULL)) AS tag, ${cols} FROM ${levelTable(table, levelOf(f))} WHERE ${units}`,
		`SELECT {'p': ${part('district')}, 'k': unit_code}, ${cols} FROM ${levelTable(table, 'district', year)} WHERE ${all}`
	];
	if (f.district.length > 0)
		parts.push(
			`SELECT {'p': ${part('commune')}, 'k': unit_code}, ${cols} FROM ${levelTable(table, 'commune', year)} WHERE district_code IN (${list(f.district)}) AND ${all}`
		);
	return `SELECT tag.p AS part, tag.k AS key, ${sums} FROM (\n${parts.join('\nUNION ALL ')}\n) GROUP BY tag.p, tag.k ORDER BY part, key`;
}

/** Every query of one explorer view, on whichever engine `query` runs. */
export async function runExplorerQueries(
	query: (sql: string) => Promise<RawRow[]>,
	f: ExplorerFilters,
	table = 'cube'
): Promise<ExplorerResult> {
	const rows = await query(explorerViewSql(f, table));
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
	const result: ExplorerResult = { total, trend: [], groups: {} };
	for (const d of explorerDims) result.groups[d] = [];
	for (const r of rows) {
		const part = Number(r.part);
		if (part === 0) result.total = values(r);
		else if (part === 1) result.trend.push({ year: Number(r.key), ...values(r) });
		else result.groups[explorerDims[part - 2]].push({ category: r.key, ...values(r) });
	}
	return result;
}
