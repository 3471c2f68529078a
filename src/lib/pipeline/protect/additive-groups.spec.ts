import { describe, expect, it } from 'vitest';
import { additiveGroups, type AdditiveGroup, type TableShape } from './additive-groups';

type Row = Record<string, unknown>;

/** Groups as comparable data: sorted by total, whatever order they were emitted in. */
function byTotal(groups: AdditiveGroup[]): AdditiveGroup[] {
	return [...groups].sort((a, b) => a.total - b.total);
}

function sumsHold(rows: Row[], groups: AdditiveGroup[], column: string): boolean {
	return groups.every(
		(g) => rows[g.total][column] === g.members.reduce((s, m) => s + (rows[m][column] as number), 0)
	);
}

describe('additiveGroups: marginals', () => {
	// sex × age with margins; index: 0 nam/a, 1 nam/b, 2 nam/all, 3 nu/a, 4 nu/b, 5 nu/all,
	// 6 all/a, 7 all/b, 8 all/all
	const rows: Row[] = [];
	for (const sex of ['nam', 'nu', 'all']) {
		for (const age of ['a', 'b', 'all']) rows.push({ sex, age });
	}
	const shape: TableShape = { dimensions: ['sex', 'age'], marginals: { sex: 'all', age: 'all' } };

	it('emits one group per total row and marginal column, in dimension order', () => {
		expect(additiveGroups(rows, shape)).toEqual([
			// over sex (total rows have sex = all)
			{ total: 6, members: [0, 3] },
			{ total: 7, members: [1, 4] },
			{ total: 8, members: [2, 5] },
			// over age
			{ total: 2, members: [0, 1] },
			{ total: 5, members: [3, 4] },
			{ total: 8, members: [6, 7] }
		]);
	});

	it('only uses the marginal columns that are named', () => {
		const groups = additiveGroups(rows, { dimensions: ['sex', 'age'], marginals: { age: 'all' } });
		expect(groups.map((g) => g.total)).toEqual([2, 5, 8]);
	});

	it('leaves missing categories out (they are zeros) and skips totals without members', () => {
		const sparse: Row[] = [
			{ sex: 'nam', age: 'a' }, // 0
			{ sex: 'nam', age: 'all' }, // 1
			{ sex: 'nu', age: 'all' }, // 2: no nu/a or nu/b row
			{ sex: 'all', age: 'a' }, // 3
			{ sex: 'all', age: 'all' } // 4
		];
		expect(byTotal(additiveGroups(sparse, shape))).toEqual([
			{ total: 1, members: [0] },
			{ total: 3, members: [0] },
			{ total: 4, members: [1, 2] },
			{ total: 4, members: [3] }
		]);
	});

	it('emits nothing for a table that only has its total row', () => {
		expect(additiveGroups([{ sex: 'all', age: 'all' }], shape)).toEqual([]);
	});

	it('compares values as strings (numeric codes from CSV or JSON)', () => {
		const mixed: Row[] = [
			{ year: 2024, type: 1 },
			{ year: '2024', type: 2 },
			{ year: 2024, type: 'all' }
		];
		expect(
			additiveGroups(mixed, { dimensions: ['year', 'type'], marginals: { type: 'all' } })
		).toEqual([{ total: 2, members: [0, 1] }]);
	});

	it('gives the same groups when the key space is too large for numeric keys', () => {
		// six extra dimensions with 500 distinct values each: 500^6 > Number.MAX_SAFE_INTEGER
		const extra = ['x1', 'x2', 'x3', 'x4', 'x5', 'x6'];
		const filler: Row[] = Array.from({ length: 500 }, (_, i) =>
			Object.fromEntries(['sex', 'age', ...extra].map((c) => [c, `f${i}`]))
		);
		const wide: Row[] = rows.map((row) => ({
			...row,
			...Object.fromEntries(extra.map((c) => [c, 'c']))
		}));
		const groups = additiveGroups([...wide, ...filler], {
			dimensions: ['sex', 'age', ...extra],
			marginals: shape.marginals
		});
		expect(groups).toEqual(additiveGroups(rows, shape));
	});

	it('rejects a marginal that is not a dimension and duplicate keys', () => {
		expect(() => additiveGroups(rows, { dimensions: ['sex'], marginals: { age: 'all' } })).toThrow(
			/not one of the table's dimensions/
		);
		expect(() => additiveGroups([...rows, { sex: 'nu', age: 'b' }], shape)).toThrow(/two rows/);
	});
});

