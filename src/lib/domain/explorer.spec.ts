import { describe, expect, it } from 'vitest';
import {
	emptyFilters,
	explorerDims,
	explorerParts,
	explorerViewSql,
	filtersAtLevel,
	levelTablesSql,
	filtersFromParams,
	filtersToParams,
	groupedSql,
	missingFlags,
	partPublication,
	readRow,
	runExplorerQueries,
	sameFilters,
	totalSql,
	trendSql,
	type BreakdownDepth,
	type ExplorerFilters,
	type RawRow
} from './explorer';

/** The plan file's publication (data/plans/kontum-3430.json): every combination, one, totals. */
const PUBLISHED: BreakdownDepth = { province: 5, district: 1, commune: 0 };
/** Every cell everywhere: the reference the one-statement view is checked against. */
const EVERYTHING: BreakdownDepth = { province: 5, district: 5, commune: 5 };

describe('explorer SQL', () => {
	it('reads the all-cells when nothing is filtered (province level)', () => {
		const sql = totalSql(emptyFilters(2025));
		expect(sql).toContain("disability_type = 'all'");
		expect(sql).toContain("level = 'province'");
		expect(sql).toContain('year = 2025');
	});
	it('sums the chosen categories and districts', () => {
		const f = {
			...emptyFilters(2024),
			disability_type: ['3'],
			sex: ['nam', 'nu'],
			district: ['617'],
			commune: []
		};
		const sql = totalSql(f);
		expect(sql).toContain("disability_type IN ('3')");
		expect(sql).toContain("sex IN ('nam', 'nu')");
		expect(sql).toContain("level = 'district' AND unit_code IN ('617')");
	});
	it("ignores a dimension's own filter when grouping by it (cross-filter)", () => {
		const f = { ...emptyFilters(2025), disability_type: ['3'] };
		const sql = groupedSql(f, 'disability_type');
		expect(sql).toContain("disability_type <> 'all'");
		expect(sql).not.toContain("disability_type IN ('3')");
		expect(groupedSql(f, 'district')).toContain("level = 'district'");
	});
	it('reads commune cells for chosen communes, and groups communes within the chosen district', () => {
		const f = { ...emptyFilters(2025), district: ['617'], commune: ['23404'], sex: ['nu'] };
		expect(totalSql(f)).toContain("level = 'commune' AND unit_code IN ('23404')");
		expect(groupedSql(f, 'commune')).toContain("level = 'commune' AND district_code IN ('617')");
		expect(groupedSql(emptyFilters(2025), 'commune')).toContain('false');
	});
	it('escapes quotes in values', () => {
		expect(totalSql({ ...emptyFilters(2025), district: ["6'1"] })).toContain("'6''1'");
	});
});

describe('readRow', () => {
	it('keeps suppressed sums hidden and their rates too, never 0', () => {
		const r = readRow({
			children: null,
			children_suppressed: true,
			accessed: 3,
			accessed_suppressed: false,
			skills: 1,
			skills_suppressed: false
		});
		expect(r.children).toEqual({ value: null, suppressed: true });
		expect(r.access_rate).toEqual({ value: null, suppressed: true });
	});
	it('computes rates from summed numerators and denominators', () => {
		const r = readRow({
			children: 40,
			children_suppressed: false,
			accessed: 30,
			accessed_suppressed: false,
			skills: 10,
			skills_suppressed: false
		});
		expect(r.access_rate.value).toBe(75);
		expect(r.skills_rate.value).toBe(25);
	});
	const shown = {
		children_suppressed: false,
		accessed_suppressed: false,
		skills_suppressed: false
	};
	it('hides a rate on fewer than 5 children and shows none on zero', () => {
		expect(readRow({ children: 0, accessed: 0, skills: 0, ...shown }).access_rate).toEqual({
			value: null,
			suppressed: false
		});
		expect(readRow({ children: 4, accessed: 2, skills: 1, ...shown }).access_rate).toEqual({
			value: null,
			suppressed: true
		});
		// the threshold is the manifest's, passed in: 2 of 4 is 50 % when 4 is enough
		expect(readRow({ children: 4, accessed: 2, skills: 1, ...shown }, 4).access_rate.value).toBe(
			50
		);
	});
	it('takes a missing flag for a bug, never for "not hidden"', () => {
		expect(() => readRow({ children: 40, accessed: 30, skills: 10 })).toThrow(
			/children_suppressed/
		);
		expect(() =>
			readRow({ ...shown, children: 40, accessed: 30, skills: 10, accessed_suppressed: null })
		).toThrow(/accessed_suppressed/);
	});
});

