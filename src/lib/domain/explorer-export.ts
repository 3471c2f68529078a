/**
 * What the explorer's words and downloads say about a selection. The district table is the
 * selection's breakdown filters split by district (its own district and commune filters set
 * aside, like every grouping), so each of its rows describes that row's district, never the
 * district chosen: a row's `filters` cell is true of that row.
 */
import { breakdowns, categoryLabel, cubeRates, type Lang } from './breakdowns';
import type { CsvCell } from './csv';
import { chosen, measures, rateColumn, type ExplorerFilters, type ExplorerRow } from './explorer';
import { t, tf } from './i18n';

export interface UnitNames {
	district: Record<string, string>;
	commune: Record<string, string>;
}

/** "Dạng tật: Khuyết tật nhìn · Huyện: Đắk Glei", or the no-filter words. */
export function describeFilters(f: ExplorerFilters, lang: Lang, names: UnitNames): string {
	const parts: string[] = [];
	for (const b of breakdowns)
		if (chosen(f, b.id).length)
			parts.push(
				`${b.label[lang]}: ${chosen(f, b.id)
					.map((c) => categoryLabel(b.id, c, lang))
					.join(', ')}`
			);
	if (f.district.length)
		parts.push(`${t(lang, 'district')}: ${f.district.map((c) => names.district[c]).join(', ')}`);
	if (f.commune.length)
		parts.push(`${t(lang, 'commune')}: ${f.commune.map((c) => names.commune[c]).join(', ')}`);
	return parts.length ? parts.join(' · ') : t(lang, 'noFilter');
}

/** The filters one row of the district table answers: the breakdowns chosen, in that district. */
export const districtRowFilters = (f: ExplorerFilters, code: string): ExplorerFilters => ({
	...f,
	district: [code],
	commune: []
});

/**
 * The explorer's counts, then its rates (Kon Tum: children, accessed, skills, access_rate,
 * skills_rate).
 */
export const exportMeasures: readonly string[] = [
	...measures,
	...cubeRates.map((r) => rateColumn(r.id))
];
/** Counts and the year are whole numbers (INT32 in Parquet); rates are percentages (DOUBLE). */
export const integerColumns = new Set(['year', ...measures]);

/** One district's row: its code and its cells. */
export interface DistrictTableRow {
	code: string;
	cells: ExplorerRow;
}

export interface TableExport {
	columns: string[];
	rows: Record<string, CsvCell>[];
	/** what the file holds, said in the file (CSV `#` lines, Parquet key-value metadata) */
	notes: string[];
	/** the file's name without extension: what it holds, in ASCII */
	name: string;
	/** what the download holds, for its button */
	label: string;
}

/** The district table of one year as a file: its rows, each described truly, and what it holds. */
export function districtTableExport(
	shown: ExplorerFilters,
	rows: DistrictTableRow[],
	lang: Lang,
	names: UnitNames,
	notice?: string
): TableExport {
	const picked = breakdowns.filter((b) => chosen(shown, b.id).length > 0);
	const group = picked.length
		? describeFilters({ ...shown, district: [], commune: [] }, lang, names)
		: t(lang, 'allChildren');
	const what = tf(lang, 'downloadTableHolds', { n: rows.length, year: shown.year });
	const suffix = picked
		.map((b) => `-${b.id.replace(/_/g, '-')}-${chosen(shown, b.id).join('+')}`)
		.join('');
	return {
		columns: [
			'district_code',
			'district',
			'year',
			...exportMeasures,
			...exportMeasures.map((m) => `${m}_suppressed`),
			'filters'
		],
		rows: rows.map((r) => ({
			district_code: r.code,
			district: names.district[r.code],
			year: shown.year,
			...Object.fromEntries(
				exportMeasures.flatMap((m) => [
					[m, r.cells[m].value],
					[`${m}_suppressed`, r.cells[m].suppressed]
				])
			),
			filters: describeFilters(districtRowFilters(shown, r.code), lang, names)
		})),
		notes: [
			...(notice ? [notice] : []),
			tf(lang, 'downloadTableNote', { what, group }),
			t(lang, 'downloadTableRowNote')
		],
		name: `phan-tich-theo-huyen-${shown.year}${suffix}`,
		label: what
	};
}
