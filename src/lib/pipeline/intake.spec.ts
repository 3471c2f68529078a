/**
 * The intake validator on fixture files (src/lib/pipeline/fixtures/bad): every issue is pinned
 * exactly — where (file, physical line, column, value), how bad, and the words a person reads in
 * Vietnamese and English — so a change of behaviour or wording shows up here.
 *
 * Every fixture starts with one '#' comment line, so the header is line 2 and data starts at line 3.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatIssue, type IntakeIssue } from '../domain/intake/messages';
import { validateReport, validateReportBytes, type IntakeContext } from '../domain/intake/validate';
import { fixtureDir } from './fixtures/published';
import { readGeography, readPlan } from './read-inputs';

const root = process.cwd();
let ctx: IntakeContext;

beforeAll(async () => {
	const plan = await readPlan(path.join(root, 'data/plans/kontum-3430.json'));
	ctx = { plan, geo: await readGeography(root, plan) };
});

/** Validates a fixture under the name the pipeline would give it: `<folder>/<file>`. */
async function validate(folder: string, name: string) {
	const text = await readFile(path.join(root, fixtureDir(folder), name), 'utf8');
	return validateReport(`${folder}/${name}`, text, ctx);
}

type Message = IntakeIssue['message'];

function issue(
	file: string,
	row: number,
	column: string,
	value: string,
	message: Message,
	severity: IntakeIssue['severity'] = 'error'
): IntakeIssue {
	return { file: `bad/${file}`, row, column, value, message, severity };
}

// The wording, written out by hand (not imported) so that any change to it is a visible diff.
const childColumnList =
	'commune_code, year, disability_type, severity, sex, age_band, ethnicity, children, accessed, accessed_health, accessed_education, accessed_social, accessed_protection, skills, commune_name';
const m = {
	unknownUnit: {
		vi: 'Mã đơn vị không có trong danh mục (data/geo): kiểm tra mã TCTK của đơn vị.',
		en: "Unit code not in the code list (data/geo): check the unit's GSO code."
	},
	negative: {
		vi: 'Số không được âm: nhập số nguyên từ 0 trở lên.',
		en: 'Counts cannot be negative: enter a whole number of 0 or more.'
	},
	notWhole: {
		vi: 'Phải là số nguyên không âm, không có dấu phân cách hàng nghìn.',
		en: 'Must be a whole number of 0 or more, without thousands separators.'
	},
	year: {
		vi: 'Năm phải là số nguyên từ 2018 đến 2025.',
		en: 'Year must be a whole number from 2018 to 2025.'
	},
	sex: {
		vi: 'Giá trị không hợp lệ: dùng một trong nam, nu.',
		en: 'Invalid value: use one of nam, nu.'
	},
	date2020: {
		vi: 'Ngày không hợp lệ: viết YYYY-MM-DD hoặc DD/MM/YYYY, trong năm 2020 hoặc năm sau; để trống nếu chưa nhận.',
		en: 'Invalid date: write YYYY-MM-DD or DD/MM/YYYY, in 2020 or the next year; leave empty if not received.'
	},
	over: (num: string, n: number, den: string, d: number): Message => ({
		vi: `"${num}" (${n}) lớn hơn "${den}" (${d}): tử số không được vượt mẫu số.`,
		en: `"${num}" (${n}) is greater than "${den}" (${d}): a numerator cannot exceed its denominator.`
	}),
	duplicateOf: (row: number): Message => ({
		vi: `Dòng trùng khóa với dòng ${row}: gộp hoặc xóa một dòng.`,
		en: `Same key as row ${row}: merge the two rows or delete one.`
	})
};