describe('additiveGroups: hierarchy', () => {
	const childrenOf = new Map([
		['62', ['601', '602']],
		['601', ['60101', '60102']],
		['602', ['60201']]
	]);
	const units: [string, string, string][] = [
		['province', '62', ''],
		['district', '601', '601'],
		['district', '602', '602'],
		['commune', '60101', '601'],
		['commune', '60102', '601'],
		['commune', '60201', '602']
	];
	/** level, unit_code, district_code, sex: unit-major, sex in [nam, nu]. */
	function table(skip: (unit: string, sex: string) => boolean = () => false): Row[] {
		const rows: Row[] = [];
		for (const [level, unit_code, district_code] of units) {
			for (const sex of ['nam', 'nu']) {
				if (!skip(unit_code, sex)) rows.push({ level, unit_code, district_code, sex });
			}
		}
		return rows;
	}
	const dimensions = ['level', 'unit_code', 'district_code', 'sex'];
	const hierarchy = { column: 'unit_code', childrenOf, ignore: ['level', 'district_code'] };

	it('groups each parent row with the same cell of all its children', () => {
		// rows: 0,1 province; 2,3 601; 4,5 602; 6,7 60101; 8,9 60102; 10,11 60201
		expect(additiveGroups(table(), { dimensions, marginals: {}, hierarchy })).toEqual([
			{ total: 0, members: [2, 4] },
			{ total: 1, members: [3, 5] },
			{ total: 2, members: [6, 8] },
			{ total: 3, members: [7, 9] },
			{ total: 4, members: [10] },
			{ total: 5, members: [11] }
		]);
	});

	it('emits nothing for a parent cell with a missing child (incomplete identity)', () => {
		const rows = table((unit, sex) => unit === '60102' && sex === 'nu');
		const groups = additiveGroups(rows, { dimensions, marginals: {}, hierarchy });
		const totals = groups.map((g) => `${rows[g.total].unit_code}/${rows[g.total].sex}`);
		expect(totals).toEqual(['62/nam', '62/nu', '601/nam', '602/nam', '602/nu']);
	});

	it('needs the ignore columns: level and district_code differ between parent and child', () => {
		expect(
			additiveGroups(table(), {
				dimensions,
				marginals: {},
				hierarchy: { column: 'unit_code', childrenOf }
			})
		).toEqual([]);
		// ignoring only level: the district rows still match their communes on district_code,
		// but the province row (district_code '') matches no district
		const groups = additiveGroups(table(), {
			dimensions,
			marginals: {},
			hierarchy: { column: 'unit_code', childrenOf, ignore: ['level'] }
		});
		expect(groups.map((g) => g.total)).toEqual([2, 3, 4, 5]);
	});

	it('combines with marginals, and the identities hold on a summed table', () => {
		const rows: Row[] = [];
		const communes: Record<string, number[]> = {
			'60101': [3, 5],
			'60102': [0, 2],
			'60201': [7, 1]
		};
		const leaf = (unit: string): string[] => {
			const kids = childrenOf.get(unit);
			return kids ? kids.flatMap(leaf) : [unit];
		};
		for (const [level, unit_code, district_code] of units) {
			const counts = [0, 1].map((s) => leaf(unit_code).reduce((t, c) => t + communes[c][s], 0));
			rows.push({ level, unit_code, district_code, sex: 'nam', children: counts[0] });
			rows.push({ level, unit_code, district_code, sex: 'nu', children: counts[1] });
			rows.push({ level, unit_code, district_code, sex: 'all', children: counts[0] + counts[1] });
		}
		const groups = additiveGroups(rows, { dimensions, marginals: { sex: 'all' }, hierarchy });
		expect(groups).toHaveLength(6 + 3 * 3);
		expect(sumsHold(rows, groups, 'children')).toBe(true);
	});

	it('rejects rows that only differ in ignored columns', () => {
		const rows: Row[] = [
			{ level: 'district', unit_code: '601', district_code: '601', sex: 'nam' },
			{ level: 'commune', unit_code: '601', district_code: '601', sex: 'nam' }
		];
		expect(() => additiveGroups(rows, { dimensions, marginals: {}, hierarchy })).toThrow(
			/differ only in ignored columns/
		);
	});
});

describe('additiveGroups: size', () => {
	it('handles ~110,000 rows with 8 dimensions well under a second', () => {
		// province 62 -> 10 districts -> 10 communes each: 111 units × 7 × 4 × 3 × 4 × 3 cells
		const childrenOf = new Map<string, string[]>();
		const units: { level: string; code: string }[] = [{ level: 'province', code: '62' }];
		const districts: string[] = [];
		for (let d = 0; d < 10; d++) {
			const district = String(600 + d);
			districts.push(district);
			units.push({ level: 'district', code: district });
			const communes = Array.from({ length: 10 }, (_, c) => `${district}${c}${c}`);
			childrenOf.set(district, communes);
			for (const code of communes) units.push({ level: 'commune', code });
		}
		childrenOf.set('62', districts);
		const cats = (n: number): string[] => [...Array.from({ length: n }, (_, i) => `${i}`), 'all'];
		const rows: Row[] = [];
		for (const { level, code } of units) {
			for (const disability_type of cats(6))
				for (const severity of cats(3))
					for (const sex of cats(2))
						for (const age_band of cats(3))
							for (const ethnicity of cats(2)) {
								rows.push({
									year: 2024,
									level,
									unit_code: code,
									disability_type,
									severity,
									sex,
									age_band,
									ethnicity
								});
							}
		}
		const shape: TableShape = {
			dimensions: Object.keys(rows[0]),
			marginals: {
				disability_type: 'all',
				severity: 'all',
				sex: 'all',
				age_band: 'all',
				ethnicity: 'all'
			},
			hierarchy: { column: 'unit_code', childrenOf, ignore: ['level'] }
		};
		expect(rows.length).toBe(111 * 7 * 4 * 3 * 4 * 3);

		const start = performance.now();
		const groups = additiveGroups(rows, shape);
		const elapsed = performance.now() - start;

		// each marginal column: one group per row with that column at 'all'; hierarchy: 11 parents
		const perUnit = 7 * 4 * 3 * 4 * 3;
		const marginalGroups = 111 * perUnit * (1 / 7 + 1 / 4 + 1 / 3 + 1 / 4 + 1 / 3);
		expect(groups.length).toBe(Math.round(marginalGroups) + 11 * perUnit);
		expect(elapsed).toBeLessThan(1000);
	});
});
