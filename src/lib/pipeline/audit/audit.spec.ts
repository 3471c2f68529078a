/**
 * The attacker (audit.ts) on small hand-made publications whose answers are worked out by hand
 * in the comments: each case states what a reader can conclude and the test checks that the
 * audit reports exactly those disclosures, no more and no fewer.
 *
 * Tables are written the way a reader has them: manifest columns (a count `protected`, `atMost`
 * another, a rate with its `numerator` and `denominator`) and rows whose hidden cells are empty
 * and flagged. `truth` gives the hidden cells' true values, as the pipeline's audit has them.
 */
import { describe, expect, it } from 'vitest';
import type { ManifestColumn } from '../../domain/published';
import { additiveGroups, recoverableCells } from '../protect';
import { auditTables, type AuditResult, type Disclosure } from './audit';
import type { Cell, ReadTable, ReadUnit } from './cell-system';

const RULE = { min: 1, max: 4 };
const label = (s: string) => ({ vi: s, en: s });

const dimension = (name: string): ManifestColumn => ({
	name,
	type: 'VARCHAR',
	role: 'dimension',
	label: label(name)
});
const count = (name: string, atMost?: string): ManifestColumn => ({
	name,
	type: 'INTEGER',
	role: 'count',
	label: label(name),
	protected: true,
	...(atMost ? { atMost } : {})
});
const flag = (name: string): ManifestColumn => ({
	name: `${name}_suppressed`,
	type: 'BOOLEAN',
	role: 'flag',
	label: label(name)
});

/**
 * A hand-made table: `cells` lists, per row, the dimensions and each count as a number
 * (published) or `[true value]` (hidden: published empty and flagged, the truth kept aside).
 */
type Value = number | [number];
interface HandTable {
	table: ReadTable;
	truth: Map<string, number>;
}
function handTable(
	dims: string[],
	counts: ManifestColumn[],
	cells: Record<string, string | Value>[],
	rates: ManifestColumn[] = []
): HandTable {
	const truth = new Map<string, number>();
	const rows = cells.map((c, i) => {
		const row: Record<string, unknown> = { year: '2020' };
		for (const d of dims) row[d] = c[d];
		for (const k of counts) {
			const v = c[k.name] as Value;
			const hidden = Array.isArray(v);
			row[k.name] = hidden ? '' : String(v);
			row[`${k.name}_suppressed`] = hidden ? 'true' : 'false';
			truth.set(`${i}|${k.name}`, hidden ? v[0] : v);
		}
		for (const r of rates) {
			const v = c[r.name];
			row[r.name] = v === undefined ? '' : String(v);
			row[`${r.name}_suppressed`] = v === undefined ? 'true' : 'false';
		}
		return row;
	});
	return {
		table: {
			name: 't',
			columns: [
				dimension('year'),
				...dims.map(dimension),
				...counts,
				...rates,
				...[...counts, ...rates].map((c) => flag(c.name))
			],
			rows
		},
		truth
	};
}

const audit = (t: HandTable, units: ReadUnit[]): Promise<AuditResult> =>
	auditTables([t.table], units, {
		rule: RULE,
		truth: (cell: Cell) => t.truth.get(`${cell.row}|${cell.column}`)
	});

/** A disclosure as the test states it: where (unit and breakdown), what, who, conclusion. */
const brief = (d: Disclosure) => {
	const [column, , unit, ...values] = d.key.split('|');
	const where = [unit, ...values.filter((v) => v !== 'all' && v !== '')].join(' ');
	return `${column} ${where}: ${d.kind} ${d.attacker} ${d.conclusion}`;
};
const briefs = (r: AuditResult) => r.disclosures.map(brief).sort();

/** Communes under one district D. */
const district = (...communes: string[]): ReadUnit[] => [
	{ code: 'D', parent: null },
	...communes.map((code) => ({ code, parent: 'D' }))
];