describe('what each level publishes (breakdown depth)', () => {
	const f = (over: Record<string, string[] | number>): ExplorerFilters => ({
		...emptyFilters(2025),
		...over
	});
	const pub = (x: ExplorerFilters, part: Parameters<typeof partPublication>[1]) =>
		partPublication(x, part, PUBLISHED);

	it('publishes the province in every combination', () => {
		const x = f({ sex: ['nam'], ethnicity: ['kinh'], age_band: ['0-5'] });
		for (const part of explorerParts.filter((p) => p !== 'district' && p !== 'commune'))
			expect(pub(x, part).published, part).toBe(true);
		expect(pub(x, 'total')).toEqual({
			level: 'province',
			breakdowns: ['sex', 'age_band', 'ethnicity'],
			allowed: 5,
			published: true,
			answeredBy: null
		});
	});

	it('a district with two breakdown filters: not published, the province publishes it', () => {
		const x = f({ district: ['617'], sex: ['nam'], ethnicity: ['kinh'] });
		expect(pub(x, 'total')).toEqual({
			level: 'district',
			breakdowns: ['sex', 'ethnicity'],
			allowed: 1,
			published: false,
			answeredBy: 'province'
		});
		// districts compared within the same two-breakdown filter: not published either
		expect(pub(x, 'district')).toMatchObject({ level: 'district', published: false });
		expect(pub(f({ sex: ['nam'], ethnicity: ['kinh'] }), 'district')).toMatchObject({
			published: false,
			answeredBy: 'province'
		});
	});

	it('a district with one breakdown filter: its total, and that breakdown grouped, are published', () => {
		const x = f({ district: ['617'], sex: ['nam', 'nu'] });
		expect(pub(x, 'total').published).toBe(true);
		expect(pub(x, 'sex').published).toBe(true); // its own filter is ignored (cross-filter)
		expect(pub(x, 'district').published).toBe(true);
		expect(pub(x, 'disability_type')).toEqual({
			level: 'district',
			breakdowns: ['disability_type', 'sex'],
			allowed: 1,
			published: false,
			answeredBy: 'province'
		});
		// communes grouped within the district by a breakdown: the district publishes it
		expect(pub(x, 'commune')).toMatchObject({
			level: 'commune',
			published: false,
			answeredBy: 'district'
		});
	});

	it('a commune: its total only; with a breakdown, not published, its district publishes it', () => {
		const x = f({ district: ['617'], commune: ['23404'] });
		expect(pub(x, 'total').published).toBe(true);
		expect(pub(x, 'commune').published).toBe(true);
		expect(pub(x, 'disability_type')).toMatchObject({
			level: 'commune',
			breakdowns: ['disability_type'],
			published: false,
			answeredBy: 'district'
		});
		expect(pub({ ...x, severity: ['1'] }, 'total')).toEqual({
			level: 'commune',
			breakdowns: ['severity'],
			allowed: 0,
			published: false,
			answeredBy: 'district'
		});
		// two breakdowns: beyond the district too
		expect(pub({ ...x, severity: ['1'], sex: ['nu'] }, 'total').answeredBy).toBe('province');
	});

	it('names no level when none publishes it, and refuses a depth the manifest does not state', () => {
		const shallow = { province: 1, district: 1, commune: 0 };
		expect(
			partPublication(f({ sex: ['nam'], ethnicity: ['kinh'] }), 'total', shallow).answeredBy
		).toBe(null);
		expect(() =>
			partPublication(f({}), 'total', { province: 5, district: 1 } as BreakdownDepth)
		).toThrow(/breakdown depth of level commune/);
		expect(() => partPublication(f({ district: ['617'] }), 'total', {} as BreakdownDepth)).toThrow(
			/breakdown depth/
		);
	});

	it('moves a view to the level that publishes it, keeping its breakdown filters', () => {
		const x = f({ district: ['617'], commune: ['23404'], sex: ['nu'] });
		expect(filtersAtLevel(x, 'district')).toEqual({ ...x, commune: [] });
		expect(filtersAtLevel(x, 'province')).toEqual({ ...x, district: [], commune: [] });
		expect(sameFilters(x, { ...x, sex: ['nu'] })).toBe(true);
		expect(sameFilters(x, { ...x, commune: [] })).toBe(false);
	});

	it('names the flags the explorer needs that a cube lacks', () => {
		const cols = ['children', 'accessed', 'skills'];
		expect(missingFlags([...cols, ...cols.map((c) => `${c}_suppressed`)])).toEqual([]);
		expect(missingFlags([...cols, 'children_suppressed'])).toEqual([
			'accessed_suppressed',
			'skills_suppressed'
		]);
	});
});

