import { describe, expect, it } from 'vitest';
import { childrenOf, parseUnitsCsv, unitsIn, versionsOf } from './plan-units';

// Hand-written: a province, two districts, one of which changes type on 2019-05-01.
const csv = `code,name,type,level,parent,valid_from,valid_to
33,Tỉnh Hưng Yên,Tỉnh,province,,,
330,Huyện Mỹ Hào,Huyện,district,33,,2019-04-30
330,Thị xã Mỹ Hào,Thị xã,district,33,2019-05-01,
331,"Huyện Văn Lâm, cũ",Huyện,district,33,,
`;

describe('the unit list', () => {
	const rows = parseUnitsCsv(csv)!;
	it('reads the contract header, quoted cells included', () => {
		expect(rows).toHaveLength(4);
		expect(rows[3].name).toBe('Huyện Văn Lâm, cũ');
		expect(parseUnitsCsv('code,name,type,level,district_code\n1,a,b,c,d\n')).toBeNull();
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
});
