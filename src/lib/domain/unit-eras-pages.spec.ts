/**
 * The unit-era helpers the pages use (unit pages by era, the search over old and new names, the
 * names of a year): on a hand-made list, and on the published Kon Tum crosswalk as the oracle.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { indicatorTable } from './indicator-page';
import type { Indicator } from './plan';
import {
	eraDay,
	findUnits,
	nameOverYears,
	namesOfYear,
	toUnitRows,
	unitSearchEntries,
	unitsOfCode,
	yearsOfEra,
	publishedEras
} from './unit-eras';

const old = (unit_code: string, name: string, level: string, district_code = '') => ({
	unit_code,
	name,
	level,
	district_code,
	valid_from: '',
	valid_to: '2025-06-30',
	predecessor_codes: ''
});
const now = (
	unit_code: string,
	name: string,
	level: string,
	district_code = '',
	predecessor_codes = ''
) => ({
	unit_code,
	name,
	level,
	district_code,
	valid_from: '2025-07-01',
	valid_to: '',
	predecessor_codes
});
// Two old communes of one district merged into a new one that took the second's code.
const ROWS = [
	old('62', 'Tỉnh Kon Tum', 'province'),
	old('608', 'Thành phố Kon Tum', 'district', '608'),
	old('23281', 'Phường Quang Trung', 'commune', '608'),
	old('23293', 'Phường Thắng Lợi', 'commune', '608'),
	now('62', 'Khu vực tỉnh Kon Tum cũ', 'province'),
	now('608', 'Khu vực thành phố Kon Tum cũ', 'district', '608'),
	now('23293', 'Phường Kon Tum', 'commune', '608', '23281;23293')
];
const YEARS = [2023, 2024, 2025];

describe('a code in its eras', () => {
	test('a reused code names two units, each with its own years and links', () => {
		const units = unitsOfCode(ROWS, '23293', YEARS);
		expect(units.map((u) => [u.row.name, u.years])).toEqual([
			['Phường Thắng Lợi', [2023, 2024]],
			['Phường Kon Tum', [2025]]
		]);
		expect(units[0].successor?.name).toBe('Phường Kon Tum');
		expect(units[0].predecessors).toEqual([]);
		expect(units[1].predecessors.map((p) => p.name)).toEqual([
			'Phường Quang Trung',
			'Phường Thắng Lợi'
		]);
		expect(units[1].successor).toBeUndefined();
	});
	test('an old-only code: one unit, its successor; an unknown code: none', () => {
		const [u, ...rest] = unitsOfCode(ROWS, '23281', YEARS);
		expect(rest).toEqual([]);
		expect(u.years).toEqual([2023, 2024]);
		expect(u.successor?.unit_code).toBe('23293');
		expect(unitsOfCode(ROWS, '99999', YEARS)).toEqual([]);
	});
	test('a district runs on as its former area: two units, no successor', () => {
		const units = unitsOfCode(ROWS, '608', YEARS);
		expect(units.map((u) => u.row.name)).toEqual([
			'Thành phố Kon Tum',
			'Khu vực thành phố Kon Tum cũ'
		]);
		expect(units.every((u) => u.successor === undefined && u.predecessors.length === 0)).toBe(true);
	});
	test("a year's names are its era's; a series over both eras names both", () => {
		expect(namesOfYear(ROWS, 2024).get('23293')).toBe('Phường Thắng Lợi');
		expect(namesOfYear(ROWS, 2025).get('23293')).toBe('Phường Kon Tum');
		expect(namesOfYear(ROWS, 2025).has('23281')).toBe(false);
		expect(nameOverYears(ROWS, '608', YEARS)).toBe(
			'Thành phố Kon Tum / Khu vực thành phố Kon Tum cũ'
		);
		expect(nameOverYears(ROWS, '608', [2023, 2024])).toBe('Thành phố Kon Tum');
		const eras = publishedEras(ROWS);
		expect(yearsOfEra(eras, eras[1], [2024, 2025, 2026])).toEqual([2025, 2026]);
	});
	test('days as each language writes them', () => {
		expect(eraDay('2025-07-01', 'vi')).toBe('1/7/2025');
		expect(eraDay('2025-06-30', 'en')).toBe('30 June 2025');
	});
});

describe('search over old and new names', () => {
	const entries = unitSearchEntries(ROWS);
	const found = (q: string) => findUnits(entries, q).map((e) => `${e.row.name} ${e.index}`);
	test('an old name finds the old unit and the new one it went into', () => {
		expect(found('thang loi')).toEqual(['Phường Thắng Lợi 0', 'Phường Kon Tum 1']);
		expect(found('QUANG  TRUNG')).toEqual(['Phường Quang Trung 0', 'Phường Kon Tum 1']);
	});
	test('a new name finds the new unit and its old ones (diacritics ignored)', () => {
		expect(found('phường kon tum')).toEqual([
			'Phường Quang Trung 0',
			'Phường Thắng Lợi 0',
			'Phường Kon Tum 1'
		]);
	});
	test('a code by its first digits; no province', () => {
		expect(found('2329')).toEqual(['Phường Thắng Lợi 0', 'Phường Kon Tum 1']);
		expect(entries.some((e) => e.row.level === 'province')).toBe(false);
	});
});

describe('the published Kon Tum list against its crosswalk', () => {
	const read = (f: string) =>
		Papa.parse<Record<string, string>>(readFileSync(f, 'utf8').replace(/^\uFEFF/, ''), {
			header: true,
			skipEmptyLines: true,
			comments: '#'
		}).data;
	const crosswalk = read('data/geo/kontum-2025/crosswalk.csv');
	const newUnits = read('data/geo/kontum-2025/units.csv');
	const oldUnits = read('data/geo/kontum-units.csv');
	const rows = toUnitRows([
		...oldUnits.map((u) => ({ ...u, unit_code: u.code, valid_to: '2025-06-30' })),
		...newUnits.map((u) => ({ ...u, unit_code: u.code, valid_from: '2025-07-01' }))
	]);
	test('every old commune names its successor, every new one its predecessors, as the crosswalk says', () => {
		for (const c of crosswalk) {
			const [o] = unitsOfCode(rows, c.old_code, [2024]);
			expect(o.successor?.unit_code, c.old_code).toBe(c.new_code);
		}
		for (const n of newUnits) {
			const units = unitsOfCode(rows, n.code, [2024, 2025]);
			const mine = units.find((u) => u.era.from === '2025-07-01')!;
			expect(mine.predecessors.map((p) => p.unit_code).sort(), n.code).toEqual(
				crosswalk
					.filter((c) => c.new_code === n.code)
					.map((c) => c.old_code)
					.sort()
			);
		}
	});
	test('"Thắng Lợi" finds old 23293 and new 23293 Phường Kon Tum; "Kon Tum" finds the new ward and its five old ones', () => {
		const entries = unitSearchEntries(rows);
		const hits = findUnits(entries, 'Thắng Lợi').filter((e) => e.row.level === 'commune');
		expect(hits.map((e) => [e.row.unit_code, e.row.name, e.successor?.name ?? null])).toEqual([
			['23293', 'Phường Thắng Lợi', 'Phường Kon Tum'],
			['23293', 'Phường Kon Tum', null]
		]);
		const kontum = findUnits(entries, 'phuong kon tum').map((e) => e.row.unit_code);
		const olds = crosswalk.filter((c) => c.new_name === 'Phường Kon Tum').map((c) => c.old_code);
		expect(olds.length).toBe(5);
		expect(kontum.sort()).toEqual([...olds, '23293'].sort());
	});
});

describe('indicator table in eras', () => {
	const rate: Indicator = {
		id: 'access',
		kind: 'rate',
		label: { vi: 'a', en: 'a' },
		shortLabel: { vi: 'a', en: 'a' },
		numerator: 'accessed',
		denominator: 'children',
		direction: 'increase',
		targets: []
	};
	const row = (year: number, unit_code: string, level: string, access_rate: number) => ({
		year,
		unit_code,
		level,
		accessed: access_rate,
		children: 100,
		access_rate,
		access_rate_suppressed: false
	});
	test('a reused commune code: two rows, each with its era only; the district one row named by both', () => {
		const rows = [
			row(2024, '62', 'province', 50),
			row(2025, '62', 'province', 55),
			row(2024, '608', 'district', 40),
			row(2025, '608', 'district', 45),
			row(2024, '23281', 'commune', 30),
			row(2024, '23293', 'commune', 31),
			row(2025, '23293', 'commune', 60)
		];
		const t = indicatorTable(rate, rows, ROWS);
		expect(t.years).toEqual([2024, 2025]);
		expect(t.units.map((u) => [u.key, u.name, u.values.map((v) => v?.value ?? null)])).toEqual([
			['62', 'Tỉnh Kon Tum / Khu vực tỉnh Kon Tum cũ', [50, 55]],
			['608', 'Thành phố Kon Tum / Khu vực thành phố Kon Tum cũ', [40, 45]],
			['23281', 'Phường Quang Trung', [30, null]],
			['23293', 'Phường Thắng Lợi', [31, null]],
			['23293@2025-07-01', 'Phường Kon Tum', [null, 60]]
		]);
		expect(t.units[1].yearNames).toEqual({
			2024: 'Thành phố Kon Tum',
			2025: 'Khu vực thành phố Kon Tum cũ'
		});
		expect(t.units.find((u) => u.key === '23293@2025-07-01')!.anchor).toBe('#era-2');
		expect(t.units.find((u) => u.key === '23281')!.anchor).toBe('');
	});
});
