/**
 * Validates one report file of the intake format and returns its typed records and every issue
 * found (not only the first, up to a stated number). One validator for the build pipeline and
 * the browser upload. Rows come one at a time (ReportValidator is a CsvSink), so a file of any
 * size is checked in the memory of one row plus the keys seen.
 */
import { breakdowns, type BreakdownId, type ChildCountColumn } from '../breakdowns';
import type { UnitLevel } from '../units';
import { decodeReport } from './decode';
import { CsvStream, readCsvText, type CsvProblem, type CsvSink } from './csv-stream';
import { foldDiacritics } from '../units';
import { readDate, unitsNamed, type IntakeContext } from './lookup';
import { clip, shown, type IntakeIssue } from './messages';
import {
	childrenBounds,
	childrenColumns,
	detectKind,
	unitBounds,
	unitCountColumns,
	unitsColumns,
	type ChildrenRecord,
	type ReportKind,
	type UnitRecord
} from './schema';

export { readDate, unitsNamed, type IntakeContext };

/** No commune counts a million of anything: larger numbers are typing errors (and lose precision). */
const MAX_COUNT = 1_000_000;
/** Issues listed per file; past it they are counted ("and K more"): fix these and run again. */
export const MAX_ISSUES_PER_FILE = 100;

export interface ValidatedFile {
	file: string;
	kind: ReportKind | null;
	children: ChildrenRecord[];
	units: UnitRecord[];
	issues: IntakeIssue[];
	/** '#' comment lines at the top of the file */
	comments: string[];
	/** rows read (blank rows not counted) */
	rows: number;
	/** issues past the listed ones (counted in the file's last issue, "and K more") */
	unlisted?: number;
}

export interface ValidatorOptions {
	/** valid children rows go here as they come, instead of into `children` */
	onChildren?: (r: ChildrenRecord, line: number) => void;
	/** valid units rows go here as they come, instead of into `units` */
	onUnits?: (r: UnitRecord, line: number) => void;
	/** the worksheet, for an .xlsx file */
	sheet?: string;
	maxIssues?: number;
	/** told how much of the text is checked, every so often (the browser's upload shows it) */
	progress?: (done: number, total: number) => void;
}

const levelName: Record<UnitLevel, { vi: string; en: string }> = {
	province: { vi: 'tỉnh', en: 'province' },
	district: { vi: 'huyện', en: 'district' },
	commune: { vi: 'xã', en: 'commune' }
};

/** The year a file's name states (children-2023.csv → 2023), if it states exactly one. */
export function yearInName(file: string): number | null {
	const base = file.split('/').pop() ?? file;
	const years = base.match(/(?<!\d)(19|20)\d{2}(?!\d)/g);
	return years && years.length === 1 ? Number(years[0]) : null;
}

export class ReportValidator implements CsvSink {
	readonly out: ValidatedFile;
	/** the header was unusable (unknown kind, missing columns): rows are not checked */
	done = false;
	private hidden = { errors: 0, warnings: 0 };
	private index = new Map<string, number>();
	private cols: string[] = [];
	private headerLine = 1;
	private delimiter = ',';
	private seen = new Map<string, number>();
	private readonly nameYear: number | null;
	private yearClash: { issue: IntakeIssue | null; rows: number; years: Set<number> } = {
		issue: null,
		rows: 0,
		years: new Set()
	};
	private readonly periodColumns: string[];

	constructor(
		readonly file: string,
		private readonly ctx: IntakeContext,
		private readonly opts: ValidatorOptions = {}
	) {
		this.out = { file, kind: null, children: [], units: [], issues: [], comments: [], rows: 0 };
		this.nameYear = yearInName(file);
		this.periodColumns = ctx.plan.reporting.periods.map((p) => p.column);
	}

