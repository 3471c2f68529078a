/**
 * Validates one report file of the intake format and returns its typed records and every issue
 * found (not only the first). One validator for the build pipeline and the browser upload.
 */
import { breakdowns, type BreakdownId, type ChildCountColumn } from '../breakdowns';
import { foldDiacritics, type Geography, type Unit, type UnitLevel } from '../units';
import type { Plan } from '../plan';
import type { IntakeIssue } from './messages';
import { decodeReport } from './decode';
import { parseCsv } from './parse-csv';
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

/** No commune counts a million of anything: larger numbers are typing errors (and lose precision). */
const MAX_COUNT = 1_000_000;

export interface IntakeContext {
	plan: Pick<Plan, 'years' | 'reporting' | 'geography' | 'flags'>;
	geo: Geography;
}

export interface ValidatedFile {
	file: string;
	kind: ReportKind | null;
	children: ChildrenRecord[];
	units: UnitRecord[];
	issues: IntakeIssue[];
	/** '#' comment lines at the top of the file */
	comments: string[];
}

const levelName: Record<UnitLevel, { vi: string; en: string }> = {
	province: { vi: 'tỉnh', en: 'province' },
	district: { vi: 'huyện', en: 'district' },
	commune: { vi: 'xã', en: 'commune' }
};