describe('validateReport: one kind of error per fixture', () => {
	it('unknown commune code', async () => {
		const v = await validate('bad', 'unknown-commune.csv');
		expect(v.issues).toEqual([
			issue('unknown-commune.csv', 4, 'commune_code', '99999', m.unknownUnit)
		]);
		// the good row before it is still read
		expect(v.children.map((r) => r.commune_code)).toEqual(['23281']);
	});

	it('negative count', async () => {
		const v = await validate('bad', 'negative-count.csv');
		expect(v.issues).toEqual([issue('negative-count.csv', 3, 'children', '-3', m.negative)]);
		expect(v.children).toEqual([]);
	});

	it('numerator greater than its denominator (accessed > children)', async () => {
		const v = await validate('bad', 'numerator-over-denominator.csv');
		expect(v.issues).toEqual([
			issue(
				'numerator-over-denominator.csv',
				3,
				'accessed',
				'7',
				m.over('accessed', 7, 'children', 5)
			)
		]);
	});

	it('missing column: reported on the header line, with an empty value', async () => {
		const v = await validate('bad', 'missing-column.csv');
		expect(v.issues).toEqual([
			issue('missing-column.csv', 2, 'skills', '', {
				vi: 'Thiếu cột "skills": thêm cột này vào dòng tiêu đề.',
				en: 'Missing column "skills": add it to the header row.'
			})
		]);
		expect(v.children).toEqual([]);
	});

	it('duplicate row: the second one names the line of the first', async () => {
		const v = await validate('bad', 'duplicate-row.csv');
		expect(v.issues).toEqual([
			issue('duplicate-row.csv', 5, 'commune_code', '23281', m.duplicateOf(3))
		]);
		expect(v.children).toHaveLength(2);
	});

	it('years outside the plan (2017 and 2026)', async () => {
		const v = await validate('bad', 'year-outside-plan.csv');
		expect(v.issues).toEqual([
			issue('year-outside-plan.csv', 3, 'year', '2017', m.year),
			issue('year-outside-plan.csv', 4, 'year', '2026', m.year)
		]);
	});

	it('a district (or province) code where a commune code is needed', async () => {
		const v = await validate('bad', 'district-code-for-commune.csv');
		expect(v.issues).toEqual([
			issue('district-code-for-commune.csv', 3, 'commune_code', '617', {
				vi: 'Mã này là của huyện (Huyện Tu Mơ Rông); cột này cần mã xã.',
				en: 'This is a district code (Huyện Tu Mơ Rông); this column needs a commune code.'
			}),
			issue('district-code-for-commune.csv', 4, 'commune_code', '62', {
				vi: 'Mã này là của tỉnh (Tỉnh Kon Tum); cột này cần mã xã.',
				en: 'This is a province code (Tỉnh Kon Tum); this column needs a commune code.'
			})
		]);
	});

	it('a category value outside the list (sex "x")', async () => {
		const v = await validate('bad', 'bad-category.csv');
		expect(v.issues).toEqual([issue('bad-category.csv', 3, 'sex', 'x', m.sex)]);
	});

	it('bad dates in a units file: impossible, wrong format, outside the report year', async () => {
		const v = await validate('bad', 'bad-date.csv');
		expect(v.kind).toBe('units');
		expect(v.issues).toEqual([
			issue('bad-date.csv', 3, 'report_h1_submitted', '31/02/2020', m.date2020),
			issue('bad-date.csv', 4, 'report_year_submitted', '10.12.2020', m.date2020),
			issue('bad-date.csv', 5, 'report_h1_submitted', '2019-06-10', m.date2020)
		]);
		expect(v.units).toEqual([]);
	});
});

describe('validateReport: files that must pass', () => {
	it('semicolon-separated with a BOM and CRLF line ends (Excel on Vietnamese Windows)', async () => {
		const v = await validate('bad', 'semicolon-bom.csv');
		expect(v.issues).toEqual([]);
		expect(v.kind).toBe('children');
		expect(v.comments).toEqual([
			'DỮ LIỆU KIỂM THỬ, không phải số liệu chính thức / TEST FIXTURE, not official statistics'
		]);
		expect(v.children).toEqual([
			{
				commune_code: '23281',
				year: 2020,
				disability_type: '1',
				severity: '2',
				sex: 'nam',
				age_band: '6-10',
				ethnicity: 'kinh',
				children: 12,
				accessed: 9,
				accessed_health: 6,
				accessed_education: 5,
				accessed_social: 3,
				accessed_protection: 2,
				skills: 7
			},
			{
				commune_code: '23404',
				year: 2020,
				disability_type: '4',
				severity: '2',
				sex: 'nu',
				age_band: '11-15',
				ethnicity: 'dtts',
				children: 10,
				accessed: 7,
				accessed_health: 5,
				accessed_education: 3,
				accessed_social: 3,
				accessed_protection: 1,
				skills: 6
			}
		]);
	});

	it('every file of the valid fixture', async () => {
		const names = (await readdir(path.join(root, fixtureDir('valid')))).filter((f) =>
			f.endsWith('.csv')
		);
		expect(names).toHaveLength(6);
		for (const name of names) expect((await validate('valid', name)).issues).toEqual([]);
	});
});

