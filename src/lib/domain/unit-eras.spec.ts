import { describe, expect, it } from 'vitest';
import {
	chainEras,
	eraAfter,
	eraOfYear,
	formerAreaName,
	predecessorRows,
	publishedEraOfYear,
	publishedEras,
	searchUnits,
	successorOf,
	successorRow
} from './unit-eras';
import { buildGeography, type Unit } from './units';

const u = (code: string, name: string, level: 'district' | 'commune', district: string): Unit => ({
	code,
	name,
	type: name.split(' ')[0],
	level,
	district_code: district,
	name_ascii: name
});

// two districts, five communes; on 2025-07-01 three of them merge into A (reusing code 11, the
// code of one predecessor but not the same-named one) and two into B (code 21)
const old = buildGeography({ code: '1', name: 'Tỉnh X' }, [
	u('10', 'Huyện Một', 'district', '10'),
	u('20', 'Huyện Hai', 'district', '20'),
	u('11', 'Xã Sông', 'commune', '10'),
	u('12', 'Xã Núi', 'commune', '10'),
	u('13', 'Xã Đồi', 'commune', '10'),
	u('21', 'Xã Suối', 'commune', '20'),
	u('22', 'Xã Rừng', 'commune', '20')
]);
const reform = { from: '2025-07-01', area: { vi: 'Khu vực tỉnh X cũ' } };
const after = eraAfter(old, reform, [
	{ ...u('11', 'Xã Đồi Núi', 'commune', '10'), predecessor_codes: '11;12;13' },
	{ ...u('21', 'Xã Suối Rừng', 'commune', '20'), predecessor_codes: '21;22' }
]);
const eras = chainEras(old, [after]);

describe('unit eras', () => {
	it('keys a year by the units in force on its last day', () => {
		expect(eraOfYear(eras, 2024)).toBe(eras[0]);
		// the annual report of 2025 is due in December, after the reform
		expect(eraOfYear(eras, 2025)).toBe(eras[1]);
		expect(eras[0].until).toBe('2025-06-30');
		expect(eras[1].geo.communes.map((c) => c.name)).toEqual(['Xã Đồi Núi', 'Xã Suối Rừng']);
	});

	it('keeps the districts as former areas under the area named as it is now', () => {
		expect(eras[1].geo.province.name).toBe('Khu vực tỉnh X cũ');
		expect(eras[1].geo.districts.map((d) => d.name)).toEqual([
			'Khu vực huyện Một cũ',
			'Khu vực huyện Hai cũ'
		]);
		expect(eras[1].geo.communesOf.get('10')!.map((c) => c.code)).toEqual(['11']);
		expect(formerAreaName('Thành phố Kon Tum')).toBe('Khu vực thành phố Kon Tum cũ');
	});

	it('names successors and predecessors across the reused code', () => {
		expect(successorOf(eras, eras[0], '12')?.name).toBe('Xã Đồi Núi');
		expect(successorOf(eras, eras[0], '22')?.code).toBe('21');
		expect(successorOf(eras, eras[1], '11')).toBeUndefined();
		expect(eras[1].predecessors.get('11')!.map((p) => p.name)).toEqual([
			'Xã Sông',
			'Xã Núi',
			'Xã Đồi'
		]);
	});

	it('refuses a reform that loses or doubles an old commune', () => {
		expect(() =>
			eraAfter(old, reform, [
				{ ...u('11', 'Xã A', 'commune', '10'), predecessor_codes: '11;12' },
				{ ...u('21', 'Xã B', 'commune', '20'), predecessor_codes: '21;22' }
			])
		).toThrow(/13/);
		expect(() =>
			eraAfter(old, reform, [
				{ ...u('11', 'Xã A', 'commune', '10'), predecessor_codes: '11;12;13;21' },
				{ ...u('21', 'Xã B', 'commune', '20'), predecessor_codes: '21;22' }
			])
		).toThrow(/taken twice/);
	});

	it('finds old and new units by either name, diacritics ignored', () => {
		const hits = searchUnits(eras, 'doi');
		expect(hits.map((h) => `${h.unit.code} ${h.unit.name}`)).toEqual([
			'13 Xã Đồi',
			'11 Xã Đồi Núi'
		]);
		expect(hits[0].successor?.name).toBe('Xã Đồi Núi');
		expect(hits[1].predecessors).toHaveLength(3);
	});
});

describe('published unit list by era', () => {
	const rows = [
		{
			unit_code: '11',
			name: 'Xã Sông',
			level: 'commune',
			district_code: '10',
			valid_from: '',
			valid_to: '2025-06-30',
			predecessor_codes: ''
		},
		{
			unit_code: '12',
			name: 'Xã Núi',
			level: 'commune',
			district_code: '10',
			valid_from: '',
			valid_to: '2025-06-30',
			predecessor_codes: ''
		},
		{
			unit_code: '11',
			name: 'Xã Đồi Núi',
			level: 'commune',
			district_code: '10',
			valid_from: '2025-07-01',
			valid_to: '',
			predecessor_codes: '11;12'
		}
	];
	const eras = publishedEras(rows);

	it('cuts the list by valid_from and picks a year by its last day', () => {
		expect(eras.map((e) => [e.from, e.to, e.rows.length])).toEqual([
			['', '2025-06-30', 2],
			['2025-07-01', '', 1]
		]);
		expect(publishedEraOfYear(eras, 2024).rows[0].name).toBe('Xã Sông');
		expect(publishedEraOfYear(eras, 2025).rows[0].name).toBe('Xã Đồi Núi');
	});

	it('links a new unit to its predecessors and an old unit to its successor', () => {
		expect(predecessorRows(eras, eras[1], '11').map((r) => r.name)).toEqual(['Xã Sông', 'Xã Núi']);
		expect(successorRow(eras, eras[0], '12')?.name).toBe('Xã Đồi Núi');
	});
});