	issue(
		row: number,
		column: string,
		value: string,
		vi: string,
		en: string,
		warning = false
	): IntakeIssue | null {
		if (this.out.issues.length >= (this.opts.maxIssues ?? MAX_ISSUES_PER_FILE)) {
			this.hidden[warning ? 'warnings' : 'errors']++;
			return null;
		}
		const i: IntakeIssue = {
			file: this.file,
			...(this.opts.sheet !== undefined ? { sheet: this.opts.sheet } : {}),
			row,
			column,
			value: clip(value),
			message: { vi, en },
			severity: warning ? 'warning' : 'error'
		};
		this.out.issues.push(i);
		return i;
	}

	comment(text: string) {
		this.out.comments.push(clip(text, 500));
	}

	broken(line: number, problem: CsvProblem, fatal: boolean) {
		const start = shown(problem.start, 40);
		if (problem.kind === 'unclosed-quote')
			this.issue(
				line,
				'',
				'',
				`Dấu ngoặc kép (") mở ở dòng này không được đóng, nên phần còn lại của tệp không đọc được (bắt đầu: ${start}): thêm dấu " đóng ô, hoặc xóa dấu " thừa.`,
				`A double quote (") opened on this row is never closed, so the rest of the file cannot be read (it starts: ${start}): close the cell with a ", or remove the stray ".`
			);
		else
			this.issue(
				line,
				'',
				'',
				`Dòng dài ${problem.chars} ký tự${fatal ? '' : ' trở lên'}, không phải một dòng báo cáo (bắt đầu: ${start}): kiểm tra tệp có đúng là CSV và còn ngắt dòng.`,
				`A line of ${problem.chars}${fatal ? '' : ' or more'} characters is not a report row (it starts: ${start}): check the file is a CSV and still has its line breaks.`
			);
	}

	header(cells: string[], line: number, delimiter: ',' | ';') {
		this.cols = cells;
		this.headerLine = line;
		this.delimiter = delimiter;
		this.out.kind = detectKind(cells);
		if (this.out.kind === null) {
			this.unknownKind();
			return;
		}
		const spec =
			this.out.kind === 'children'
				? {
						required: [...childrenColumns.key, ...childrenColumns.counts],
						optional: childrenColumns.optional
					}
				: (() => {
						const u = unitsColumns(
							this.periodColumns,
							this.ctx.plan.flags.map((f) => f.id)
						);
						return {
							required: [...u.key, ...u.counts, ...u.flags, ...u.dates],
							optional: u.optional
						};
					})();
		// Header: missing, unknown and repeated columns.
		cells.forEach((name, i) => {
			// A blank header cell is named by its position so the message can point at it.
			const h = name === '' ? `(${i + 1})` : name;
			if (this.index.has(h))
				this.issue(
					line,
					h,
					h,
					'Cột bị lặp lại: xóa một trong hai cột.',
					'Repeated column: remove one of the two.'
				);
			else this.index.set(h, i);
			if (!spec.required.includes(h) && !spec.optional.includes(h))
				this.issue(
					line,
					h,
					h,
					`Cột không có trong định dạng: sửa tên cột hoặc xóa cột. Các cột hợp lệ: ${[...spec.required, ...spec.optional].join(', ')}.`,
					`Column not in the format: fix its name or remove it. Valid columns: ${[...spec.required, ...spec.optional].join(', ')}.`
				);
		});
		const missing = spec.required.filter((c) => !this.index.has(c));
		for (const c of missing)
			this.issue(
				line,
				c,
				'',
				`Thiếu cột "${c}": thêm cột này vào dòng tiêu đề.`,
				`Missing column "${c}": add it to the header row.`
			);
		if (missing.length > 0) this.done = true;
	}

	private unknownKind() {
		this.done = true;
		this.issue(
			this.headerLine,
			this.cols[0] || '(1)',
			this.cols.join(','),
			'Không nhận ra loại tệp: dòng tiêu đề phải có cột "commune_code" (tệp trẻ em) hoặc "unit_code" (tệp đơn vị), xem data/README.md.',
			'Unknown file kind: the header must have a "commune_code" column (children file) or a "unit_code" column (units file); see data/README.md.'
		);
	}

