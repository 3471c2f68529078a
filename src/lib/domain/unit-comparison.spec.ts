import { describe, expect, test } from 'vitest';
import type { Indicator } from './plan';
import { comparisonTable, readPicked, togglePicked } from './unit-comparison';

const order = ['608', '23281', '23284', '610', '23290'];

describe('picked units', () => {
	test('a link keeps known codes only, once each, in the plan order, at most five', () => {
		expect(readPicked(null, order)).toBeNull();
		expect(readPicked('610,x,608,608', order)).toEqual(['608', '610']);
		expect(readPicked('23290,610,23284,23281,608', order, 3)).toEqual(['608', '23281', '23284']);
		expect(readPicked('', order)).toEqual([]);
	});
	test('adding keeps the plan order and stops at the limit; removing removes', () => {
		expect(togglePicked(['610'], '608', true, order)).toEqual(['608', '610']);
		expect(togglePicked(['608', '610'], '23281', true, order, 2)).toEqual(['608', '610']);
		expect(togglePicked(['608', '610'], '608', false, order)).toEqual(['610']);
	});
});

describe('comparisonTable', () => {
	const rate = {
		id: 'access',
		kind: 'rate',
		shortLabel: { vi: 'Tiếp cận', en: 'Access' }
	} as unknown as Indicator;
	test('a row per year, a column per unit; a hidden value is said as hidden, not as a number', () => {
		const t = comparisonTable(
			rate,
			[
				{ code: '62', name: 'Tỉnh', values: [{ year: 2024, value: 70.5, suppressed: false }] },
				{ code: '23281', name: 'Xã B', values: [{ year: 2024, value: null, suppressed: true }] }
			],
			[2023, 2024],
			'en'
		);
		expect(t.columns.map((c) => c.key)).toEqual(['year', '62', '23281']);
		expect(t.rows[1].cells).toEqual({ year: '2024', '62': '70.5%', '23281': 'Hidden (<5)' });
		expect(t.rows[0].cells['62']).toBe('No data');
		expect(t.rows[1].raw).toEqual({ year: 2024, '62': 70.5, '23281': null });
		expect(t.summary).toBe('Access, 2024: Tỉnh 70.5%; Xã B Hidden (<5).');
	});
});
