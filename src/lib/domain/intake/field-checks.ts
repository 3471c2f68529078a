/**
 * Reading one cell of a report row and recording what is wrong with it: the issue list (capped,
 * the rest counted), years, counts, unit codes and names, duplicate keys, numerators within their
 * denominators. ReportValidator (validate.ts) reads the file and its rows with these.
 */
import { foldDiacritics, type Geography, type Unit, type UnitLevel } from '../units';
import { eraOfYear, successorOf } from '../unit-eras';
import { unitsNamed, type IntakeContext } from './lookup';
import { clip, shown, type IntakeIssue } from './messages';
import type { ChildrenRecord, ReportKind, UnitRecord } from './schema';

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

export abstract class FieldChecks {
	readonly out: ValidatedFile;
	protected hidden = { errors: 0, warnings: 0 };
	protected index = new Map<string, number>();
	private seen = new Map<string, number>();
	private readonly nameYear: number | null;
	protected yearClash: { issue: IntakeIssue | null; rows: number; years: Set<number> } = {
		issue: null,
		rows: 0,
		years: new Set()
	};

	constructor(
		readonly file: string,
		protected readonly ctx: IntakeContext,
		protected readonly opts: ValidatorOptions = {}
	) {
		this.out = { file, kind: null, children: [], units: [], issues: [], comments: [], rows: 0 };
		this.nameYear = yearInName(file);
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

	protected cell(cells: string[], column: string) {
		return (cells[this.index.get(column)!] ?? '').trim();
	}

	protected readYear(line: number, raw: string): number | null {
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

	protected readCount(
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

	/** The units a row of that year is keyed by. */
	protected geoOf(year: number | null): Geography {
		const eras = this.ctx.eras;
		return eras && year !== null ? eraOfYear(eras, year).geo : this.ctx.geo;
	}

	protected readUnit(
		line: number,
		column: string,
		raw: string,
		levels: UnitLevel[],
		year: number | null = null
	) {
		const unit = this.geoOf(year).byCode.get(raw);
		if (!unit && year !== null && this.wrongEra(line, column, raw, year)) return null;
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

	/**
	 * A code of the units of another era: an old unit after a reform (name its successor) or a new
	 * unit before it (name its predecessors). True when it said so.
	 */
	private wrongEra(line: number, column: string, code: string, year: number): boolean {
		const eras = this.ctx.eras;
		if (!eras) return false;
		const now = eraOfYear(eras, year);
		const fmt = (iso: string) => iso.split('-').reverse().join('/');
		for (const era of eras) {
			const unit = era.geo.byCode.get(code);
			if (!unit || era === now) continue;
			if (eras.indexOf(era) < eras.indexOf(now)) {
				const next = successorOf(eras, era, code);
				const to = next ? `${next.code} ${next.name}` : '';
				this.issue(
					line,
					column,
					code,
					`${code} ${unit.name} không còn từ ${fmt(now.from!)}: số liệu năm ${year} báo cáo theo đơn vị mới${to ? `; đơn vị này nay thuộc ${to}` : ''}. Dùng mã mới.`,
					`${code} ${unit.name} ceased on ${now.from}: figures for ${year} are reported by the new units${to ? `; it is now part of ${to}` : ''}. Use the new code.`
				);
			} else {
				const olds = (era.predecessors.get(code) ?? []).map((u) => `${u.code} ${u.name}`);
				this.issue(
					line,
					column,
					code,
					`${code} ${unit.name} là đơn vị mới từ ${fmt(era.from!)}: số liệu năm ${year} báo cáo theo đơn vị cũ${olds.length ? ` (${olds.join('; ')})` : ''}.`,
					`${code} ${unit.name} is a new unit from ${era.from}: figures for ${year} are reported by the old units${olds.length ? ` (${olds.join('; ')})` : ''}.`
				);
			}
			return true;
		}
		return false;
	}

	/**
	 * A code a reform gave to a new unit, written with the name of the old unit that had it
	 * (23293 was Phường Thắng Lợi, is Phường Kon Tum from 2025-07-01): the row was keyed by the
	 * old list, and its figures would land on the wrong unit. True when it said so.
	 */
	private reusedCode(
		line: number,
		column: string,
		raw: string,
		code: string,
		unit: Unit,
		year: number
	): boolean {
		const eras = this.ctx.eras;
		if (!eras) return false;
		const fold = (s: string) =>
			foldDiacritics(s.normalize('NFC')).toLowerCase().replace(/\s+/g, ' ');
		if (fold(unit.name) === fold(raw)) return false;
		const now = eraOfYear(eras, year);
		for (const era of eras) {
			const other = era.geo.byCode.get(code);
			if (era === now || !other || fold(other.name) !== fold(raw)) continue;
			const isOld = eras.indexOf(era) < eras.indexOf(now);
			this.issue(
				line,
				column,
				raw,
				isOld
					? `Từ ${now.from} mã ${code} là của ${unit.name}; ${other.name} là đơn vị cũ đã nhập vào ${successorOf(eras, era, code)?.name ?? 'đơn vị mới'}: báo cáo năm ${year} phải theo danh mục mới.`
					: `Năm ${year} mã ${code} là của ${unit.name}; ${other.name} là đơn vị mới từ ${era.from}: báo cáo năm ${year} theo danh mục cũ.`,
				isOld
					? `From ${now.from} code ${code} is ${unit.name}'s; ${other.name} is an old unit that went into ${successorOf(eras, era, code)?.name ?? 'a new unit'}: a ${year} report must use the new list.`
					: `In ${year} code ${code} is ${unit.name}'s; ${other.name} is a new unit from ${era.from}: a ${year} report uses the old list.`
			);
			return true;
		}
		return false;
	}

	protected checkName(line: number, column: string, code: string, year: number | null) {
		const raw = this.index.has(column) ? this.cell(this.cellsNow, column) : '';
		if (raw === '') return;
		const unit = this.geoOf(year).byCode.get(code);
		if (!unit) return;
		if (year !== null && this.reusedCode(line, column, raw, code, unit, year)) return;
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

	protected checkDuplicate(line: number, column: string, key: string, value: string) {
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

	protected checkBounds<C extends string>(
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

	protected cellsNow: string[] = [];
}
