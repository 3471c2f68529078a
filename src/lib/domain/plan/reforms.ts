/**
 * A plan's reorganisations of its units (geography.reforms) as the general runtime carries them:
 * where each one's crosswalk (and boundaries) are published in the plan's folder, a check of the
 * crosswalk against the plan's unit list, and the notice an overview shows where the present is
 * meant. The general runtime publishes a reform; it does not apply it: every year's figures stay
 * keyed by the plan's own unit list (a unit merged mid-year is kept for that year, the version
 * valid last in it). Pure: the caller reads the files.
 */
import type { Label } from '../breakdowns';
import { readCsvText } from '../intake/csv-stream';
import type { PlanSpec, Reform } from './types';

/** The columns a crosswalk must have (data/geo/kontum-2025/crosswalk.csv has more). */
export const CROSSWALK_COLUMNS = [
	'new_code',
	'new_name',
	'new_type',
	'old_code',
	'old_name',
	'whole_or_part'
] as const;

/** Where a reform's crosswalk is published, relative to the plan's folder. */
export const crosswalkPath = (r: Pick<Reform, 'from'>) => `geo/crosswalk-${r.from}.csv`;

/** Where a reform's boundaries are published (named by the plan's lowest level and the date). */
export const reformBoundariesPath = (spec: Pick<PlanSpec, 'geography'>, r: Pick<Reform, 'from'>) =>
	`geo/${spec.geography.levels.at(-1)!.id}-${r.from}.geojson`;

export interface CrosswalkRow {
	new_code: string;
	new_name: string;
	new_type: string;
	old_code: string;
	old_name: string;
	whole_or_part: string;
	[column: string]: string;
}

export interface CrosswalkProblem {
	row: number;
	column: string;
	value: string;
	vi: string;
	en: string;
}

/**
 * Reads a crosswalk and checks it: the columns above, at least one row, `whole` or `part`, each
 * old code once per new unit, and at least one old code that is a unit of the plan (`planCodes`,
 * the units in force the day before the reform; the other rows may be units outside the plan's
 * area that went into the same new unit). A plan unit named with another name is refused: the
 * codes are reused across reforms, so a name that disagrees means the wrong code.
 */
export function readCrosswalk(
	text: string,
	planUnits: Map<string, string>
): { rows: CrosswalkRow[]; problems: CrosswalkProblem[] } {
	const rows: CrosswalkRow[] = [];
	const problems: CrosswalkProblem[] = [];
	const bad = (row: number, column: string, value: string, vi: string, en: string) =>
		problems.push({ row, column, value, vi, en });
	let header: string[] = [];
	readCsvText(text, {
		header(cells, line) {
			header = cells.map((c) => c.trim());
			const missing = CROSSWALK_COLUMNS.filter((c) => !header.includes(c));
			if (missing.length > 0)
				bad(
					line,
					'',
					header.join(','),
					`Bảng chuyển đổi thiếu cột: ${missing.join(', ')}.`,
					`The crosswalk lacks the columns: ${missing.join(', ')}.`
				);
		},
		row(line, cells) {
			const r = Object.fromEntries(
				header.map((h, i) => [h, (cells[i] ?? '').trim()])
			) as CrosswalkRow;
			if (r.whole_or_part !== 'whole' && r.whole_or_part !== 'part')
				bad(
					line,
					'whole_or_part',
					r.whole_or_part,
					'whole_or_part phải là "whole" hoặc "part".',
					'whole_or_part must be "whole" or "part".'
				);
			if (r.new_code === '' || r.old_code === '')
				bad(line, 'old_code', '', 'Ghi cả mã mới và mã cũ.', 'Give both the new and the old code.');
			const name = planUnits.get(r.old_code);
			if (name !== undefined && fold(name) !== fold(r.old_name))
				bad(
					line,
					'old_name',
					r.old_name,
					`Mã ${r.old_code} là "${name}" trong danh sách đơn vị của kế hoạch: kiểm tra lại mã.`,
					`Code ${r.old_code} is "${name}" in the plan's unit list: check the code.`
				);
			if (rows.some((x) => x.old_code === r.old_code && x.new_code === r.new_code))
				bad(
					line,
					'old_code',
					r.old_code,
					`Mã cũ ${r.old_code} ghi hai lần cho cùng đơn vị mới ${r.new_code}.`,
					`Old code ${r.old_code} is written twice for the same new unit ${r.new_code}.`
				);
			rows.push(r);
		},
		broken(line) {
			bad(
				line,
				'',
				'',
				'Dòng không đọc được (dấu ngoặc kép chưa đóng?).',
				'The row cannot be read (an unclosed quote?).'
			);
		}
	});
	if (problems.length === 0 && !rows.some((r) => planUnits.has(r.old_code)))
		bad(
			0,
			'old_code',
			'',
			'Bảng chuyển đổi không có đơn vị nào của kế hoạch (mã cũ): kiểm tra tệp.',
			'The crosswalk names none of the plan’s units (old codes): check the file.'
		);
	return { rows, problems };
}

const fold = (s: string) => s.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');

/** What an overview says of a reform, and what the catalogue says of the present area. */
export interface ReformNote {
	from: string;
	label: Label;
	source: string;
	/** the plan's area as named from `from` (null: the plan does not say) */
	area: Label | null;
	/** the published crosswalk's path in the plan's folder (null: not published) */
	crosswalk: string | null;
	/** the year of `from` when it lies in the plan's years: its figures are still the old units' */
	straddledYear: number | null;
}

export function reformNotes(
	spec: Pick<PlanSpec, 'geography' | 'years'>,
	publishedFiles: string[] | null
): ReformNote[] {
	return [...spec.geography.reforms]
		.sort((a, b) => a.from.localeCompare(b.from))
		.map((r) => {
			const year = Number(r.from.slice(0, 4));
			return {
				from: r.from,
				label: r.label,
				source: r.source,
				area: r.area ?? null,
				crosswalk: publishedFiles?.includes(crosswalkPath(r)) ? crosswalkPath(r) : null,
				straddledYear: year >= spec.years.first && year <= spec.years.last ? year : null
			};
		});
}

/** The plan's area as named now: the latest reform's that names one (null: none does). */
export function presentArea(notes: ReformNote[]): { from: string; area: Label } | null {
	const last = [...notes].reverse().find((n) => n.area !== null);
	return last ? { from: last.from, area: last.area! } : null;
}