describe('filters in the URL', () => {
	it('round-trips', () => {
		const f = {
			...emptyFilters(2023),
			disability_type: ['3', '5'],
			district: ['617'],
			commune: []
		};
		const p = new URLSearchParams(filtersToParams(f, 2025));
		const allowed = {
			disability_type: ['1', '2', '3', '4', '5', '6'],
			severity: [],
			sex: [],
			age_band: [],
			ethnicity: [],
			district: ['617'],
			commune: []
		};
		expect(filtersFromParams(p, allowed, [2023, 2025], 2025)).toEqual(f);
	});
	it('drops values that are not allowed', () => {
		const p = new URLSearchParams('disability_type=3,9&year=1999');
		const allowed = {
			disability_type: ['3'],
			severity: [],
			sex: [],
			age_band: [],
			ethnicity: [],
			district: [],
			commune: []
		};
		expect(filtersFromParams(p, allowed, [2025], 2025)).toEqual({
			...emptyFilters(2025),
			disability_type: ['3']
		});
	});
});

describe('runExplorerQueries: one statement for the whole view', () => {
	// A small cube in real DuckDB (the engine the browser runs too), values from a fixed formula.
	async function engine() {
		const { DuckDBInstance } = await import('@duckdb/node-api');
		const db = await DuckDBInstance.create(':memory:');
		const con = await db.connect();
		await con.run(`CREATE TABLE cube AS
			WITH u(level, unit_code, district_code) AS (VALUES ('province', '62', ''),
				('district', '608', '608'), ('district', '610', '610'),
				('commune', '23281', '608'), ('commune', '23284', '608'), ('commune', '23290', '610'))
			SELECT y AS year, level, unit_code, district_code, t AS disability_type, s AS severity,
				x AS sex, a AS age_band, e AS ethnicity,
				(hash(y, unit_code, t, s, x, a, e) % 40)::BIGINT AS children,
				(hash(y, unit_code, t, s, x, a, e) % 17)::BIGINT AS accessed,
				(hash(y, unit_code, t, s, x, a, e) % 11)::BIGINT AS skills,
				hash(y, unit_code, t, s, x, a, e) % 7 = 0 AS children_suppressed,
				hash(y, unit_code, t, s, x, a, e) % 5 = 0 AS accessed_suppressed,
				false AS skills_suppressed
			FROM u, range(2018, 2021) r(y), unnest(['all', '1', '2']) t(t), unnest(['all', '1']) s(s),
				unnest(['all', 'nam', 'nu']) x(x), unnest(['all', '0-5']) a(a), unnest(['all', 'kinh']) e(e)`);
		for (const sql of levelTablesSql([2018, 2019, 2020])) await con.run(sql);
		const query = async (sql: string) => {
			const rows = (await con.runAndReadAll(sql)).getRowObjectsJS();
			return rows.map((r) =>
				Object.fromEntries(
					Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])
				)
			) as RawRow[];
		};
		return { query, close: () => (con.closeSync(), db.closeSync()) };
	}

	it('gives exactly what the separate queries give on the whole cube', async () => {
		const { query, close } = await engine();
		try {
			const cases: ExplorerFilters[] = [
				emptyFilters(2020),
				{ ...emptyFilters(2019), disability_type: ['1', '2'], sex: ['nu'] },
				{ ...emptyFilters(2020), district: ['608'], severity: ['1'] },
				{ ...emptyFilters(2018), district: ['608'], commune: ['23284'] },
				// rows that count in several parts at once (two breakdowns filtered, two districts)
				{
					...emptyFilters(2019),
					disability_type: ['1', '2'],
					severity: ['1'],
					sex: ['nam'],
					district: ['608', '610']
				},
				{ ...emptyFilters(2020), age_band: ['0-5'], ethnicity: ['kinh'], commune: ['23290'] },
				// nothing matches: the total is empty, not missing
				{ ...emptyFilters(2020), district: ['608'], disability_type: ['9'] }
			];
			for (const f of cases) {
				// the reference: each query alone, on the whole cube (not the per-level tables)
				const whole = (sql: string) => query(sql.replace(/FROM cube_\w+/, 'FROM cube'));
				const [total] = await whole(totalSql(f));
				const groups: Record<string, RawRow[]> = {};
				for (const d of explorerDims) groups[d] = await whole(groupedSql(f, d));
				const separate = { total, trend: await whole(trendSql(f)), groups };
				const combined = await runExplorerQueries(query, f, EVERYTHING);
				expect(combined).toMatchObject(separate);
				expect(combined.trend.length).toBe((f.disability_type as string[]).includes('9') ? 0 : 3);
				expect(combined.total?.children === null).toBe(
					(f.disability_type as string[]).includes('9')
				);

				// With the plan's depths, on the same cube (it holds every cell, published or not):
				// published parts are the same, the others are absent, never pieced together.
				const limited = await runExplorerQueries(query, f, PUBLISHED);
				expect(limited.filters).toEqual(f);
				for (const part of explorerParts) {
					const p = partPublication(f, part, PUBLISHED);
					expect(limited.published[part], part).toBe(p.published);
					if (part === 'total') {
						expect(limited.total).toEqual(p.published ? separate.total : null);
						expect(limited.trend).toEqual(p.published ? separate.trend : []);
					} else expect(limited.groups[part]).toEqual(p.published ? groups[part] : []);
				}
			}
		} finally {
			close();
		}
	});

	it('asks the engine once per view, and not at all when nothing is published', async () => {
		const seen: string[] = [];
		await runExplorerQueries(async (sql) => (seen.push(sql), []), emptyFilters(2025), PUBLISHED);
		expect(seen).toHaveLength(1);
		expect(seen[0]).toBe(explorerViewSql(emptyFilters(2025), PUBLISHED));
		// a commune and a district compared, both within two breakdowns: nothing to ask
		const nothing = {
			...emptyFilters(2025),
			district: ['608'],
			commune: ['23281'],
			sex: ['nam'],
			ethnicity: ['kinh']
		};
		expect(explorerViewSql(nothing, PUBLISHED)).toBe(null);
		const r = await runExplorerQueries(async (sql) => (seen.push(sql), []), nothing, PUBLISHED);
		expect(seen).toHaveLength(1);
		expect(r.total).toBe(null);
		expect(Object.values(r.published).every((p) => p === false)).toBe(true);
	});
});

