import { describe, expect, it } from 'vitest';
import {
	communeFilterAllowed,
	emptyFilters,
	explorerDims,
	explorerViewSql,
	levelTablesSql,
	filtersFromParams,
	filtersToParams,
	groupedSql,
	readRow,
	runExplorerQueries,
	totalSql,
	trendSql,
	type ExplorerFilters,
	type RawRow
} from './explorer';

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
		expect(communeFilterAllowed(f)).toBe(true);
		expect(communeFilterAllowed({ ...f, disability_type: ['3'] })).toBe(false);
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
	it('hides a rate on fewer than 5 children and shows none on zero', () => {
		expect(readRow({ children: 0, accessed: 0, skills: 0 }).access_rate).toEqual({
			value: null,
			suppressed: false
		});
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
				const combined = await runExplorerQueries(query, f);
				expect(combined).toEqual(separate);
				expect(combined.trend.length).toBe(f.disability_type.includes('9') ? 0 : 3);
				expect(combined.total.children === null).toBe(f.disability_type.includes('9'));
			}
		} finally {
			close();
		}
	});

	it('asks the engine once per view', async () => {
		const seen: string[] = [];
		await runExplorerQueries(async (sql) => (seen.push(sql), []), emptyFilters(2025));
		expect(seen).toHaveLength(1);
		expect(seen[0]).toBe(explorerViewSql(emptyFilters(2025)));
	});
});