	row(line: number, cells: string[]) {
		if (this.done) return;
		this.out.rows++;
		if (cells.length !== this.cols.length) {
			const n = cells.length;
			this.issue(
				line,
				n < this.cols.length ? this.cols[n] : `(${n - this.cols.length} extra)`,
				cells.join(this.delimiter),
				`Dòng có ${n} ô nhưng tiêu đề có ${this.cols.length} cột: kiểm tra dấu phân cách.`,
				`Row has ${n} cells but the header has ${this.cols.length} columns: check the separators.`
			);
			return;
		}
		if (this.out.kind === 'children') this.childrenRow(line, cells);
		else this.unitsRow(line, cells);
	}

	/** Ends the file: the issues past the cap are counted, the year clash is summed up. */
	finish(): ValidatedFile {
		if (this.out.kind === null && !this.done) this.unknownKind();
		const clash = this.yearClash;
		if (clash.issue && clash.rows > 1) {
			const more = clash.rows - 1;
			clash.issue.message.vi += ` (và ${more} dòng khác)`;
			clash.issue.message.en += ` (and ${more} more rows)`;
		}
		const { errors, warnings } = this.hidden;
		if (errors + warnings > 0) {
			this.out.unlisted = errors + warnings;
			const max = this.opts.maxIssues ?? MAX_ISSUES_PER_FILE;
			this.out.issues.push({
				file: this.file,
				...(this.opts.sheet !== undefined ? { sheet: this.opts.sheet } : {}),
				row: 0,
				column: '',
				value: '',
				severity: errors > 0 ? 'error' : 'warning',
				message: {
					vi: `và ${errors + warnings} vấn đề khác (${errors} lỗi, ${warnings} cảnh báo) không liệt kê: chỉ ${max} vấn đề đầu tiên của mỗi tệp được liệt kê. Sửa các lỗi trên rồi chạy lại.`,
					en: `and ${errors + warnings} more (${errors} errors, ${warnings} warnings) not listed: only the first ${max} issues of a file are. Fix those above and run again.`
				}
			});
		}
		return this.out;
	}

	private cell(cells: string[], column: string) {
		return (cells[this.index.get(column)!] ?? '').trim();
	}

	private readYear(line: number, raw: string): number | null {
		const { first, last } = this.ctx.plan.years;
		const year = Number(raw);
		if (!/^\d{4}$/.test(raw) || year < first || year > last) {
			this.issue(
				line,
				'year',
				raw,
				`Năm phải là số nguyên từ ${first} đến ${last}.`,
				`Year must be a whole number from ${first} to ${last}.`
			);
			return null;
		}
		if (this.nameYear !== null && year !== this.nameYear) {
			// once per file: every row of a mislabelled file says the same
			const c = this.yearClash;
			c.rows++;
			if (!c.years.has(year) && c.years.size < 3) {
				c.years.add(year);
				const name = shown(this.file.split('/').pop()!);
				const i = this.issue(
					line,
					'year',
					raw,
					`Tên tệp "${name}" ghi năm ${this.nameYear} nhưng dòng này ghi năm ${year}: nếu số liệu là của năm ${year}, đổi tên tệp cho đúng năm; nếu không, sửa cột year.`,
					`The file name "${name}" says ${this.nameYear} but this row says ${year}: if the figures are for ${year}, rename the file to that year; otherwise fix the year column.`
				);
				if (c.issue === null) c.issue = i;
			} else if (c.issue === null) this.hidden.errors++;
			return null;
		}
		return year;
	}

