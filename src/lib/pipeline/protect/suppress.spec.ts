import { describe, expect, it } from 'vitest';
import { additiveGroups, type AdditiveGroup, type TableShape } from './additive-groups';
import { recoverableCells, suppressCounts, unsafeCells } from './suppress';

type Row = Record<string, string>;

/** Indices of the true entries. */
const hidden = (mask: boolean[]): number[] => mask.flatMap((s, i) => (s ? [i] : []));

/** A row-by-column table with margins (`all`), row-major, values summed from the interior. */
function twoWay(interior: number[][]): { rows: Row[]; values: number[]; groups: AdditiveGroup[] } {
	const rows: Row[] = [];
	const values: number[] = [];
	const r = interior.map((_, i) => `r${i + 1}`).concat('all');
	const c = interior[0].map((_, j) => `c${j + 1}`).concat('all');
	r.forEach((row, i) =>
		c.forEach((col, j) => {
			rows.push({ row, col });
			const rowsIn = row === 'all' ? interior : [interior[i]];
			values.push(rowsIn.reduce((t, cells) => t + (col === 'all' ? sum(cells) : cells[j]), 0));
		})
	);
	const shape: TableShape = { dimensions: ['row', 'col'], marginals: { row: 'all', col: 'all' } };
	return { rows, values, groups: additiveGroups(rows, shape) };
}
const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
const cell = (rows: Row[], row: string, col: string): number =>
	rows.findIndex((x) => x.row === row && x.col === col);

describe('suppressCounts: one group', () => {
	// 3 districts + province total
	const group: AdditiveGroup = { total: 3, members: [0, 1, 2] };

	it('hides a small count and the smallest other positive member', () => {
		const values = [10, 3, 7, 20];
		const mask = suppressCounts(values, [group]);
		expect(mask).toEqual([false, true, true, false]);
		expect(recoverableCells(values, mask, [group])).toEqual([]);
	});

	it('breaks ties on the lowest row index', () => {
		expect(hidden(suppressCounts([5, 3, 5, 13], [group]))).toEqual([0, 1]);
	});

	it('publishes everything when nothing is small', () => {
		expect(hidden(suppressCounts([10, 5, 7, 22], [group]))).toEqual([]);
	});

	it('needs nothing more when two cells are already small', () => {
		expect(hidden(suppressCounts([10, 3, 4, 17], [group]))).toEqual([1, 2]);
	});

	it('uses the default rule [1, 4] and accepts another one', () => {
		expect(hidden(suppressCounts([10, 4, 5, 19], [group]))).toEqual([1, 2]);
		expect(hidden(suppressCounts([10, 4, 5, 19], [group], { min: 1, max: 3 }))).toEqual([]);
		expect(hidden(suppressCounts([10, 4, 9, 23], [group], { min: 5, max: 9 }))).toEqual([1, 2]);
	});

	it('does not modify the values and is deterministic', () => {
		const values = [10, 3, 7, 20];
		const first = suppressCounts(values, [group]);
		expect(values).toEqual([10, 3, 7, 20]);
		expect(suppressCounts(values, [group])).toEqual(first);
	});
});

