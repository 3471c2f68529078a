/**
 * A plan's unit list (data/geo/<area>/units.csv): every unit with its versions over time, so a
 * district that became a town on 2019-05-01 is "Huyện" in 2018 and "Thị xã" from 2019 on. Pure:
 * the caller reads the file. A year's units are the versions valid on 31 December of that year
 * (or the last one valid in it), linked to their parents, with leaves and descendants.
 */
import { readCsvText } from '../intake/csv-stream';
import type { IntakeIssue } from '../intake/messages';

export const UNIT_LIST_HEADER = [
	'code',
	'name',
	'type',
	'level',
	'parent',
	'valid_from',
	'valid_to'
] as const;

export interface UnitVersion {
	code: string;
	name: string;
	type: string;
	level: string;
	/** null for the plan's area (the single unit of the top level) */
	parent: string | null;
	/** inclusive ISO dates; null = open */
	validFrom: string | null;
	validTo: string | null;
	/** the line of the file it was read from */
	line: number;
}

export interface YearUnit {
	code: string;
	name: string;
	type: string;
	level: string;
	parent: string | null;
	children: string[];
}

export interface YearUnits {
	year: number;
	/** top first, then in file order */
	units: YearUnit[];
	byCode: Map<string, YearUnit>;
	root: string;
	/** units with no children this year: the units records are reported for */
	leaves: Set<string>;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const validIso = (s: string) =>
	ISO.test(s) &&
	!Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
	new Date(s).toISOString().startsWith(s);

function issue(
	file: string,
	row: number,
	column: string,
	value: string,
	vi: string,
	en: string
): IntakeIssue {
	return { file, row, column, value, severity: 'error', message: { vi, en } };
}

/** Parses and checks the list against the plan's levels (top first). */
export function parseUnitList(
	text: string,
	file: string,
	levels: string[]
): { versions: UnitVersion[]; issues: IntakeIssue[] } {
	const issues: IntakeIssue[] = [];
	const versions: UnitVersion[] = [];
	let header = false;
	let headerOk = false;
	readCsvText(text, {
		header(cells, line) {
			header = true;
			headerOk = cells.join(',') === UNIT_LIST_HEADER.join(',');
			if (!headerOk)
				issues.push(
					issue(
						file,
						line,
						'',
						cells.join(','),
						`Dòng tiêu đề phải đúng là "${UNIT_LIST_HEADER.join(',')}".`,
						`The header must be exactly "${UNIT_LIST_HEADER.join(',')}".`
					)
				);
		},
		row(line, cells) {
			if (!headerOk) return;
			const at = (k: number) => (cells[k] ?? '').trim();
			const v: UnitVersion = {
				code: at(0),
				name: at(1),
				type: at(2),
				level: at(3),
				parent: at(4) === '' ? null : at(4),
				validFrom: at(5) === '' ? null : at(5),
				validTo: at(6) === '' ? null : at(6),
				line
			};
			const bad = (column: string, value: string, vi: string, en: string) =>
				issues.push(issue(file, line, column, value, vi, en));
			if (cells.length !== UNIT_LIST_HEADER.length)
				bad(
					'',
					'',
					`Dòng có ${cells.length} ô, cần 7.`,
					`The row has ${cells.length} cells; 7 are needed.`
				);
			if (v.code === '') bad('code', '', 'Ghi mã đơn vị.', 'Give the unit code.');
			if (v.name === '') bad('name', '', 'Ghi tên đơn vị.', 'Give the unit name.');
			const li = levels.indexOf(v.level);
			if (li < 0)
				bad(
					'level',
					v.level,
					`Cấp phải là một trong: ${levels.join(', ')} (geography.levels của kế hoạch).`,
					`The level must be one of: ${levels.join(', ')} (the plan's geography.levels).`
				);
			if (li === 0 && v.parent !== null)
				bad(
					'parent',
					v.parent,
					'Đơn vị cấp trên cùng không có đơn vị cha: để trống.',
					'The top unit has no parent: leave it empty.'
				);
			if (li > 0 && v.parent === null)
				bad('parent', '', 'Ghi mã đơn vị cấp trên.', 'Give the code of the unit above.');
			for (const [column, d] of [
				['valid_from', v.validFrom],
				['valid_to', v.validTo]
			] as const)
				if (d !== null && !validIso(d))
					bad(
						column,
						d,
						'Ngày phải có dạng YYYY-MM-DD hoặc để trống.',
						'A date must read YYYY-MM-DD, or be empty.'
					);
			if (
				v.validFrom &&
				v.validTo &&
				validIso(v.validFrom) &&
				validIso(v.validTo) &&
				v.validFrom > v.validTo
			)
				bad('valid_to', v.validTo, 'valid_to phải ≥ valid_from.', 'valid_to must be ≥ valid_from.');
			versions.push(v);
		},
		broken(line) {
			issues.push(
				issue(
					file,
					line,
					'',
					'',
					'Dòng không đọc được (dấu ngoặc kép chưa đóng?).',
					'The row cannot be read (an unclosed quote?).'
				)
			);
		}
	});
	if (!header)
		issues.push(
			issue(
				file,
				0,
				'',
				'',
				'Tệp trống: cần dòng tiêu đề và các đơn vị.',
				'The file is empty: it needs the header and the units.'
			)
		);
	if (issues.length > 0) return { versions, issues };

	// versions of one code must not overlap; every parent must be a unit of the level above
	const byCode = new Map<string, UnitVersion[]>();
	for (const v of versions) byCode.set(v.code, [...(byCode.get(v.code) ?? []), v]);
	for (const list of byCode.values()) {
		const sorted = [...list].sort((a, b) => ((a.validFrom ?? '') < (b.validFrom ?? '') ? -1 : 1));
		for (let i = 1; i < sorted.length; i++) {
			const prev = sorted[i - 1];
			if (prev.validTo === null || (sorted[i].validFrom ?? '') <= prev.validTo)
				issues.push(
					issue(
						file,
						sorted[i].line,
						'valid_from',
						sorted[i].validFrom ?? '',
						`Hai phiên bản của mã ${sorted[i].code} chồng thời gian với dòng ${prev.line}: đặt valid_to của dòng trước trước valid_from của dòng này.`,
						`Two versions of code ${sorted[i].code} overlap with row ${prev.line}: set the earlier row's valid_to before this row's valid_from.`
					)
				);
		}
	}
	for (const v of versions) {
		if (v.parent === null) continue;
		const parents = byCode.get(v.parent);
		const want = levels[levels.indexOf(v.level) - 1];
		if (!parents)
			issues.push(
				issue(
					file,
					v.line,
					'parent',
					v.parent,
					`Không có đơn vị mã ${v.parent} trong danh sách: sửa mã đơn vị cha.`,
					`No unit with code ${v.parent} in the list: fix the parent code.`
				)
			);
		else if (!parents.some((p) => p.level === want))
			issues.push(
				issue(
					file,
					v.line,
					'parent',
					v.parent,
					`Đơn vị cha phải thuộc cấp ngay trên (${want}).`,
					`The parent must be a unit of the level just above (${want}).`
				)
			);
	}
	const tops = new Set(versions.filter((v) => v.level === levels[0]).map((v) => v.code));
	if (tops.size !== 1)
		issues.push(
			issue(
				file,
				0,
				'level',
				levels[0],
				`Cấp trên cùng (${levels[0]}) phải có đúng một đơn vị (địa bàn của kế hoạch); có ${tops.size}.`,
				`The top level (${levels[0]}) must hold exactly one unit (the plan's area); it has ${tops.size}.`
			)
		);
	return { versions, issues };
}

/** Is a version valid at some time in `year`? */
export const validIn = (v: UnitVersion, year: number) =>
	(v.validFrom ?? '0000') <= `${year}-12-31` && (v.validTo ?? '9999') >= `${year}-01-01`;

/** The units of a year: per code, the version valid on 31 December, else the last valid in the year. */
export function unitsInYear(versions: UnitVersion[], year: number, levels: string[]): YearUnits {
	const pick = new Map<string, UnitVersion>();
	for (const v of versions) {
		if (!validIn(v, year)) continue;
		const prev = pick.get(v.code);
		if (!prev || (prev.validTo ?? '9999') < (v.validTo ?? '9999')) pick.set(v.code, v);
	}
	const units: YearUnit[] = [...pick.values()]
		.sort((a, b) => levels.indexOf(a.level) - levels.indexOf(b.level) || a.line - b.line)
		.map((v) => ({
			code: v.code,
			name: v.name,
			type: v.type,
			level: v.level,
			parent: v.parent,
			children: []
		}));
	const byCode = new Map(units.map((u) => [u.code, u]));
	for (const u of units) if (u.parent !== null) byCode.get(u.parent)?.children.push(u.code);
	const leaves = new Set(units.filter((u) => u.children.length === 0).map((u) => u.code));
	const root = units.find((u) => u.parent === null)?.code ?? '';
	return { year, units, byCode, root, leaves };
}

/** A unit and every unit under it, the unit first. */
export function descendants(t: YearUnits, code: string): string[] {
	const out: string[] = [];
	const walk = (c: string) => {
		out.push(c);
		for (const k of t.byCode.get(c)?.children ?? []) walk(k);
	};
	if (t.byCode.has(code)) walk(code);
	return out;
}