	private readCount(
		line: number,
		column: string,
		raw: string,
		emptyAs: number | null
	): number | null | undefined {
		if (raw === '') return emptyAs;
		if (!/^\d+$/.test(raw)) {
			const negative = /^-\d/.test(raw);
			this.issue(
				line,
				column,
				raw,
				negative
					? 'Số không được âm: nhập số nguyên từ 0 trở lên.'
					: 'Phải là số nguyên không âm, không có dấu phân cách hàng nghìn.',
				negative
					? 'Counts cannot be negative: enter a whole number of 0 or more.'
					: 'Must be a whole number of 0 or more, without thousands separators.'
			);
			return undefined;
		}
		const n = Number(raw);
		if (n > MAX_COUNT) {
			this.issue(
				line,
				column,
				raw,
				`Số quá lớn (tối đa ${MAX_COUNT}): kiểm tra lại ô này.`,
				`Number too large (at most ${MAX_COUNT}): check this cell.`
			);
			return undefined;
		}
		return n;
	}

	private readUnit(line: number, column: string, raw: string, levels: UnitLevel[]) {
		const unit = this.ctx.geo.byCode.get(raw);
		if (!unit) {
			const matches = raw.length > 100 ? [] : unitsNamed(raw, this.ctx);
			if (matches.length > 0) {
				const list = (lang: 'vi' | 'en') =>
					matches
						.map(
							(m) =>
								`${m.unit.code} ${m.unit.name}${m.district ? ` (${m.district})` : ''}${m.formerly ? (lang === 'vi' ? `, trước đây là ${m.formerly}` : `, formerly ${m.formerly}`) : ''}`
						)
						.join('; ');
				this.issue(
					line,
					column,
					raw,
					`Cột này cần mã TCTK, không phải tên. Tên này khớp với: ${list('vi')}. Nhập mã.`,
					`This column needs the GSO code, not a name. The name matches: ${list('en')}. Enter the code.`
				);
				return null;
			}
			this.issue(
				line,
				column,
				raw,
				'Mã đơn vị không có trong danh mục (data/geo): kiểm tra mã TCTK của đơn vị.',
				"Unit code not in the code list (data/geo): check the unit's GSO code."
			);
			return null;
		}
		if (!levels.includes(unit.level)) {
			const want = levels.map((l) => levelName[l]);
			this.issue(
				line,
				column,
				raw,
				`Mã này là của ${levelName[unit.level].vi} (${unit.name}); cột này cần mã ${want.map((w) => w.vi).join(' hoặc ')}.`,
				`This is a ${levelName[unit.level].en} code (${unit.name}); this column needs a ${want.map((w) => w.en).join(' or ')} code.`
			);
			return null;
		}
		return unit;
	}

	private checkName(line: number, column: string, code: string, year: number | null) {
		const raw = this.index.has(column) ? this.cell(this.cellsNow, column) : '';
		if (raw === '') return;
		const unit = this.ctx.geo.byCode.get(code);
		if (!unit) return;
		const names = [
			unit.name,
			...this.ctx.plan.geography.renames
				.filter((r) => r.code === code && (year === null || year <= Number(r.until.slice(0, 4))))
				.map((r) => r.oldName)
		];
		const fold = (s: string) =>
			foldDiacritics(s.normalize('NFC')).toLowerCase().replace(/\s+/g, ' ');
		if (!names.some((n) => fold(n) === fold(raw)))
			this.issue(
				line,
				column,
				raw,
				`Tên không khớp với mã ${code} (${unit.name}): kiểm tra lại mã; mã là khóa, tên chỉ để đối chiếu.`,
				`Name does not match code ${code} (${unit.name}): check the code; codes are the keys, names are only for reference.`,
				true
			);
	}

	private checkDuplicate(line: number, column: string, key: string, value: string) {
		const earlier = this.seen.get(key);
		if (earlier !== undefined) {
			this.issue(
				line,
				column,
				value,
				`Dòng trùng khóa với dòng ${earlier}: gộp hoặc xóa một dòng.`,
				`Same key as row ${earlier}: merge the two rows or delete one.`
			);
			return true;
		}
		this.seen.set(key, line);
		return false;
	}