describe('validateReport: several errors in one file', () => {
	it('lists every issue, in file order, not only the first', async () => {
		const v = await validate('bad', 'several-errors.csv');
		const f = 'several-errors.csv';
		expect(v.issues).toEqual([
			// header: an extra column
			issue(f, 2, 'ghi_chu', 'ghi_chu', {
				vi: `Cột không có trong định dạng: sửa tên cột hoặc xóa cột. Các cột hợp lệ: ${childColumnList}.`,
				en: `Column not in the format: fix its name or remove it. Valid columns: ${childColumnList}.`
			}),
			// line 3 is valid; line 4 has three errors, all listed
			issue(f, 4, 'commune_code', '99999', m.unknownUnit),
			issue(f, 4, 'sex', 'x', m.sex),
			issue(f, 4, 'children', '-1', m.negative),
			issue(f, 5, 'year', '2030', m.year),
			issue(f, 5, 'accessed', '1.5', m.notWhole),
			issue(f, 6, 'accessed', '9', m.over('accessed', 9, 'children', 6)),
			issue(f, 7, 'commune_code', '23281', m.duplicateOf(3)),
			issue(f, 8, 'skills', '23407,Xã Đắk Na,2020,5,3,nam,0-5,dtts,11,8,6,2,3,1', {
				vi: 'Dòng có 14 ô nhưng tiêu đề có 16 cột: kiểm tra dấu phân cách.',
				en: 'Row has 14 cells but the header has 16 columns: check the separators.'
			}),
			issue(
				f,
				9,
				'commune_name',
				'Xã Măng Ri',
				{
					vi: 'Tên không khớp với mã 23407 (Xã Đắk Na): kiểm tra lại mã; mã là khóa, tên chỉ để đối chiếu.',
					en: 'Name does not match code 23407 (Xã Đắk Na): check the code; codes are the keys, names are only for reference.'
				},
				'warning'
			)
		]);
	});

	// BUG (validate.ts, `if (!ok) continue;` before checkBounds): a row whose key is wrong skips
	// the numerator check, so "accessed > children" only shows up after the year is fixed.
	it('lists a numerator above its denominator even when the same row has a bad year', async () => {
		const v = await validate('bad', 'errors-same-row.csv');
		expect(v.issues).toEqual([
			issue('errors-same-row.csv', 3, 'year', '2017', m.year),
			issue('errors-same-row.csv', 3, 'accessed', '7', m.over('accessed', 7, 'children', 5))
		]);
	});
});

describe('formatIssue', () => {
	it('names file, line, column and value in each language', async () => {
		const [i] = (await validate('bad', 'unknown-commune.csv')).issues;
		expect(formatIssue(i, 'vi')).toBe(
			'bad/unknown-commune.csv, dòng 4, cột "commune_code" (giá trị "99999"): Mã đơn vị không có trong danh mục (data/geo): kiểm tra mã TCTK của đơn vị.'
		);
		expect(formatIssue(i, 'en')).toBe(
			'bad/unknown-commune.csv, row 4, column "commune_code" (value "99999"): Unit code not in the code list (data/geo): check the unit\'s GSO code.'
		);
	});

	it('leaves out the value part when there is no value (missing column)', async () => {
		const [i] = (await validate('bad', 'missing-column.csv')).issues;
		expect(formatIssue(i, 'vi')).toBe(
			'bad/missing-column.csv, dòng 2, cột "skills": Thiếu cột "skills": thêm cột này vào dòng tiêu đề.'
		);
		expect(formatIssue(i, 'en')).toBe(
			'bad/missing-column.csv, row 2, column "skills": Missing column "skills": add it to the header row.'
		);
	});
});

describe('validateReport: real-world files', () => {
	it('suggests the GSO code when a unit name is written instead, old names included', async () => {
		const plan = await readPlan(path.join(process.cwd(), 'data/plans/kontum-3430.json'));
		const geo = await readGeography(process.cwd(), plan);
		const text =
			'commune_code,year,disability_type,severity,sex,age_band,ethnicity,children,accessed,accessed_health,accessed_education,accessed_social,accessed_protection,skills\n' +
			'Xa Dak Long,2018,1,1,nam,0-5,kinh,5,1,1,0,0,0,1\n' +
			'Ia Đal,2018,1,1,nam,0-5,kinh,5,1,1,0,0,0,1\n';
		const v = validateReport('names.csv', text, { plan, geo });
		const [dakLong, iaDal] = v.issues;
		expect(dakLong).toMatchObject({ row: 2, column: 'commune_code', value: 'Xa Dak Long' });
		for (const code of ['23368', '23504', '23473']) expect(dakLong.message.vi).toContain(code);
		expect(dakLong.message.vi).toContain('trước đây là Xã Đắk Long');
		expect(iaDal.message.en).toContain('23535 Xã Ia Đal');
	});
	it('reads UTF-16 and legacy files through validateReportBytes, warning on a guessed code page', async () => {
		const plan = await readPlan(path.join(process.cwd(), 'data/plans/kontum-3430.json'));
		const geo = await readGeography(process.cwd(), plan);
		const text =
			'commune_code,commune_name,year,disability_type,severity,sex,age_band,ethnicity,children,accessed,accessed_health,accessed_education,accessed_social,accessed_protection,skills\n' +
			'23473,Xã Đắk Long,2018,1,1,nam,0-5,kinh,5,1,1,0,0,0,1\n';
		const utf16 = new Uint8Array([
			0xff,
			0xfe,
			...new Uint8Array(new Uint16Array([...text].map((c) => c.charCodeAt(0))).buffer)
		]);
		const a = validateReportBytes('u16.csv', utf16, { plan, geo });
		expect(a.issues).toEqual([]);
		expect(a.children).toHaveLength(1);
		const legacy = new Uint8Array(
			[...text.replace('Xã Đắk Long', 'Xa Dak Long')].map((c) => c.charCodeAt(0)).concat([0xe3])
		);
		const b = validateReportBytes('cp1258.csv', legacy, { plan, geo });
		expect(b.issues[0]).toMatchObject({
			column: '(encoding)',
			severity: 'warning',
			value: 'windows-1258'
		});
	});
});
