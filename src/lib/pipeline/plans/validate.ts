/**
 * Checks the dataset's files against the plan's intake format (contract §2), cell by cell. Every
 * issue names the file, the row, the column and what to fix, in Vietnamese and English. Nothing
 * here knows a plan: columns, categories, levels and limits come from intakeFormat and the unit list.
 */
import { shown, type IntakeIssue } from '../../domain/intake/messages';
import { MAX_COUNT, type IntakeColumn } from '../../domain/plan/intake-format';
import type { YearUnits } from '../../domain/plan/unit-list';
import type { ReadFile } from './read-dataset';

export interface RecordRow {
	population: string;
	year: number;
	unit: string;
	/** per breakdown column (category code, or '1'/'0' for an overlapping breakdown's column) */
	dims: Record<string, string>;
	counts: Record<string, number>;
}

export interface UnitRow {
	year: number;
	unit: string;
	/** counts and flags by measure; null = not reported */
	values: Record<string, number | null>;
	/** submission dates by duty column */
	dates: Record<string, string | null>;
}

const MAX_ISSUES = 100;
const fold = (s: string) => s.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');
const ISO = /^\d{4}-\d{2}-\d{2}$/;
const validDay = (v: string) => {
	const t = Date.parse(`${v}T00:00:00Z`);
	return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === v;
};

export function validateFiles(
	files: ReadFile[],
	treeOf: (year: number) => YearUnits | undefined,
	levels: string[]
): { records: RecordRow[]; units: UnitRow[]; issues: IntakeIssue[] } {
	const records: RecordRow[] = [];
	const units: UnitRow[] = [];
	const issues: IntakeIssue[] = [];
	for (const f of files) {
		const own: IntakeIssue[] = [];
		let unlisted = 0;
		const add = (
			row: number,
			column: string,
			value: string,
			vi: string,
			en: string,
			level: 'error' | 'warning' = 'error'
		) => {
			if (own.length >= MAX_ISSUES) unlisted++;
			else
				own.push({
					file: f.file,
					sheet: f.sheet,
					row,
					column,
					value,
					severity: level,
					message: { vi, en }
				});
		};
		const cols = f.spec.columns;
		const expected = cols.map((c) => c.name);
		const missing = expected.filter((n) => !f.header.includes(n));
		const unknown = f.header.filter((n) => !expected.includes(n));
		for (const n of missing)
			add(
				f.headerLine,
				n,
				'',
				`Thiếu cột "${n}": dòng tiêu đề cần đủ các cột ${expected.join(',')}.`,
				`Column "${n}" is missing: the header needs every column of ${expected.join(',')}.`
			);
		for (const n of unknown)
			add(
				f.headerLine,
				n,
				n,
				`Cột "${shown(n)}" không thuộc mẫu báo cáo này: xóa cột hoặc sửa tên; các cột là ${expected.join(',')}.`,
				`Column "${shown(n)}" is not part of this report: delete or rename it; the columns are ${expected.join(',')}.`
			);
		const tree = treeOf(f.year);
		if (!tree)
			add(
				0,
				'year',
				String(f.year),
				`Năm ${f.year} nằm ngoài kỳ kế hoạch: đổi năm trong tên tệp.`,
				`${f.year} is outside the plan's years: fix the year in the file name.`
			);
		if (own.length > 0 || !tree) {
			issues.push(...own);
			continue;
		}
		const at = new Map(f.header.map((h, i) => [h, i]));
		const keys = new Map<string, number>();
		for (const { line, cells } of f.rows) {
			const get = (n: string) => (cells[at.get(n)!] ?? '').trim();
			let ok = true;
			const bad = (column: string, value: string, vi: string, en: string) => {
				ok = false;
				add(line, column, value, vi, en);
			};
			const code = get('unit_code');
			const unit = tree.byCode.get(code);
			if (!unit)
				bad(
					'unit_code',
					code,
					`Không có đơn vị mã "${shown(code)}" trong danh sách đơn vị năm ${f.year}: sửa mã theo danh sách (data/geo/…/units.csv).`,
					`No unit with code "${shown(code)}" in the unit list for ${f.year}: use a code from the list (data/geo/…/units.csv).`
				);
			else if (f.spec.kind === 'records' && !tree.leaves.has(code))
				bad(
					'unit_code',
					code,
					`${unit.name} là đơn vị cấp trên (có đơn vị trực thuộc): báo cáo theo từng đơn vị cấp dưới cùng; số cấp trên được cộng tự động.`,
					`${unit.name} is an upper unit (it has units under it): report per bottom unit; upper totals are summed automatically.`
				);
			// a name that is not the list's for the code: the code may be the wrong one (a warning)
			const name = get('unit_name');
			if (unit && name !== '' && fold(name) !== fold(unit.name))
				add(
					line,
					'unit_name',
					name,
					`Tên khác với danh sách cho mã ${code} ("${unit.name}"): kiểm tra lại mã đơn vị.`,
					`The name differs from the list's for code ${code} ("${unit.name}"): check the unit code.`,
					'warning'
				);
			const year = get('year');
			if (year !== String(f.year))
				bad(
					'year',
					year,
					`Năm phải là ${f.year} (năm trong tên tệp).`,
					`The year must be ${f.year} (the year in the file name).`
				);
			const li = unit ? levels.indexOf(unit.level) : -1;
			const mayGive = (lv: string[]) =>
				!!unit &&
				(lv.includes(unit.level) ||
					(tree.leaves.has(code) && lv.some((l) => levels.indexOf(l) > li)));
			const dims: Record<string, string> = {};
			const counts: Record<string, number> = {};
			const values: Record<string, number | null> = {};
			const dates: Record<string, string | null> = {};
			for (const c of cols) {
				const v = get(c.name);
				checkCell(c, v, f.spec.kind === 'records', mayGive, bad, { dims, counts, values, dates });
			}
			for (const c of cols)
				if (c.kind === 'count' && c.atMost) {
					const part = f.spec.kind === 'records' ? counts[c.name] : values[c.name];
					const whole = f.spec.kind === 'records' ? counts[c.atMost] : values[c.atMost];
					if (part != null && whole != null && part > whole)
						bad(
							c.name,
							String(part),
							`${c.name} (${part}) không được lớn hơn ${c.atMost} (${whole}) trong cùng dòng.`,
							`${c.name} (${part}) may not exceed ${c.atMost} (${whole}) in the same row.`
						);
				}
			const key = f.spec.key.map(get).join('|');
			const first = keys.get(key);
			if (first !== undefined)
				bad(
					f.spec.key.join(', '),
					key,
					`Trùng khóa (${f.spec.key.join(', ')}) với dòng ${first}: mỗi đơn vị và tổ hợp chỉ một dòng; gộp hai dòng thành một.`,
					`Same key (${f.spec.key.join(', ')}) as row ${first}: one row per unit and combination; merge the two rows.`
				);
			else keys.set(key, line);
			if (!ok) continue;
			if (f.spec.kind === 'records')
				records.push({ population: f.spec.population!, year: f.year, unit: code, dims, counts });
			else units.push({ year: f.year, unit: code, values, dates });
		}
		if (unlisted > 0)
			own.push({
				file: f.file,
				sheet: f.sheet,
				row: 0,
				column: '',
				value: '',
				severity: 'error',
				message: {
					vi: `… và ${unlisted} lỗi khác: sửa các lỗi trên rồi chạy lại.`,
					en: `… and ${unlisted} more errors: fix those above and run again.`
				}
			});
		issues.push(...own);
	}
	return { records, units, issues };
}

