/**
 * Validates one report file of the intake format and returns its typed records and every issue
 * found (not only the first, up to a stated number). One validator for the build pipeline and
 * the browser upload. Rows come one at a time (ReportValidator is a CsvSink), so a file of any
 * size is checked in the memory of one row plus the keys seen. Reading one cell and recording its
 * issue: field-checks.ts.
 */
import { eraOfYear } from '../unit-eras';
import { breakdowns, type BreakdownId, type ChildCountColumn } from '../breakdowns';
import { decodeReport } from './decode';
import {
	FieldChecks,
	MAX_ISSUES_PER_FILE,
	yearInName,
	type ValidatedFile,
	type ValidatorOptions
} from './field-checks';
import { CsvStream, readCsvText, type CsvProblem, type CsvSink } from './csv-stream';
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
	type UnitRecord
} from './schema';

export { readDate, unitsNamed, type IntakeContext };
export { MAX_ISSUES_PER_FILE, yearInName, type ValidatedFile, type ValidatorOptions };

export class ReportValidator extends FieldChecks implements CsvSink {
	/** the header was unusable (unknown kind, missing columns): rows are not checked */
	done = false;
	private cols: string[] = [];
	private headerLine = 1;
	private delimiter = ',';
	private readonly periodColumns: string[];

	constructor(file: string, ctx: IntakeContext, opts: ValidatorOptions = {}) {
		super(file, ctx, opts);
		this.periodColumns = ctx.plan.reporting.periods.map((p) => p.column);
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

	private childrenRow(line: number, cells: string[]) {
		this.cellsNow = cells;
		let ok = true;
		const code = this.cell(cells, 'commune_code');
		// the year first: it says which units the row is keyed by (unit-eras.ts)
		const year = this.readYear(line, this.cell(cells, 'year'));
		ok = this.readUnit(line, 'commune_code', code, ['commune'], year) !== null && ok;
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
		const year = this.readYear(line, this.cell(cells, 'year'));
		const unit = this.readUnit(line, 'unit_code', code, ['province', 'district', 'commune'], year);
		ok = unit !== null && ok;
		ok = year !== null && ok;
		this.checkName(line, 'unit_name', code, year);
		// after a reform the districts are former areas: they owe only the reports due before it
		const era = this.ctx.eras && year !== null ? eraOfYear(this.ctx.eras, year) : null;
		const endedOn = era?.from && unit?.level === 'district' ? era.from : null;
		const ended = (column: string, raw: string) => {
			ok = false;
			this.issue(
				line,
				column,
				raw,
				`Cấp huyện chấm dứt từ ${endedOn}: năm ${year} cột này báo cáo theo đơn vị mới (xã, phường), để trống ở dòng huyện cũ.`,
				`The district level ended on ${endedOn}: for ${year} this column is reported by the new units; leave it empty on a former district's row.`
			);
		};
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
			if (endedOn) ended(f.id, raw);
			else if (unit && !f.levels.includes(unit.level)) {
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
			const due = this.ctx.plan.reporting.periods.find((p) => p.column === c)?.due;
			if (endedOn && raw !== '' && (!due || `${year}-${due}` >= endedOn)) {
				ended(c, raw);
				continue;
			}
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