describe('auditTables on hand-made publications', () => {
	it('(a) solves jointly what no single identity gives away', async () => {
		// Communes A, B, C of district D by age band (x, y, z) with totals: a 4 × 4 grid whose every
		// row and column is an identity. Hidden cells (*): every identity has two or three.
		//
		//          x     y     z    all
		//   A     6*    7*    2*    15
		//   B     5*    8*    9     22
		//   C    10    11     3*    24*
		//   D    21    26    14*    61*
		//
		// Rows A + B minus columns x + y leaves one unknown, A.z:
		//   (A.x + A.y + A.z − A.all) + (B.x + B.y + B.z − B.all) − (A.x + B.x + C.x − D.x)
		//     − (A.y + B.y + C.y − D.y) = 0
		//   ⇒ A.z = A.all + B.all − B.z + C.x + C.y − D.x − D.y = 15 + 22 − 9 + 10 + 11 − 21 − 26 = 2.
		// A.z is the bridge between two cycles of hidden cells: (A.x A.y B.y B.x) moves by ±t, t in
		// [−5, 7] (A.x, B.x ≥ 0; A.y, B.y ≥ 0), (C.z C.all D.z D.all) by +s, s ≥ −3, unbounded above.
		// (A 2 × 3 table cannot do this by elimination: a hidden cell is fixed by the identities
		// exactly when it is a bridge between two cycles of hidden cells in the grid's row/column
		// graph, and two disjoint cycles need four rows of the grid, the total row included.)
		// So: A.z = 2 exactly (both attackers; the one who knows it is not zero asks only its
		// maximum, 2); C.z (3) is anywhere in [0, ∞): not pinned. 6, 7, 5, 8 are not small groups.
		const t = handTable(
			['unit_code', 'age_band'],
			[count('children')],
			[
				['A', [6], [7], [2], 15],
				['B', [5], [8], 9, 22],
				['C', 10, 11, [3], [24]],
				['D', 21, 26, [14], [61]]
			].flatMap(([unit, ...values]) =>
				['x', 'y', 'z', 'all'].map((age_band, k) => ({
					unit_code: unit as string,
					age_band,
					children: values[k] as Value
				}))
			)
		);
		// the single-equation check (every identity needs 0 or ≥ 2 hidden cells) sees nothing
		const groups = additiveGroups(t.table.rows, {
			dimensions: ['year', 'unit_code', 'age_band'],
			marginals: { age_band: 'all' },
			hierarchy: { column: 'unit_code', childrenOf: new Map([['D', ['A', 'B', 'C']]]) }
		});
		expect(groups).toHaveLength(4 + 4); // four rows, four columns
		const hidden = t.table.rows.map((r) => r.children_suppressed === 'true');
		const values = t.table.rows.map((r, i) => t.truth.get(`${i}|children`) as number);
		expect(recoverableCells(values, hidden, groups)).toEqual([]);

		const r = await audit(t, district('A', 'B', 'C'));
		expect(briefs(r)).toEqual([
			'children A z: size not-zero 1–2',
			'children A z: size published = 2'
		]);
		expect(r.disclosures.every((d) => d.truth === 2)).toBe(true);
		// hidden: 9 cells; small groups among them: A.z (2) and C.z (3)
		expect([r.hiddenValues, r.smallGroups]).toEqual([9, 2]);
	});

	it('(b) carries bounds through "accessed ≤ children" from one identity to another', async () => {
		// District D and communes A, B, C, E; children and accessed (accessed ≤ children):
		//
		//            A    B     C     E     D
		//   children 9    8*    3*   10    30
		//   accessed 5    8     2*   10*   25
		//
		// children: B + C = 30 − 9 − 10 = 11, and B ≥ accessed B = 8, so C ≤ 3.
		// accessed: C + E = 25 − 5 − 8 = 12, and E ≤ children E = 10, so accessed C ≥ 2; then
		// children C ≥ accessed C ≥ 2. Children C is in [2, 3] and accessed C in [2, 3]
		// (accessed C ≤ children C ≤ 3): two small groups pinned from the published values alone,
		// though each identity has two hidden cells. Knowing they are not zero adds nothing but is
		// reported too: their maximum is 3. No attribute is pinned: children C − accessed C can
		// be 1 (3 − 2), and accessed C ≥ 2 is not none.
		const t = handTable(
			['unit_code'],
			[count('children'), count('accessed', 'children')],
			[
				{ unit_code: 'A', children: 9, accessed: 5 },
				{ unit_code: 'B', children: [8], accessed: 8 },
				{ unit_code: 'C', children: [3], accessed: [2] },
				{ unit_code: 'E', children: 10, accessed: [10] },
				{ unit_code: 'D', children: 30, accessed: 25 }
			]
		);
		const r = await audit(t, district('A', 'B', 'C', 'E'));
		expect(briefs(r)).toEqual([
			'accessed C: size not-zero 1–3',
			'accessed C: size published 2–3',
			'children C: size not-zero 1–3',
			'children C: size published 2–3'
		]);
	});

	it('(c) an attacker who knows which hidden counts are not zero pins what the values alone do not', async () => {
		// D = 12 = A + B + C with A = 10 published: B + C = 2.
		// From the values alone B and C are each anywhere in [0, 2]: B may be 0, no group pinned.
		// Knowing both are at least 1 (the report has a child in each): B = C = 1.
		const t = handTable(
			['unit_code'],
			[count('children')],
			[
				{ unit_code: 'A', children: 10 },
				{ unit_code: 'B', children: [1] },
				{ unit_code: 'C', children: [1] },
				{ unit_code: 'D', children: 12 }
			]
		);
		const r = await audit(t, district('A', 'B', 'C'));
		expect(briefs(r)).toEqual(['children B: size not-zero = 1', 'children C: size not-zero = 1']);
		// the published-values attacker alone finds nothing
		const plain = await auditTables([t.table], district('A', 'B', 'C'), {
			rule: RULE,
			truth: (cell) => t.truth.get(`${cell.row}|${cell.column}`),
			attackers: ['published']
		});
		expect(plain.disclosures).toEqual([]);
		expect(plain.smallGroups).toBe(2);
	});

	it('(d) a published rate on a hidden numerator and a published denominator gives it away', async () => {
		// One unit: children 20, accessed hidden (3), access rate published 15.0 %.
		// rate = round(accessed / 20 × 1000) / 10 = 15.0 ⇒ accessed / 20 in [14.95 %, 15.05 %]
		// ⇒ accessed in [2.99, 3.01] ⇒ accessed = 3.
		const rate: ManifestColumn = {
			name: 'access_rate',
			type: 'DOUBLE',
			role: 'rate',
			label: label('access_rate'),
			protected: true,
			numerator: 'accessed',
			denominator: 'children'
		};
		const cells = [{ unit_code: 'A', children: 20, accessed: [3] as Value, access_rate: '15' }];
		const t = handTable(['unit_code'], [count('children'), count('accessed', 'children')], cells, [
			rate
		]);
		const units = [{ code: 'A', parent: null }];
		const r = await audit(t, units);
		expect(briefs(r)).toEqual(['accessed A: size not-zero 1–3', 'accessed A: size published = 3']);
		// the same row without the rate: accessed is anywhere in [0, 20] (≥ 1 and up to 20 for
		// the other attacker): nothing pinned
		const withheld = handTable(
			['unit_code'],
			[count('children'), count('accessed', 'children')],
			[{ unit_code: 'A', children: 20, accessed: [3] }],
			[rate]
		);
		expect((await audit(withheld, units)).disclosures).toEqual([]);
	});

	it('(e) leaves a rectangle of hidden cells with room to move unpinned, for both attackers', async () => {
		// Communes A, B of district D by sex, children and accessed; every inner cell hidden,
		// every total published:
		//
		//   children   nam   nu   all        accessed   nam   nu   all
		//   A          3*    6*    9         A          2*    5*    7
		//   B          7*    8*   15         B          6*    7*   13
		//   D         10    14    24         D          8    12    20
		//
		// children move around the rectangle: A.nam = 3 + t, A.nu = 6 − t, B.nam = 7 − t,
		// B.nu = 8 + t; accessed likewise with t'. accessed ≤ children in each cell gives
		// |t − t'| ≤ 1.
		// Values alone: t in [−3, 6], so children A.nam in [0, 9], accessed A.nam in [0, 7]
		// (t' ≥ −2, t' ≤ 5): neither is at least 1, nothing pinned.
		// Not zero (every hidden cell ≥ 1): t in [−2, 5], t' in [−1, 4]: children A.nam up to 8,
		// accessed A.nam up to 6, both reach 5. The small group A.nam (3): accessed can be 1 or
		// more (not none), and children − accessed can be 1 or more (not all).
		const cells: Record<string, string | Value>[] = [
			{ unit_code: 'A', sex: 'nam', children: [3], accessed: [2] },
			{ unit_code: 'A', sex: 'nu', children: [6], accessed: [5] },
			{ unit_code: 'A', sex: 'all', children: 9, accessed: 7 },
			{ unit_code: 'B', sex: 'nam', children: [7], accessed: [6] },
			{ unit_code: 'B', sex: 'nu', children: [8], accessed: [7] },
			{ unit_code: 'B', sex: 'all', children: 15, accessed: 13 },
			{ unit_code: 'D', sex: 'nam', children: 10, accessed: 8 },
			{ unit_code: 'D', sex: 'nu', children: 14, accessed: 12 },
			{ unit_code: 'D', sex: 'all', children: 24, accessed: 20 }
		];
		const t = handTable(
			['unit_code', 'sex'],
			[count('children'), count('accessed', 'children')],
			cells
		);
		const r = await audit(t, district('A', 'B'));
		expect(r.disclosures).toEqual([]);
		expect(r.refuted).toEqual([]);
		// judged: children A.nam (3) and accessed A.nam (2)
		expect([r.hiddenValues, r.smallGroups]).toEqual([8, 2]);
	});
});