describe('suppressCounts: zeros and totals', () => {
	const group: AdditiveGroup = { total: 3, members: [0, 1, 2] };

	it('never hides zeros for their own sake', () => {
		expect(hidden(suppressCounts([0, 0, 0, 0], [group]))).toEqual([]);
		expect(hidden(suppressCounts([0, 9, 0, 9], [group]))).toEqual([]);
	});

	it('hides the total when the other members are all 0 (the total equals the small cell)', () => {
		const values = [0, 3, 0, 3];
		const mask = suppressCounts(values, [group]);
		expect(hidden(mask)).toEqual([1, 3]);
		expect(recoverableCells(values, mask, [group])).toEqual([]);
	});

	it('prefers a positive member to a zero one', () => {
		expect(hidden(suppressCounts([0, 3, 8, 11], [group]))).toEqual([1, 2]);
	});

	it('hides the smallest positive member when only the total is small', () => {
		// rule [3, 4]: only the total 3 is small; its members 2 and 1 are not
		expect(hidden(suppressCounts([2, 1, 0, 3], [group], { min: 3, max: 4 }))).toEqual([1, 3]);
	});

	it('falls back to the lowest zero member when a hidden total has no positive member', () => {
		// not a consistent table (0 + 0 + 0 ≠ 2): only the fallback rule is tested here
		expect(hidden(suppressCounts([0, 0, 0, 2], [group]))).toEqual([0, 3]);
	});

	it('hides a lone total row (no group to protect it from)', () => {
		expect(suppressCounts([3], [])).toEqual([true]);
		expect(suppressCounts([], [])).toEqual([]);
	});

	it('hides both cells of a one-member group', () => {
		const values = [3, 3];
		expect(suppressCounts(values, [{ total: 1, members: [0] }])).toEqual([true, true]);
		// a one-member group whose member is hidden as a complement in another group: 0 is small,
		// 1 complements it in group {2: 0, 1}, then 3 must follow 1 (it equals it)
		const groups = [
			{ total: 2, members: [0, 1] },
			{ total: 3, members: [1] }
		];
		expect(hidden(suppressCounts([2, 6, 8, 6], groups))).toEqual([0, 1, 3]);
	});
});

describe('suppressCounts: two-way tables', () => {
	it('cascades across rows and columns into a rectangle', () => {
		const { rows, values, groups } = twoWay([
			[2, 10, 20],
			[8, 6, 30],
			[15, 12, 9]
		]);
		const mask = suppressCounts(values, groups);
		const expected = [
			['r1', 'c1'], // primary
			['r2', 'c1'], // column c1: smallest other positive
			['r1', 'c2'], // row r1: smallest other positive
			['r2', 'c2'] // row r2 then has r2c1 alone: smallest other positive
		].map(([r, c]) => cell(rows, r, c));
		expect(hidden(mask)).toEqual(expected.sort((a, b) => a - b));
		expect(recoverableCells(values, mask, groups)).toEqual([]);
	});

	it('cascades through the margins, hiding totals next to zeros', () => {
		//        c1  c2 | all
		// r1      3   0 |  3
		// r2      0   5 |  5
		// all     3   5 |  8
		const { rows, values, groups } = twoWay([
			[3, 0],
			[0, 5]
		]);
		const mask = suppressCounts(values, groups);
		const published = rows.filter((_, i) => !mask[i]).map((x) => `${x.row}/${x.col}`);
		// r1c1, r1/all, all/c1 are 3; the grand total then needs r2/all and all/c2 hidden, which
		// leaves r2c2 alone in its row and column
		expect(published).toEqual(['r1/c2', 'r2/c1', 'all/all']);
		expect(recoverableCells(values, mask, groups)).toEqual([]);
	});
});

describe('recoverableCells and unsafeCells', () => {
	const groups: AdditiveGroup[] = [
		{ total: 3, members: [0, 1, 2] },
		{ total: 5, members: [3, 4] }
	];
	const values = [10, 3, 7, 20, 6, 26];

	it('lists the hidden cells that are alone in a group, once, ascending', () => {
		expect(recoverableCells(values, [false, true, false, false, false, false], groups)).toEqual([
			1
		]);
		// 3 is the total of one group and a member of the other
		expect(recoverableCells(values, [false, false, false, true, false, false], groups)).toEqual([
			3
		]);
		expect(recoverableCells(values, [false, true, true, true, false, false], groups)).toEqual([3]);
		expect(recoverableCells(values, [false, true, true, true, true, false], groups)).toEqual([]);
	});

	it('lists the published counts in [min, max]', () => {
		const mask = [false, false, false, false, false, false];
		expect(unsafeCells(values, mask)).toEqual([1]);
		expect(unsafeCells([0, 1, 4, 5, 3], [false, false, true, false, true])).toEqual([1]);
		expect(
			unsafeCells([0, 1, 4, 5, 3], [false, false, true, false, true], { min: 0, max: 5 })
		).toEqual([0, 1, 3]);
	});

	it('rejects inconsistent input', () => {
		expect(() => suppressCounts([1, 2], [{ total: 2, members: [0] }])).toThrow(/row index/);
		expect(() => suppressCounts([1], [], { min: 5, max: 1 })).toThrow(/empty rule/);
		expect(() => recoverableCells([1, 2], [true], [])).toThrow(/length/);
		expect(() => unsafeCells([1, 2], [true])).toThrow(/length/);
	});
});

