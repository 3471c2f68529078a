import { describe, expect, test } from 'vitest';
import { defaultCompared, indicatorTable, targetRule } from './indicator-page';
import type { Indicator } from './plan';
import type { UnitRow } from './indicator-page';

const rate: Indicator = {
	id: 'access',
	kind: 'rate',
	label: { vi: 'a', en: 'a' },
	shortLabel: { vi: 'a', en: 'a' },
	numerator: 'accessed',
	denominator: 'children',
	direction: 'increase',
	targets: [{ phase: 'p', value: 90, test: 'at_least', quote: 'Phấn đấu 90%', source: 's' }]
};
const units = [
	{ unit_code: '23281', name: 'Xã B', level: 'commune', district_code: '608' },
	{ unit_code: '62', name: 'Tỉnh', level: 'province', district_code: '' },
	{ unit_code: '608', name: 'Huyện A', level: 'district', district_code: '608' },
	{ unit_code: '610', name: 'Huyện C', level: 'district', district_code: '610' }
];
const row = (
	year: number,
	unit_code: string,
	level: string,
	rate: number | null,
	hidden = false
) => ({
	year,
	unit_code,
	level,
	accessed: rate === null ? null : rate,
	children: rate === null ? null : 100,
	access_rate: rate,
	access_rate_suppressed: hidden
});

describe('indicatorTable', () => {
	test('province first, each district before its communes; a hidden cell stays a hidden cell', () => {
		const rows = [
			row(2019, '23281', 'commune', null, true),
			row(2018, '62', 'province', 50),
			row(2019, '62', 'province', 60),
			row(2018, '608', 'district', 40),
			row(2018, '610', 'district', 45)
		];
		const t = indicatorTable(rate, rows, units);
		expect(t.years).toEqual([2018, 2019]);
		expect(t.units.map((u) => u.code)).toEqual(['62', '608', '23281', '610']);
		expect(t.units[0].values.map((v) => v?.value)).toEqual([50, 60]);
		expect(t.units[1].values[1]).toBeNull();
		expect(t.units[2].values[1]).toMatchObject({ value: null, suppressed: true });
	});
});

describe('targetRule', () => {
	test('the plan file gives the rule', () => {
		const t = (test: 'at_least' | 'at_most' | 'maintain') => ({
			phase: 'p',
			value: 1,
			test,
			quote: 'q',
			source: ''
		});
		expect(targetRule(rate, t('at_least'))).toBe('at_least');
		expect(targetRule(rate, t('maintain'))).toBe('maintain');
		expect(targetRule({ ...rate, direction: 'decrease' }, t('at_most'))).toBe('at_most');
	});
});

describe('defaultCompared', () => {
	const unit = (code: string, level: UnitRow['level'], ...values: (number | null)[]): UnitRow => ({
		key: code,
		code,
		name: code,
		level,
		era: '',
		anchor: '',
		values: values.map((value, i) =>
			value === undefined ? null : { year: 2020 + i, value, suppressed: value === null }
		)
	});
	test('the two districts with the lowest latest published value, communes and the province left out', () => {
		const table = {
			units: [
				unit('62', 'province', 50, 60),
				unit('608', 'district', 30, 80), // latest 80
				unit('23281', 'commune', 5, 10),
				unit('610', 'district', 90, null), // latest published 90 (2021 hidden)
				unit('611', 'district', 20, 70), // latest 70
				unit('612', 'district', null, null) // nothing published: not a default
			]
		};
		expect(defaultCompared(rate, table)).toEqual(['611', '608']);
	});
	test('nothing for a count of units', () => {
		expect(
			defaultCompared({ ...rate, kind: 'unit_count' } as unknown as Indicator, { units: [] })
		).toEqual([]);
	});
});
