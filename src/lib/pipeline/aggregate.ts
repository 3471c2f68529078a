/**
 * Aggregates validated report records with DuckDB (Node) into the views the pages need:
 * the breakdown cube (each level up to the plan's breakdown depth, with totals), and unit-year facts (caregivers,
 * staff, networks, report dates). Values are raw here; protection comes next.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { breakdowns, childCountColumns, type BreakdownId } from '../domain/breakdowns';
import { cubeSql, unitsTableSql, type BreakdownDepth } from '../domain/cube-sql';
import type { ChildrenRecord, UnitRecord } from '../domain/intake/schema';
import { crossFileDuplicate, type IntakeIssue } from '../domain/intake/messages';
import type { Geography, UnitLevel } from '../domain/units';

export type CubeRow = {
	year: number;
	level: UnitLevel;
	unit_code: string;
	district_code: string;
} & Record<BreakdownId, string> &
	Record<(typeof childCountColumns)[number], number>;

export interface UnitYear {
	year: number;
	level: UnitLevel;
	unit_code: string;
	district_code: string;
	caregivers: number | null;
	caregivers_trained: number | null;
	staff: number | null;
	staff_trained: number | null;
	/** the unit's own flags, as the plan declares them (services maintained, network, the centre's model) */
	flags: Record<string, 0 | 1 | null>;
	/** whether the unit sent a units-file row for the year */
	reported: boolean;
	submitted: Record<string, string | null>;
}

const dims = breakdowns.map((b) => b.id);
const counts = [...childCountColumns];

/**
 * The validated children rows of every report file, held in DuckDB rather than in JS objects:
 * at the scale of a country they are millions of rows. Files are appended as they are validated;
 * the cube is then read back one province (partition) at a time.
 */
export class ChildrenStore {
	/** file names by their number in `children_all.file` (a name per row would cost more memory) */
	private readonly files: string[] = [];

	private constructor(
		private readonly db: DuckDBInstance,
		private readonly con: DuckDBConnection
	) {}

	static async open(): Promise<ChildrenStore> {
		const db = await DuckDBInstance.create(':memory:', { threads: '2' });
		const con = await db.connect();
		// Counts fit INTEGER (the intake caps them at 1,000,000); the cube sums them as BIGINT.
		await con.run(
			`CREATE TABLE children_all (file INTEGER, line INTEGER, commune_code VARCHAR, year INTEGER, ${dims.map((d) => `${d} VARCHAR`).join(', ')}, ${counts.map((c) => `${c} INTEGER`).join(', ')})`
		);
		return new ChildrenStore(db, con);
	}

	async append(file: string, records: ChildrenRecord[]): Promise<void> {
		const f = await this.beginFile(file);
		records.forEach((r, i) => f.add(r, i + 1));
		f.close();
	}

	/**
	 * Rows of one file, added as they are validated (memory holds none of them); discard() drops
	 * the file's rows again when it turns out to have errors.
	 */
	async beginFile(file: string): Promise<{
		add(r: ChildrenRecord, line: number): void;
		close(): void;
		discard(): Promise<void>;
	}> {
		const n = this.files.push(file) - 1;
		const app = await this.con.createAppender('children_all');
		let open = true;
		const close = () => {
			if (open) app.closeSync();
			open = false;
		};
		return {
			add: (r, line) => {
				app.appendInteger(n);
				app.appendInteger(line);
				app.appendVarchar(r.commune_code);
				app.appendInteger(r.year);
				for (const d of dims) app.appendVarchar(r[d] as string);
				for (const c of counts) app.appendInteger(r[c] as number);
				app.endRow();
			},
			close,
			discard: async () => {
				close();
				await this.con.run(`DELETE FROM children_all WHERE file = ${n}`);
			}
		};
	}

	async years(): Promise<number[]> {
		const reader = await this.con.runAndReadAll(
			'SELECT DISTINCT year FROM children_all ORDER BY 1'
		);
		return reader.getRowsJS().map((r) => Number(r[0]));
	}