	private checkBounds<C extends string>(
		line: number,
		rec: Record<C, number | null>,
		bounds: [C, C][]
	) {
		let ok = true;
		for (const [num, den] of bounds) {
			const n = rec[num];
			const d = rec[den];
			if (n !== null && d !== null && n > d) {
				ok = false;
				this.issue(
					line,
					num,
					String(n),
					`"${num}" (${n}) lớn hơn "${den}" (${d}): tử số không được vượt mẫu số.`,
					`"${num}" (${n}) is greater than "${den}" (${d}): a numerator cannot exceed its denominator.`
				);
			}
		}
		return ok;
	}

	private cellsNow: string[] = [];

	private childrenRow(line: number, cells: string[]) {
		this.cellsNow = cells;
		let ok = true;
		const code = this.cell(cells, 'commune_code');
		ok = this.readUnit(line, 'commune_code', code, ['commune']) !== null && ok;
		const year = this.readYear(line, this.cell(cells, 'year'));
		ok = year !== null && ok;
		this.checkName(line, 'commune_name', code, year);
		const cats = {} as Record<BreakdownId, string>;
		for (const b of breakdowns) {
			const raw = this.cell(cells, b.id);
			if (!b.categories.some((c) => c.code === raw)) {
				ok = false;
				this.issue(
					line,
					b.id,
					raw,
					`Giá trị không hợp lệ: dùng một trong ${b.categories.map((c) => c.code).join(', ')}.`,
					`Invalid value: use one of ${b.categories.map((c) => c.code).join(', ')}.`
				);
			}
			cats[b.id] = raw;
		}
		const counts = {} as Record<ChildCountColumn, number>;
		for (const c of childrenColumns.counts as ChildCountColumn[]) {
			const v = this.readCount(line, c, this.cell(cells, c), 0);
			if (v === undefined || v === null) ok = false;
			else counts[c] = v;
		}
		// Bounds are checked even when a key is wrong, so every error of the row is listed at once.
		if (!this.checkBounds(line, counts, childrenBounds)) ok = false;
		if (!ok) return;
		const key = [code, year, ...breakdowns.map((b) => cats[b.id])].join('|');
		if (this.checkDuplicate(line, 'commune_code', key, code)) return;
		const rec: ChildrenRecord = { commune_code: code, year: year!, ...cats, ...counts };
		if (this.opts.onChildren) this.opts.onChildren(rec, line);
		else this.out.children.push(rec);
	}

