/**
 * secureTable on a table with two groups in one row (the indicators: caregivers and the
 * caregivers trained among them, staff and the staff trained among them): a hidden group hides
 * its own parts, and only those.
 */
import { describe, expect, it } from 'vitest';
import type { ColumnSpec } from '../columns';
import { secureTable } from './secure';

const label = { vi: '', en: '' };
const dims = ['year', 'level', 'unit_code', 'district_code'];
const columns: ColumnSpec[] = [
	...dims.map((name): ColumnSpec => ({ name, type: 'VARCHAR', role: 'dimension', label })),
	{ name: 'caregivers', type: 'INTEGER', role: 'count', label, protected: true },
	{
		name: 'caregivers_trained',
		type: 'INTEGER',
		role: 'count',
		label,
		protected: true,
		atMost: 'caregivers'
	},
	{ name: 'staff', type: 'INTEGER', role: 'count', label, protected: true },
	{ name: 'staff_trained', type: 'INTEGER', role: 'count', label, protected: true, atMost: 'staff' }
];
const measures = ['caregivers', 'caregivers_trained', 'staff', 'staff_trained'];

/** District D of communes A, B, C; `a` is commune A's four counts, B and C are 15, 11, 6, 5 and 15, 11, 7, 6. */
function table(a: number[]) {
	const communes = [
		['A', ...a],
		['B', 15, 11, 6, 5],
		['C', 15, 11, 7, 6]
	] as [string, ...number[]][];
	const row = (level: string, unit: string, v: number[]) => ({
		year: 2020,
		level,
		unit_code: unit,
		district_code: 'D',
		...Object.fromEntries(measures.map((m, k) => [m, v[k]]))
	});
	const district = measures.map((_, k) => communes.reduce((s, c) => s + (c[k + 1] as number), 0));
	return {
		name: 'indicators',
		rows: [
			row('district', 'D', district),
			...communes.map(([u, ...v]) => row('commune', u, v as number[]))
		],
		columns,
		shape: {
			dimensions: dims,
			marginals: {},
			hierarchy: {
				column: 'unit_code',
				childrenOf: new Map([['D', ['A', 'B', 'C']]]),
				ignore: ['level', 'district_code']
			}
		},
		measures,
		units: [{ code: 'D', parent: null }, ...['A', 'B', 'C'].map((code) => ({ code, parent: 'D' }))],
		rule: { min: 1, max: 4 }
	};
}

const hiddenIn = (hidden: Record<string, boolean[]>, row: number) =>
	measures.filter((m) => hidden[m][row]);

describe('secureTable: a row with two groups', () => {
	it('hides the staff trained with a small staff (none of 3 trained is not published as 0)', async () => {
		// commune A: 10 caregivers (8 trained), 3 staff (0 trained). Staff 3 is small: hidden, and
		// B's staff (6) with it for the district's sum. A published staff_trained = 0 would say none
		// of A's 3 staff were trained; hiding B's or C's staff_trained does not change that, so
		// only hiding A's own can protect it.
		const r = await secureTable(table([10, 8, 3, 0]));
		expect(r.remaining).toEqual([]);
		expect(hiddenIn(r.hidden, 1)).toEqual(['staff', 'staff_trained']);
		// the caregivers of A (10, 8) are another group: published
		expect(r.hidden.caregivers.some(Boolean)).toBe(false);
	});

	it('hides the caregivers trained with small caregivers, and not the staff', async () => {
		// the same numbers with the groups swapped: caregivers 3 (0 trained), staff 10 (8 trained)
		const r = await secureTable(table([3, 0, 10, 8]));
		expect(r.remaining).toEqual([]);
		expect(hiddenIn(r.hidden, 1)).toEqual(['caregivers', 'caregivers_trained']);
	});
});
