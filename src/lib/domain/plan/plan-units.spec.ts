import { describe, expect, it } from 'vitest';
import {
	childrenOf,
	firstLeaf,
	namesByYear,
	unitsIn,
	versionsOf,
	type UnitRow
} from './plan-units';

// Hand-written: a province, two districts, one of which changes type on 2019-05-01.
const row = (
	code: string,
	name: string,
	type: string,
	level: string,
	parent: string,
	from = '',
	to = ''
): UnitRow => ({ code, name, type, level, parent, from, to });
const rows = [
	row('33', 'Tỉnh Hưng Yên', 'Tỉnh', 'province', ''),
	row('330', 'Huyện Mỹ Hào', 'Huyện', 'district', '33', '', '2019-04-30'),
	row('330', 'Thị xã Mỹ Hào', 'Thị xã', 'district', '33', '2019-05-01'),
	row('331', 'Huyện Văn Lâm', 'Huyện', 'district', '33')
];

describe('the unit list', () => {
	it('names the first unit with nothing under it (an example report row’s unit)', () => {
		expect(firstLeaf(rows)).toBe('330');
	});
	it('takes the version valid on 31 December of the year', () => {
		expect(unitsIn(rows, 2018).find((u) => u.code === '330')!.type).toBe('Huyện');
		expect(unitsIn(rows, 2019).find((u) => u.code === '330')!.type).toBe('Thị xã');
		expect(unitsIn(rows, null).find((u) => u.code === '330')!.type).toBe('Thị xã');
	});
	it('lists versions oldest first and children once each', () => {
		expect(versionsOf(rows, '330').map((v) => v.type)).toEqual(['Huyện', 'Thị xã']);
		expect(childrenOf(rows, '33').map((u) => u.code)).toEqual(['330', '331']);
		expect(childrenOf(rows, '330')).toEqual([]);
	});
	it('names the unit each year as its figures are keyed (31 December), only when it changed', () => {
		expect(namesByYear(versionsOf(rows, '330'), [2018, 2019, 2020])).toEqual({
			2018: 'Huyện Mỹ Hào',
			2019: 'Thị xã Mỹ Hào',
			2020: 'Thị xã Mỹ Hào'
		});
		expect(namesByYear(versionsOf(rows, '331'), [2018, 2019])).toBeNull();
	});
});