function checkCell(
	c: IntakeColumn,
	v: string,
	records: boolean,
	mayGive: (levels: string[]) => boolean,
	bad: (column: string, value: string, vi: string, en: string) => void,
	out: {
		dims: Record<string, string>;
		counts: Record<string, number>;
		values: Record<string, number | null>;
		dates: Record<string, string | null>;
	}
) {
	switch (c.kind) {
		case 'category':
			if (!c.categories.includes(v))
				bad(
					c.name,
					v,
					`Mã nhóm phải là một trong: ${c.categories.join(', ')}.`,
					`The category code must be one of: ${c.categories.join(', ')}.`
				);
			out.dims[c.name] = v;
			return;
		case 'binary':
			if (v !== '0' && v !== '1')
				bad(
					c.name,
					v,
					'Ghi 1 (trẻ thuộc nhóm này) hoặc 0 (không thuộc).',
					'Write 1 (the children are in this group) or 0 (they are not).'
				);
			out.dims[c.name] = v;
			return;
		case 'count': {
			if (v === '' && !records) {
				out.values[c.name] = null;
				return;
			}
			const n = /^\d+$/.test(v) ? Number(v) : NaN;
			if (!Number.isInteger(n) || n > MAX_COUNT) {
				bad(
					c.name,
					v,
					`Ghi một số nguyên từ 0 đến ${MAX_COUNT.toLocaleString('en')}${records ? '' : ', hoặc để trống nếu chưa có số'}.`,
					`Write a whole number from 0 to ${MAX_COUNT.toLocaleString('en')}${records ? '' : ', or leave it empty when not known'}.`
				);
				return;
			}
			if (!records && !mayGive(c.levels)) {
				bad(
					c.name,
					v,
					`Đơn vị cấp này không báo cáo số này (chỉ cấp ${c.levels.join(', ')}): để trống.`,
					`Units of this level do not report this figure (only ${c.levels.join(', ')}): leave it empty.`
				);
				return;
			}
			if (records) out.counts[c.name] = n;
			else out.values[c.name] = n;
			return;
		}
		case 'flag':
			if (v === '') out.values[c.name] = null;
			else if (v !== '0' && v !== '1')
				bad(
					c.name,
					v,
					'Ghi 1 (có), 0 (không) hoặc để trống.',
					'Write 1 (yes), 0 (no), or leave it empty.'
				);
			else if (!mayGive(c.levels))
				bad(
					c.name,
					v,
					`Đơn vị cấp này không báo cáo mục này (chỉ cấp ${c.levels.join(', ')}): để trống.`,
					`Units of this level do not report this item (only ${c.levels.join(', ')}): leave it empty.`
				);
			else out.values[c.name] = Number(v);
			return;
		case 'date':
			if (v === '') out.dates[c.name] = null;
			else if (!ISO.test(v) || !validDay(v))
				bad(
					c.name,
					v,
					'Ngày phải có dạng YYYY-MM-DD (ví dụ 2024-10-25) hoặc để trống.',
					'A date must read YYYY-MM-DD (e.g. 2024-10-25), or be empty.'
				);
			else out.dates[c.name] = v;
			return;
		default:
			return;
	}
}