	/**
	 * The same commune, year and cell in two files (each file checks its own rows): an issue on
	 * the later file's row naming the earlier file's row, the key columns and the fix.
	 */
	async duplicatesAcrossFiles(limit = 50): Promise<IntakeIssue[]> {
		const key = ['commune_code', 'year', ...dims];
		const reader = await this.con.runAndReadAll(
			`SELECT ${key.join(', ')}, list(file ORDER BY file, line) AS files,
			   list(line ORDER BY file, line) AS lines, count(*) OVER () AS total
			 FROM children_all GROUP BY ALL HAVING count(DISTINCT file) > 1
			 ORDER BY commune_code, year, ${dims.join(', ')} LIMIT ${limit}`
		);
		const rows = reader.getRowObjectsJS();
		const out = rows.map((r): IntakeIssue => {
			const files = (r.files as number[]).map((i) => this.files[Number(i)]);
			const lines = (r.lines as number[]).map(Number);
			const later = files.findIndex((f) => f !== files[0]);
			return crossFileDuplicate(
				{ file: files[0], line: lines[0] },
				{ file: files[later], line: lines[later] },
				key,
				key.map((k) => String(r[k])).join(', ')
			);
		});
		const total = rows.length > 0 ? Number(rows[0].total) : 0;
		if (total > rows.length)
			out.push({
				file: out[0].file,
				row: 0,
				column: '',
				value: '',
				severity: 'error',
				message: {
					vi: `và ${total - rows.length} ô khác cũng có trong hai tệp: sửa các ô trên rồi chạy lại.`,
					en: `and ${total - rows.length} more cells are in two files: fix those above and run again.`
				}
			});
		return out;
	}

	/** The cube of one province, complete: every unit × year × combination exists (zeros included). */
	async cube(geo: Geography, years: number[], depth: BreakdownDepth): Promise<CubeRow[]> {
		await this.con.run(unitsTableSql([geo.province, ...geo.districts, ...geo.communes]));
		await this.con.run(
			`CREATE OR REPLACE TEMP VIEW children AS SELECT * EXCLUDE (file, line) FROM children_all
			 WHERE commune_code IN (SELECT unit_code FROM units WHERE level = 'commune')`
		);
		const reader = await this.con.runAndReadAll(cubeSql(geo.province.code, years, depth));
		return reader.getRowObjectsJS().map((r) => {
			const row = { ...r } as Record<string, unknown>;
			for (const c of counts) row[c] = Number(row[c]);
			return row as unknown as CubeRow;
		});
	}

	close(): void {
		this.con.closeSync();
		this.db.closeSync();
	}
}

/** One row per unit and year, summing communes' caregivers and staff up to districts and province. */
export function aggregateUnitYears(
	records: UnitRecord[],
	geo: Geography,
	years: number[],
	periodColumns: string[]
): UnitYear[] {
	const byKey = new Map(records.map((r) => [`${r.unit_code}|${r.year}`, r]));
	const out: UnitYear[] = [];
	const sumCols = ['caregivers', 'caregivers_trained', 'staff', 'staff_trained'] as const;
	for (const year of years) {
		const communeRows = new Map<string, UnitYear>();
		for (const c of geo.communes) {
			const r = byKey.get(`${c.code}|${year}`);
			const row: UnitYear = {
				year,
				level: 'commune',
				unit_code: c.code,
				district_code: c.district_code,
				caregivers: r?.caregivers ?? null,
				caregivers_trained: r?.caregivers_trained ?? null,
				staff: r?.staff ?? null,
				staff_trained: r?.staff_trained ?? null,
				flags: { ...r?.flags },
				reported: r !== undefined,
				submitted: Object.fromEntries(periodColumns.map((p) => [p, r?.submitted[p] ?? null]))
			};
			communeRows.set(c.code, row);
		}
		const sum = (rows: UnitYear[], col: (typeof sumCols)[number]) => {
			const vals = rows.map((r) => r[col]).filter((v): v is number => v !== null);
			return vals.length === 0 ? null : vals.reduce((a, b) => a + b, 0);
		};
		const upper = (
			code: string,
			level: UnitLevel,
			district: string,
			members: UnitYear[]
		): UnitYear => {
			const r = byKey.get(`${code}|${year}`);
			return {
				year,
				level,
				unit_code: code,
				district_code: district,
				caregivers: sum(members, 'caregivers'),
				caregivers_trained: sum(members, 'caregivers_trained'),
				staff: sum(members, 'staff'),
				staff_trained: sum(members, 'staff_trained'),
				flags: { ...r?.flags },
				reported: r !== undefined,
				submitted: Object.fromEntries(periodColumns.map((p) => [p, r?.submitted[p] ?? null]))
			};
		};
		const all = [...communeRows.values()];
		out.push(upper(geo.province.code, 'province', '', all));
		for (const d of geo.districts)
			out.push(
				upper(
					d.code,
					'district',
					d.code,
					all.filter((c) => c.district_code === d.code)
				)
			);
		out.push(...all);
	}
	return out;
}