/** mulberry32: a small seeded PRNG so the random tables are the same on every run. */
function prng(seed: number): () => number {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/**
 * A random 2-D or 3-D table: dimension 0 is a unit hierarchy (province P over districts),
 * the others are breakdowns with an `all` margin. Interior counts are mostly small; some zero
 * interior rows are left out, as intake files may; rows are shuffled.
 */
function randomTable(random: () => number) {
	const int = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));
	const nDims = int(2, 3);
	const sizes = Array.from({ length: nDims }, () => int(2, 4));
	const names = sizes.map((_, d) => `d${d}`);
	const totalOf = (d: number): string => (d === 0 ? 'P' : 'all');
	const categories = sizes.map((n, d) => Array.from({ length: n }, (_, i) => `${d}.${i}`));

	const combos = (lists: string[][]): string[][] =>
		lists.reduce<string[][]>((acc, list) => acc.flatMap((c) => list.map((v) => [...c, v])), [[]]);
	const interior = combos(categories).map((key) => {
		const roll = random();
		const count = roll < 0.35 ? 0 : roll < 0.7 ? int(1, 4) : int(5, 25);
		return { key, count };
	});
	const rows: Row[] = [];
	const values: number[] = [];
	for (const key of combos(categories.map((c, d) => [...c, totalOf(d)]))) {
		const isInterior = key.every((v, d) => v !== totalOf(d));
		const count = sum(
			interior
				.filter((x) => x.key.every((v, d) => key[d] === totalOf(d) || key[d] === v))
				.map((x) => x.count)
		);
		if (isInterior && count === 0 && random() < 0.3) continue;
		rows.push(Object.fromEntries(key.map((v, d) => [names[d], v])));
		values.push(count);
	}
	for (let i = rows.length - 1; i > 0; i--) {
		const j = int(0, i);
		[rows[i], rows[j]] = [rows[j], rows[i]];
		[values[i], values[j]] = [values[j], values[i]];
	}
	const shape: TableShape = {
		dimensions: names,
		marginals: Object.fromEntries(names.slice(1).map((n) => [n, 'all'])),
		hierarchy: { column: 'd0', childrenOf: new Map([['P', categories[0]]]) }
	};
	return { values, groups: additiveGroups(rows, shape) };
}

describe('suppressCounts: random tables', () => {
	it('protects every cell of 400 random 2-D and 3-D tables with margins', () => {
		const random = prng(3430);
		let complements = 0;
		let cascades = 0;
		for (let t = 0; t < 400; t++) {
			const { values, groups } = randomTable(random);
			// the test tables are what they claim: every group is a sum
			for (const g of groups) expect(values[g.total]).toBe(sum(g.members.map((m) => values[m])));

			const original = [...values];
			const mask = suppressCounts(values, groups);
			expect(values).toEqual(original);
			expect(mask).toHaveLength(values.length);
			expect(unsafeCells(values, mask)).toEqual([]);
			expect(recoverableCells(values, mask, groups)).toEqual([]);
			// published cells show their own value, untouched
			const published = values.map((v, i) => (mask[i] ? null : v));
			values.forEach((v, i) => expect(published[i] === null || published[i] === v).toBe(true));
			// on a consistent table a zero is never needed as a complement
			values.forEach((v, i) => expect(v === 0 && mask[i]).toBe(false));

			const primary = values.filter((v) => v >= 1 && v <= 4).length;
			const extra = hidden(mask).length - primary;
			complements += extra;
			if (extra > 1) cascades++;
		}
		// the random tables do exercise complementary suppression and its cascades
		expect(complements).toBeGreaterThan(100);
		expect(cascades).toBeGreaterThan(50);
	});
});
