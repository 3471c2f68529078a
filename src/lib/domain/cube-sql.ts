/**
 * The SQL that turns commune report rows into the breakdown cube. One text for both engines:
 * DuckDB in Node (the pipeline) and DuckDB-WASM (an analyst's own upload in the browser).
 * Expects a `children` table (intake columns) and a `units` table (unit_code, level, district_code).
 */
import { ALL, breakdowns, childCountColumns } from './breakdowns';

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
const dims = breakdowns.map((b) => b.id);

export function unitsTableSql(
	units: { code: string; level: string; district_code: string }[]
): string {
	const rows = units.map((u) => `(${q(u.code)}, ${q(u.level)}, ${q(u.district_code)})`).join(', ');
	return `CREATE OR REPLACE TABLE units AS SELECT * FROM (VALUES ${rows}) t(unit_code, level, district_code)`;
}

/**
 * How many breakdowns a published cell may combine, per level of unit. Finer cells at fine levels
 * are almost all small: the plan's `publication.breakdownDepth` says what each level publishes.
 */
export type BreakdownDepth = Record<'province' | 'district' | 'commune', number>;

/** An analyst's own upload: every combination for the province and districts, communes one at a time. */
export const UPLOAD_DEPTH: BreakdownDepth = { province: 5, district: 5, commune: 1 };

/** Every unit × year × combination (zeros included, so totals add up), up to `depth` breakdowns per level. */
export function cubeSql(
	provinceCode: string,
	years: number[],
	depth: BreakdownDepth = UPLOAD_DEPTH
): string {
	const counts = [...childCountColumns];
	const valueLists = breakdowns.map(
		(b) =>
			`(SELECT unnest([${[ALL, ...b.categories.map((c) => c.code)].map(q).join(', ')}]) AS ${b.id})`
	);
	const sums = counts.map((c) => `sum(${c})::BIGINT AS ${c}`).join(', ');
	const coalesced = counts.map((c) => `coalesce(a.${c}, 0)::BIGINT AS ${c}`).join(', ');
	const specific = dims.map((d) => `(g.${d} <> 'all')::INT`).join(' + ');
	return `
		WITH by_unit AS (
			SELECT year, ${q(provinceCode)} AS unit_code, * EXCLUDE (year, commune_code) FROM children
			UNION ALL
			SELECT c.year, u.district_code, c.* EXCLUDE (year, commune_code)
			FROM children c JOIN units u ON u.unit_code = c.commune_code
			UNION ALL
			SELECT year, commune_code, * EXCLUDE (year, commune_code) FROM children
		),
		agg AS (
			SELECT year, unit_code, ${dims.map((d) => `coalesce(${d}, 'all') AS ${d}`).join(', ')}, ${sums}
			FROM by_unit GROUP BY year, unit_code, CUBE (${dims.join(', ')})
		),
		grid AS (
			SELECT y.year, u.unit_code, u.level, u.district_code, ${dims.join(', ')}
			FROM (SELECT unnest([${years.join(', ')}]) AS year) y, units u, ${valueLists.join(', ')}
		)
		SELECT g.year, g.level, g.unit_code, g.district_code, ${dims.map((d) => `g.${d}`).join(', ')}, ${coalesced}
		FROM grid g LEFT JOIN agg a USING (year, unit_code, ${dims.join(', ')})
		WHERE (${specific}) <= CASE g.level WHEN 'province' THEN ${depth.province} WHEN 'district' THEN ${depth.district} ELSE ${depth.commune} END
		ORDER BY g.year, CASE g.level WHEN 'province' THEN 0 WHEN 'district' THEN 1 ELSE 2 END, g.unit_code, ${dims.map((d) => `g.${d}`).join(', ')}`;
}