export function validateReport(file: string, text: string, ctx: IntakeContext): ValidatedFile {
	const parsed = parseCsv(text);
	const out: ValidatedFile = {
		file,
		kind: detectKind(parsed.header),
		children: [],
		units: [],
		issues: [],
		comments: parsed.comments
	};
	const issue = (
		row: number,
		column: string,
		value: string,
		vi: string,
		en: string,
		warning = false
	) =>
		out.issues.push({
			file,
			row,
			column,
			value,
			message: { vi, en },
			severity: warning ? 'warning' : 'error'
		});

	if (out.kind === null) {
		issue(
			parsed.headerLine,
			parsed.header[0] || '(1)',
			parsed.header.join(','),
			'Không nhận ra loại tệp: dòng tiêu đề phải có cột "commune_code" (tệp trẻ em) hoặc "unit_code" (tệp đơn vị), xem data/README.md.',
			'Unknown file kind: the header must have a "commune_code" column (children file) or a "unit_code" column (units file); see data/README.md.'
		);
		return out;
	}

	const periodColumns = ctx.plan.reporting.periods.map((p) => p.column);
	const spec =
		out.kind === 'children'
			? {
					required: [...childrenColumns.key, ...childrenColumns.counts],
					optional: childrenColumns.optional
				}
			: (() => {
					const u = unitsColumns(
						periodColumns,
						ctx.plan.flags.map((f) => f.id)
					);
					return {
						required: [...u.key, ...u.counts, ...u.flags, ...u.dates],
						optional: u.optional
					};
				})();

	// Header: missing, unknown and repeated columns.
	const index = new Map<string, number>();
	parsed.header.forEach((name, i) => {
		// A blank header cell is named by its position so the message can point at it.
		const h = name === '' ? `(${i + 1})` : name;
		if (index.has(h))
			issue(
				parsed.headerLine,
				h,
				h,
				'Cột bị lặp lại: xóa một trong hai cột.',
				'Repeated column: remove one of the two.'
			);
		else index.set(h, i);
		if (!spec.required.includes(h) && !spec.optional.includes(h))
			issue(
				parsed.headerLine,
				h,
				h,
				`Cột không có trong định dạng: sửa tên cột hoặc xóa cột. Các cột hợp lệ: ${[...spec.required, ...spec.optional].join(', ')}.`,
				`Column not in the format: fix its name or remove it. Valid columns: ${[...spec.required, ...spec.optional].join(', ')}.`
			);
	});
	const missing = spec.required.filter((c) => !index.has(c));
	for (const c of missing)
		issue(
			parsed.headerLine,
			c,
			'',
			`Thiếu cột "${c}": thêm cột này vào dòng tiêu đề.`,
			`Missing column "${c}": add it to the header row.`
		);
	if (missing.length > 0) return out;

	// A row with too few or too many cells is reported at the first column that does not line up.
	const raggedColumn = (n: number) =>
		n < parsed.header.length ? parsed.header[n] : `(${n - parsed.header.length} extra)`;
	const cell = (cells: string[], column: string) => (cells[index.get(column)!] ?? '').trim();
	const { first, last } = ctx.plan.years;

	const readYear = (line: number, raw: string): number | null => {
		const year = Number(raw);
		if (!/^\d{4}$/.test(raw) || year < first || year > last) {
			issue(
				line,
				'year',
				raw,
				`Năm phải là số nguyên từ ${first} đến ${last}.`,
				`Year must be a whole number from ${first} to ${last}.`
			);
			return null;
		}
		return year;
	};

	const readCount = (
		line: number,
		column: string,
		raw: string,
		emptyAs: number | null
	): number | null | undefined => {
		if (raw === '') return emptyAs;
		if (!/^\d+$/.test(raw)) {
			const negative = /^-\d/.test(raw);
			issue(
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
			issue(
				line,
				column,
				raw,
				`Số quá lớn (tối đa ${MAX_COUNT}): kiểm tra lại ô này.`,
				`Number too large (at most ${MAX_COUNT}): check this cell.`
			);
			return undefined;
		}
		return n;
	};

	const readUnit = (line: number, column: string, raw: string, levels: UnitLevel[]) => {
		const unit = ctx.geo.byCode.get(raw);
		if (!unit) {
			const matches = unitsNamed(raw, ctx);
			if (matches.length > 0) {
				const list = (lang: 'vi' | 'en') =>
					matches
						.map(
							(m) =>
								`${m.unit.code} ${m.unit.name}${m.district ? ` (${m.district})` : ''}${m.formerly ? (lang === 'vi' ? `, trước đây là ${m.formerly}` : `, formerly ${m.formerly}`) : ''}`
						)
						.join('; ');
				issue(
					line,
					column,
					raw,
					`Cột này cần mã TCTK, không phải tên. Tên này khớp với: ${list('vi')}. Nhập mã.`,
					`This column needs the GSO code, not a name. The name matches: ${list('en')}. Enter the code.`
				);
				return null;
			}
			issue(
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
			issue(
				line,
				column,
				raw,
				`Mã này là của ${levelName[unit.level].vi} (${unit.name}); cột này cần mã ${want.map((w) => w.vi).join(' hoặc ')}.`,
				`This is a ${levelName[unit.level].en} code (${unit.name}); this column needs a ${want.map((w) => w.en).join(' or ')} code.`
			);
			return null;
		}
		return unit;
	};

	const checkName = (
		line: number,
		column: string,
		raw: string,
		code: string,
		year: number | null
	) => {
		if (raw === '') return;
		const unit = ctx.geo.byCode.get(code);
		if (!unit) return;
		const names = [
			unit.name,
			...ctx.plan.geography.renames
				.filter((r) => r.code === code && (year === null || year <= Number(r.until.slice(0, 4))))
				.map((r) => r.oldName)
		];
		const fold = (s: string) =>
			foldDiacritics(s.normalize('NFC')).toLowerCase().replace(/\s+/g, ' ');
		if (!names.some((n) => fold(n) === fold(raw)))
			issue(
				line,
				column,
				raw,
				`Tên không khớp với mã ${code} (${unit.name}): kiểm tra lại mã; mã là khóa, tên chỉ để đối chiếu.`,
				`Name does not match code ${code} (${unit.name}): check the code; codes are the keys, names are only for reference.`,
				true
			);
	};

	const seen = new Map<string, number>();
	const checkDuplicate = (line: number, column: string, key: string, shown: string) => {
		const earlier = seen.get(key);
		if (earlier !== undefined) {
			issue(
				line,
				column,
				shown,
				`Dòng trùng khóa với dòng ${earlier}: gộp hoặc xóa một dòng.`,
				`Same key as row ${earlier}: merge the two rows or delete one.`
			);
			return true;
		}
		seen.set(key, line);
		return false;
	};

	const checkBounds = <C extends string>(
		line: number,
		rec: Record<C, number | null>,
		bounds: [C, C][]
	) => {
		let ok = true;
		for (const [num, den] of bounds) {
			const n = rec[num];
			const d = rec[den];
			if (n !== null && d !== null && n > d) {
				ok = false;
				issue(
					line,
					num,
					String(n),
					`"${num}" (${n}) lớn hơn "${den}" (${d}): tử số không được vượt mẫu số.`,
					`"${num}" (${n}) is greater than "${den}" (${d}): a numerator cannot exceed its denominator.`
				);
			}
		}
		return ok;
	};

	if (out.kind === 'children') {
		for (const { line, cells } of parsed.rows) {
			if (cells.length !== parsed.header.length) {
				issue(
					line,
					raggedColumn(cells.length),
					cells.join(parsed.delimiter),
					`Dòng có ${cells.length} ô nhưng tiêu đề có ${parsed.header.length} cột: kiểm tra dấu phân cách.`,
					`Row has ${cells.length} cells but the header has ${parsed.header.length} columns: check the separators.`
				);
				continue;
			}
			let ok = true;
			const code = cell(cells, 'commune_code');
			ok = readUnit(line, 'commune_code', code, ['commune']) !== null && ok;
			const year = readYear(line, cell(cells, 'year'));
			ok = year !== null && ok;
			checkName(
				line,
				'commune_name',
				index.has('commune_name') ? cell(cells, 'commune_name') : '',
				code,
				year
			);
			const cats = {} as Record<BreakdownId, string>;
			for (const b of breakdowns) {
				const raw = cell(cells, b.id);
				if (!b.categories.some((c) => c.code === raw)) {
					ok = false;
					issue(
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
				const v = readCount(line, c, cell(cells, c), 0);
				if (v === undefined || v === null) ok = false;
				else counts[c] = v;
			}
			// Bounds are checked even when a key is wrong, so every error of the row is listed at once.
			if (!checkBounds(line, counts, childrenBounds)) ok = false;
			if (!ok) continue;
			const key = [code, year, ...breakdowns.map((b) => cats[b.id])].join('|');
			if (checkDuplicate(line, 'commune_code', key, code)) continue;
			out.children.push({ commune_code: code, year: year!, ...cats, ...counts });
		}
	} else {
		for (const { line, cells } of parsed.rows) {
			if (cells.length !== parsed.header.length) {
				issue(
					line,
					raggedColumn(cells.length),
					cells.join(parsed.delimiter),
					`Dòng có ${cells.length} ô nhưng tiêu đề có ${parsed.header.length} cột: kiểm tra dấu phân cách.`,
					`Row has ${cells.length} cells but the header has ${parsed.header.length} columns: check the separators.`
				);
				continue;
			}
			let ok = true;
			const code = cell(cells, 'unit_code');
			const unit = readUnit(line, 'unit_code', code, ['province', 'district', 'commune']);
			ok = unit !== null && ok;
			const year = readYear(line, cell(cells, 'year'));
			ok = year !== null && ok;
			checkName(
				line,
				'unit_name',
				index.has('unit_name') ? cell(cells, 'unit_name') : '',
				code,
				year
			);
			const counts = {} as Record<(typeof unitCountColumns)[number], number | null>;
			for (const c of unitCountColumns) {
				const raw = cell(cells, c);
				if (unit && unit.level !== 'commune' && raw !== '') {
					ok = false;
					issue(
						line,
						c,
						raw,
						'Chỉ xã báo cáo cột này: để trống ở dòng huyện và tỉnh.',
						'Only communes report this column: leave it empty on district and province rows.'
					);
					continue;
				}
				const v = readCount(line, c, raw, null);
				if (v === undefined) ok = false;
				else counts[c] = v;
			}
			const flags: Record<string, 0 | 1 | null> = {};
			for (const f of ctx.plan.flags) {
				const raw = cell(cells, f.id);
				flags[f.id] = null;
				if (raw === '') continue;
				if (unit && !f.levels.includes(unit.level)) {
					ok = false;
					issue(
						line,
						f.id,
						raw,
						`Cột này chỉ dành cho cấp ${f.levels.join(', ')} theo kế hoạch: để trống ở dòng này.`,
						`The plan asks this column of level ${f.levels.join(', ')} only: leave it empty on this row.`
					);
				} else if (raw === '1' || raw === '0') flags[f.id] = Number(raw) as 0 | 1;
				else {
					ok = false;
					issue(
						line,
						f.id,
						raw,
						'Dùng 1 (có) hoặc 0 (không), để trống nếu chưa báo cáo.',
						'Use 1 (yes) or 0 (no); leave empty if not reported.'
					);
				}
			}
			const submitted: Record<string, string | null> = {};
			for (const c of periodColumns) {
				const raw = cell(cells, c);
				const date = raw === '' ? null : readDate(raw);
				if (
					date === undefined ||
					(date && year !== null && (date < `${year}-01-01` || date > `${year + 1}-12-31`))
				) {
					ok = false;
					issue(
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
			if (!checkBounds(line, counts, unitBounds)) ok = false;
			if (!ok) continue;
			if (checkDuplicate(line, 'unit_code', `${code}|${year}`, code)) continue;
			out.units.push({
				unit_code: code,
				year: year!,
				...counts,
				flags,
				submitted
			});
		}
	}
	return out;
}

/** YYYY-MM-DD or DD/MM/YYYY (how Vietnamese Excel writes dates) to ISO; undefined if invalid. */
export function readDate(raw: string): string | undefined {
	let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
	let y: number, mo: number, d: number;
	if (m) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
	else {
		m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(raw);
		if (!m) return undefined;
		[d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
	}
	const date = new Date(Date.UTC(y, mo - 1, d));
	if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d)
		return undefined;
	return date.toISOString().slice(0, 10);
}

const foldName = (s: string) =>
	foldDiacritics(s.normalize('NFC'))
		.toLowerCase()
		.replace(/^(xa|phuong|thi tran|huyen|thanh pho|tinh)\s+/, '')
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();

/** Units a name (not a code) may mean, old names included, diacritics and unit type ignored. */
export function unitsNamed(raw: string, ctx: IntakeContext) {
	const q = foldName(raw);
	if (q === '' || /^\d+$/.test(q)) return [];
	const out: { unit: Unit; district: string | null; formerly: string | null }[] = [];
	for (const unit of ctx.geo.byCode.values()) {
		const district =
			unit.level === 'commune' ? (ctx.geo.byCode.get(unit.district_code)?.name ?? null) : null;
		if (foldName(unit.name) === q) out.push({ unit, district, formerly: null });
		for (const r of ctx.plan.geography.renames)
			if (r.code === unit.code && foldName(r.oldName) === q)
				out.push({ unit, district, formerly: r.oldName });
	}
	return out;
}

/** Validates a file given as bytes: decodes it first (see decode.ts) and says if it had to guess. */
export function validateReportBytes(
	file: string,
	bytes: Uint8Array,
	ctx: IntakeContext
): ValidatedFile {
	const { text, encoding } = decodeReport(bytes);
	const out = validateReport(file, text, ctx);
	if (encoding === 'windows-1258')
		out.issues.unshift({
			file,
			row: 1,
			column: '(encoding)',
			value: encoding,
			severity: 'warning',
			message: {
				vi: 'Tệp không phải UTF-8; đã đọc theo bảng mã Windows-1258. Nếu tên có dấu bị sai (ví dụ tệp TCVN3/VNI), trong Excel chọn Lưu thành → "CSV UTF-8 (Comma delimited)" rồi tải lại.',
				en: 'The file is not UTF-8; it was read as Windows-1258. If names with diacritics look wrong (e.g. a TCVN3/VNI file), in Excel choose Save As → "CSV UTF-8 (Comma delimited)" and load it again.'
			}
		});
	return out;
}