describe('the explorer on a cube of the published shape (hand-worked figures)', () => {
	// District 608 publishes one breakdown at a time, its communes totals only. Two rows finer
	// than that ("leaked") are in the table on purpose: the explorer must never read them.
	const rows = [
		// level, unit, district, type, sex, ethnicity, children, accessed, skills, hidden
		['province', '62', '', 'all', 'all', 'all', 100, 60, 30, false],
		['district', '608', '608', 'all', 'all', 'all', 40, 30, 10, false],
		['district', '608', '608', 'all', 'nam', 'all', 22, 15, 6, false],
		['district', '608', '608', 'all', 'nu', 'all', 18, 15, 4, false],
		['district', '608', '608', '1', 'all', 'all', 35, 27, 9, false],
		['district', '608', '608', '2', 'all', 'all', null, null, null, true],
		['district', '608', '608', 'all', 'nam', 'kinh', 9, 9, 9, false], // leaked
		['district', '610', '610', 'all', 'all', 'all', 60, 30, 20, false],
		['district', '610', '610', 'all', 'nam', 'all', 30, 15, 10, false],
		['district', '610', '610', 'all', 'nu', 'all', 30, 15, 10, false],
		['commune', '23281', '608', 'all', 'all', 'all', 12, 8, 3, false],
		['commune', '23281', '608', 'all', 'nam', 'all', 7, 7, 7, false], // leaked
		['commune', '23284', '608', 'all', 'all', 'all', 28, 22, 7, null] // a flag missing: a bug
	] as const;

	async function engine() {
		const { DuckDBInstance } = await import('@duckdb/node-api');
		const db = await DuckDBInstance.create(':memory:');
		const con = await db.connect();
		const v = (x: unknown) => (x === null ? 'NULL' : typeof x === 'string' ? `'${x}'` : String(x));
		const values = rows
			.map(
				([level, unit, district, type, sex, eth, c, a, s, h]) =>
					`(2025, ${v(level)}, ${v(unit)}, ${v(district)}, ${v(type)}, 'all', ${v(sex)}, 'all', ${v(eth)}, ${v(c)}, ${v(a)}, ${v(s)}, ${v(h)}::BOOLEAN, ${v(h)}::BOOLEAN, ${v(h)}::BOOLEAN)`
			)
			.join(', ');
		await con.run(`CREATE TABLE cube AS SELECT * FROM (VALUES ${values}) t(year, level, unit_code,
			district_code, disability_type, severity, sex, age_band, ethnicity, children, accessed, skills,
			children_suppressed, accessed_suppressed, skills_suppressed)`);
		for (const sql of levelTablesSql([2025])) await con.run(sql);
		const query = async (sql: string) =>
			(await con.runAndReadAll(sql))
				.getRowObjectsJS()
				.map((r) =>
					Object.fromEntries(
						Object.entries(r).map(([k, x]) => [k, typeof x === 'bigint' ? Number(x) : x])
					)
				) as RawRow[];
		return { query, close: () => (con.closeSync(), db.closeSync()) };
	}
	const view = async (over: Record<string, string[] | number>) => {
		const { query, close } = await engine();
		try {
			return await runExplorerQueries(query, { ...emptyFilters(2025), ...over }, PUBLISHED);
		} finally {
			close();
		}
	};
	const children = (rs: RawRow[]) =>
		Object.fromEntries(rs.map((r) => [r.category, r.children_suppressed ? 'hidden' : r.children]));

	it('sums the categories of one breakdown in a district: 22 + 18 = 40, 30 of them reached (75 %)', async () => {
		const r = await view({ district: ['608'], sex: ['nam', 'nu'] });
		const total = readRow(r.total!);
		expect(total.children).toEqual({ value: 40, suppressed: false });
		expect(total.access_rate).toEqual({ value: 75, suppressed: false });
		expect(children(r.groups.sex)).toEqual({ nam: 22, nu: 18 });
		expect(children(r.groups.district)).toEqual({ '608': 40, '610': 60 });
	});

	it('keeps a sum that touches a hidden cell hidden', async () => {
		const r = await view({ district: ['608'], disability_type: ['1', '2'] });
		expect(readRow(r.total!).children).toEqual({ value: null, suppressed: true });
		expect(readRow(r.total!).access_rate).toEqual({ value: null, suppressed: true });
		expect(children(r.groups.disability_type)).toEqual({ '1': 35, '2': 'hidden' });
	});

	it('never reads cells finer than a level publishes, even when the file has them', async () => {
		const district = await view({ district: ['608'], sex: ['nam'], ethnicity: ['kinh'] });
		expect(district.total).toBe(null); // not the leaked 9
		expect(district.trend).toEqual([]);
		expect(district.published.total).toBe(false);
		const commune = await view({ district: ['608'], commune: ['23281'], sex: ['nam'] });
		expect(commune.total).toBe(null); // not the leaked 7
		expect(commune.groups.sex).toEqual([]);
		// districts compared within that one breakdown are published: 22 and 30
		expect(children(commune.groups.district)).toEqual({ '608': 22, '610': 30 });
	});

	it('takes a row without its flag for hidden', async () => {
		const r = await view({ district: ['608'] });
		expect(children(r.groups.commune)).toEqual({ '23281': 12, '23284': 'hidden' });
		const both = await view({ district: ['608'], commune: ['23281', '23284'] });
		expect(readRow(both.total!).children).toEqual({ value: null, suppressed: true });
	});
});