	private unitsRow(line: number, cells: string[]) {
		this.cellsNow = cells;
		let ok = true;
		const code = this.cell(cells, 'unit_code');
		const unit = this.readUnit(line, 'unit_code', code, ['province', 'district', 'commune']);
		ok = unit !== null && ok;
		const year = this.readYear(line, this.cell(cells, 'year'));
		ok = year !== null && ok;
		this.checkName(line, 'unit_name', code, year);
		const counts = {} as Record<(typeof unitCountColumns)[number], number | null>;
		for (const c of unitCountColumns) {
			const raw = this.cell(cells, c);
			if (unit && unit.level !== 'commune' && raw !== '') {
				ok = false;
				this.issue(
					line,
					c,
					raw,
					'Chỉ xã báo cáo cột này: để trống ở dòng huyện và tỉnh.',
					'Only communes report this column: leave it empty on district and province rows.'
				);
				continue;
			}
			const v = this.readCount(line, c, raw, null);
			if (v === undefined) ok = false;
			else counts[c] = v;
		}
		const flags: Record<string, 0 | 1 | null> = {};
		for (const f of this.ctx.plan.flags) {
			const raw = this.cell(cells, f.id);
			flags[f.id] = null;
			if (raw === '') continue;
			if (unit && !f.levels.includes(unit.level)) {
				ok = false;
				this.issue(
					line,
					f.id,
					raw,
					`Cột này chỉ dành cho cấp ${f.levels.join(', ')} theo kế hoạch: để trống ở dòng này.`,
					`The plan asks this column of level ${f.levels.join(', ')} only: leave it empty on this row.`
				);
			} else if (raw === '1' || raw === '0') flags[f.id] = Number(raw) as 0 | 1;
			else {
				ok = false;
				this.issue(
					line,
					f.id,
					raw,
					'Dùng 1 (có) hoặc 0 (không), để trống nếu chưa báo cáo.',
					'Use 1 (yes) or 0 (no); leave empty if not reported.'
				);
			}
		}
		const submitted: Record<string, string | null> = {};
		for (const c of this.periodColumns) {
			const raw = this.cell(cells, c);
			const date = raw === '' ? null : readDate(raw);
			if (
				date === undefined ||
				(date && year !== null && (date < `${year}-01-01` || date > `${year + 1}-12-31`))
			) {
				ok = false;
				this.issue(
					line,
					c,
					raw,
					`Ngày không hợp lệ: viết YYYY-MM-DD hoặc DD/MM/YYYY, trong năm ${year ?? 'báo cáo'} hoặc năm sau; để trống nếu chưa nhận.`,
					`Invalid date: write YYYY-MM-DD or DD/MM/YYYY, in ${year ?? 'the report year'} or the next year; leave empty if not received.`
				);
				continue;
			}
			submitted[c] = date;
		}
		if (!this.checkBounds(line, counts, unitBounds)) ok = false;
		if (!ok) return;
		if (this.checkDuplicate(line, 'unit_code', `${code}|${year}`, code)) return;
		const rec: UnitRecord = {
			unit_code: code,
			year: year!,
			...counts,
			flags,
			submitted
		};
		if (this.opts.onUnits) this.opts.onUnits(rec, line);
		else this.out.units.push(rec);
	}
}

/** Characters checked between two progress reports. */
const PROGRESS_STEP = 256 * 1024;

export function validateReport(
	file: string,
	text: string,
	ctx: IntakeContext,
	opts: ValidatorOptions = {}
): ValidatedFile {
	const v = new ReportValidator(file, ctx, opts);
	if (!opts.progress) readCsvText(text, v);
	else {
		const s = new CsvStream(v);
		for (let at = 0; at < text.length; at += PROGRESS_STEP) {
			s.push(text.slice(at, at + PROGRESS_STEP));
			opts.progress(Math.min(at + PROGRESS_STEP, text.length), text.length);
		}
		s.end();
	}
	return v.finish();
}

/** The warning for a file read as Windows-1258. */
export function legacyEncodingIssue(file: string): IntakeIssue {
	return {
		file,
		row: 1,
		column: '(encoding)',
		value: 'windows-1258',
		severity: 'warning',
		message: {
			vi: 'Tệp không phải UTF-8; đã đọc theo bảng mã Windows-1258. Nếu tên có dấu bị sai (ví dụ tệp TCVN3/VNI), trong Excel chọn Lưu thành → "CSV UTF-8 (Comma delimited)" rồi tải lại.',
			en: 'The file is not UTF-8; it was read as Windows-1258. If names with diacritics look wrong (e.g. a TCVN3/VNI file), in Excel choose Save As → "CSV UTF-8 (Comma delimited)" and load it again.'
		}
	};
}

/** Validates a file given as bytes: decodes it first (see decode.ts) and says if it had to guess. */
export function validateReportBytes(
	file: string,
	bytes: Uint8Array,
	ctx: IntakeContext,
	opts: ValidatorOptions = {}
): ValidatedFile {
	const { text, encoding } = decodeReport(bytes);
	const out = validateReport(file, text, ctx, opts);
	if (encoding === 'windows-1258') out.issues.unshift(legacyEncodingIssue(file));
	return out;
}
