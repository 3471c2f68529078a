import { describe, expect, it } from 'vitest';
import { descendants, parseUnitList, unitsInYear } from './unit-list';
import { checkYears } from './unit-list-years';

const LEVELS = ['province', 'district', 'commune'];
// A province, two districts (one became a town on 2019-05-01), three communes.
const LIST = `# a comment line
code,name,type,level,parent,valid_from,valid_to
33,Tỉnh Hưng Yên,Tỉnh,province,,,
328,Huyện Mỹ Hào,Huyện,district,33,,2019-04-30
328,Thị xã Mỹ Hào,Thị xã,district,33,2019-05-01,
329,Huyện Ân Thi,Huyện,district,33,,
12103,Thị trấn Bần Yên Nhân,Thị trấn,commune,328,,2019-04-30
12103,Phường Bần Yên Nhân,Phường,commune,328,2019-05-01,
12130,Xã Tân Phúc,Xã,commune,329,,
`;

describe('parseUnitList', () => {
	const { versions, issues } = parseUnitList(LIST, 'units.csv', LEVELS);

	it('reads every version with its line', () => {
		expect(issues).toEqual([]);
		expect(versions).toHaveLength(7);
		expect(versions[1]).toMatchObject({
			code: '328',
			type: 'Huyện',
			validTo: '2019-04-30',
			line: 4
		});
	});

	it('a unit with two versions: Huyện in 2018, Thị xã in 2019 (from 1 May) and 2020', () => {
		expect(unitsInYear(versions, 2018, LEVELS).byCode.get('328')?.type).toBe('Huyện');
		expect(unitsInYear(versions, 2019, LEVELS).byCode.get('328')?.name).toBe('Thị xã Mỹ Hào');
		expect(unitsInYear(versions, 2020, LEVELS).byCode.get('328')?.type).toBe('Thị xã');
		expect(unitsInYear(versions, 2019, LEVELS).byCode.get('12103')?.type).toBe('Phường');
	});

	it('parents, children, leaves and descendants of a year', () => {
		const t = unitsInYear(versions, 2018, LEVELS);
		expect(t.root).toBe('33');
		expect(t.units.map((u) => u.code)).toEqual(['33', '328', '329', '12103', '12130']);
		expect(t.byCode.get('33')?.children).toEqual(['328', '329']);
		expect([...t.leaves].sort()).toEqual(['12103', '12130']);
		expect(descendants(t, '328')).toEqual(['328', '12103']);
		expect(descendants(t, '33')).toEqual(['33', '328', '12103', '329', '12130']);
	});

	it('a unit valid only before a year is not in it', () => {
		const list = LIST + '12999,Xã Cũ,Xã,commune,329,,2015-12-31\n';
		const r = parseUnitList(list, 'units.csv', LEVELS);
		expect(r.issues).toEqual([]);
		expect(unitsInYear(r.versions, 2015, LEVELS).byCode.has('12999')).toBe(true);
		expect(unitsInYear(r.versions, 2016, LEVELS).byCode.has('12999')).toBe(false);
		// its district is a leaf of no year: it keeps a child in 2015 only
		expect(unitsInYear(r.versions, 2015, LEVELS).byCode.get('329')?.children).toEqual([
			'12130',
			'12999'
		]);
	});
});

describe('parseUnitList errors name file, row, column and the fix', () => {
	const errs = (text: string) => parseUnitList(text, 'u.csv', LEVELS).issues;

	it('a wrong header', () => {
		const i = errs('code,name,level,parent\n33,A,province,\n');
		expect(i).toHaveLength(1);
		expect(i[0]).toMatchObject({ file: 'u.csv', row: 1 });
		expect(i[0].message.en).toContain('code,name,type,level,parent,valid_from,valid_to');
	});

	it('an unknown level, a missing parent, a bad date, overlapping versions', () => {
		const text = `code,name,type,level,parent,valid_from,valid_to
33,A,Tỉnh,province,,,
1,B,Huyện,county,33,,
2,C,Huyện,district,99,,
3,D,Huyện,district,33,2019-13-01,
4,E,Huyện,district,33,,2019-06-30
4,E2,Thị xã,district,33,2019-05-01,
`;
		const i = errs(text);
		const where = i.map((x) => `${x.row}:${x.column}`);
		expect(where).toContain('3:level');
		expect(where).toContain('5:valid_from');
		expect(i.find((x) => x.row === 3)?.message.vi).toContain('province, district, commune');
		// the parse stops before the cross-row checks when a row is bad; fix them and run again
		const second = errs(text.replace('county', 'district').replace('2019-13-01', '2019-12-01'));
		expect(second.map((x) => `${x.row}:${x.column}`).sort()).toEqual(['4:parent', '7:valid_from']);
	});

	it('two units at the top level', () => {
		const i = errs(
			'code,name,type,level,parent,valid_from,valid_to\n1,A,T,province,,,\n2,B,T,province,,,\n'
		);
		expect(i[0].message.en).toContain('exactly one unit');
	});

	it('a parent not valid in a year of the plan', () => {
		const text = `code,name,type,level,parent,valid_from,valid_to
33,A,Tỉnh,province,,,
1,B,Huyện,district,33,,2017-12-31
10,X,Xã,commune,1,,
`;
		const r = parseUnitList(text, 'u.csv', LEVELS);
		expect(r.issues).toEqual([]);
		const y = checkYears(r.versions, 'u.csv', LEVELS, [2017, 2018]);
		expect(y).toHaveLength(1);
		expect(y[0]).toMatchObject({ row: 4, column: 'parent', value: '1' });
		expect(y[0].message.en).toContain('2018');
	});
});
