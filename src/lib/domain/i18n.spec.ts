import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { areaText } from './i18n';

const area = (file: string) =>
	JSON.parse(readFileSync(`data/plans/${file}.json`, 'utf8')).geography.area.name;

describe('the dictionary names no plan: the area comes from the plan file', () => {
	test('Kon Tum’s titles read as before, from its plan file', () => {
		const kontum = area('kontum-3430');
		expect(areaText('vi', 'siteTitle', kontum)).toBe(
			'Theo dõi hỗ trợ trẻ em khuyết tật tỉnh Kon Tum'
		);
		expect(areaText('vi', 'overviewTitle', kontum)).toBe(
			'Tỉnh Kon Tum có đạt mục tiêu hỗ trợ trẻ em khuyết tật?'
		);
		expect(areaText('en', 'siteTitle', kontum)).toBe(
			'Monitoring support for children with disabilities in Kon Tum province'
		);
	});
	test('another plan’s area fills the same words', () => {
		expect(areaText('vi', 'siteTitle', area('langson-city-2024'))).toBe(
			'Theo dõi hỗ trợ trẻ em khuyết tật thành phố Lạng Sơn'
		);
	});
	test('no message names Kon Tum or its unit counts', () => {
		const source = readFileSync('src/lib/domain/i18n.ts', 'utf8');
		expect(source).not.toMatch(/Kon Tum|\b102\b|\b10 (huyện|districts)\b/);
	});
});
