import { describe, expect, it } from 'vitest';
import { buildGeography, childrenOf, foldDiacritics, provincePartitions, type Unit } from './units';

const unit = (
	code: string,
	level: Unit['level'],
	district_code: string,
	province_code?: string
): Unit => ({
	code,
	name: `Unit ${code}`,
	type: level,
	level,
	district_code,
	name_ascii: `Unit ${code}`,
	...(province_code === undefined ? {} : { province_code })
});

describe('buildGeography', () => {
	it('nests communes under their district and districts under the province', () => {
		const geo = buildGeography({ code: '62', name: 'Tỉnh Kon Tum' }, [
			unit('608', 'district', '608'),
			unit('23281', 'commune', '608'),
			unit('23284', 'commune', '608')
		]);
		expect(childrenOf(geo, '62').map((u) => u.code)).toEqual(['608']);
		expect(childrenOf(geo, '608').map((u) => u.code)).toEqual(['23281', '23284']);
		expect(geo.province.name_ascii).toBe('Tinh Kon Tum');
	});
});

describe('provincePartitions', () => {
	it('a code list without province rows is one partition under the top unit', () => {
		const parts = provincePartitions({ code: '62', name: 'Kon Tum' }, [
			unit('608', 'district', '608'),
			unit('23281', 'commune', '608')
		]);
		expect(parts.map((g) => g.province.code)).toEqual(['62']);
	});

	it('splits a national list by province; communes follow their district', () => {
		const parts = provincePartitions({ code: '00', name: 'Việt Nam' }, [
			unit('01', 'province', ''),
			unit('02', 'province', ''),
			unit('001', 'district', '001', '01'),
			unit('002', 'district', '002', '02'),
			unit('003', 'district', '003', '02'),
			unit('00001', 'commune', '001'),
			unit('00002', 'commune', '002'),
			unit('00003', 'commune', '003', '02')
		]);
		expect(parts.map((g) => g.province.code)).toEqual(['01', '02']);
		expect(parts[0].districts.map((u) => u.code)).toEqual(['001']);
		expect(parts[1].districts.map((u) => u.code)).toEqual(['002', '003']);
		expect(parts[1].communes.map((u) => u.code)).toEqual(['00002', '00003']);
		expect(childrenOf(parts[1], '02').map((u) => u.code)).toEqual(['002', '003']);
		expect(parts[1].province.level).toBe('province');
	});

	it('names the unit whose province is unknown', () => {
		expect(() =>
			provincePartitions({ code: '00', name: 'Việt Nam' }, [
				unit('01', 'province', ''),
				unit('001', 'district', '001', '09')
			])
		).toThrow(/district 001 names no known province/);
	});
});

describe('foldDiacritics', () => {
	it('drops marks and maps Đ', () => {
		expect(foldDiacritics('Đắk Glei')).toBe('Dak Glei');
	});
});
