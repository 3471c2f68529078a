/**
 * The whole pipeline on fixture folders (src/lib/pipeline/fixtures): what it publishes for a
 * small valid dataset, that a bad folder or a crash never damages the published folder, and
 * values worked out by hand from the fixture files.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatIssue } from '../domain/intake/messages';
import type { Manifest } from '../domain/published';
import {
	fixtureDir,
	hashTree,
	readCsvTable,
	readManifest,
	sha256,
	type CsvRecord
} from './fixtures/published';
import { ILLUSTRATIVE_NOTICE, recoverPublished } from './publish';
import { runPipeline, type PipelineResult } from './run';

const root = process.cwd();
const valid = fixtureDir('valid');
const tmpDirs: string[] = [];

async function freshOut(): Promise<{ tmp: string; out: string }> {
	const tmp = await mkdtemp(path.join(os.tmpdir(), 'tekt-run-'));
	tmpDirs.push(tmp);
	return { tmp, out: path.join(tmp, 'data') };
}

afterAll(async () => {
	for (const dir of tmpDirs) await rm(dir, { recursive: true, force: true });
});

/**
 * Rows for years 2018–2020 (the fixture's years), by the plan's breakdown depth: the province's
 * total and every combination of up to three breakdowns (1 + 16 one-way + 97 two-way + 282
 * three-way cells), each district's total and one breakdown at a time (1 + 16), communes' totals.
 */
const expectedRows = {
	indicators: 3 * 113,
	children_cube: 3 * (1 + 16 + 97 + 282 + 10 * 17 + 102),
	// the plan obliges the 10 districts (not communes), and not before it exists (6 Dec 2018):
	// 2018 has the annual report only, 2019 and 2020 both
	reporting: 10 * (1 + 2 + 2),
	reporting_summary: 1 + 2 + 2,
	// both unit lists, with their validity: the 113 units before 2025-07-01, and after it the area,
	// the 10 former district areas and the 40 new units (published even with no 2025 report yet)
	units: 113 + 1 + 10 + 40
};

async function parquetInfo(file: string): Promise<{ rows: number; columns: string[] }> {
	const db = await DuckDBInstance.create(':memory:');
	const con = await db.connect();
	try {
		const src = `read_parquet('${file.replace(/'/g, "''")}')`;
		const count = await con.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM ${src}`);
		const cols = await con.runAndReadAll(`DESCRIBE SELECT * FROM ${src}`);
		return {
			rows: Number(count.getRowObjectsJS()[0].n),
			columns: cols.getRowObjectsJS().map((r) => String(r.column_name))
		};
	} finally {
		con.closeSync();
		db.closeSync();
	}
}

describe('runPipeline on fixtures/valid', () => {
	let out: string;
	let tmp: string;
	let result: PipelineResult;
	let manifest: Manifest;

	beforeAll(async () => {
		({ tmp, out } = await freshOut());
		result = await runPipeline({ root, reports: valid, out });
		manifest = await readManifest(out);
	});

	it('succeeds without issues and leaves no staging or old folder', async () => {
		expect(result.issues).toEqual([]);
		expect(result.problems).toEqual([]);
		expect(result.ok).toBe(true);
		expect(await readdir(tmp)).toEqual(['data']);
	});

	it('writes the manifest it returns, with the dataset facts', () => {
		expect(manifest).toEqual(result.manifest);
		expect(manifest).toMatchObject({
			plan: 'kontum-3430',
			asOf: '2020-12-31',
			illustrative: true,
			protection: {
				rule: { min: 1, max: 4, minDenominator: 5 },
				breakdownDepth: { province: 3, district: 1, commune: 0 }
			}
		});
	});

	it('lists 5 tables whose row counts match the CSV, JSON and parquet files', async () => {
		expect(manifest.tables.map((t) => [t.name, t.rows])).toEqual(Object.entries(expectedRows));
		for (const t of manifest.tables) {
			const names = t.columns.map((c) => c.name);
			const csv = await readCsvTable(out, t);
			expect(csv.header, t.name).toEqual(names);
			expect(csv.rows, t.name).toHaveLength(t.rows);
			const parquet = await parquetInfo(path.join(out, `${t.name}.parquet`));
			expect(parquet, t.name).toEqual({ rows: t.rows, columns: names });
			const formats = t.files.map((f) => f.format);
			expect(formats, t.name).toEqual(
				t.name === 'children_cube' ? ['csv', 'parquet'] : ['csv', 'parquet', 'json']
			);
			if (formats.includes('json')) {
				const json = JSON.parse(await readFile(path.join(out, `${t.name}.json`), 'utf8'));
				expect(json.columns, t.name).toEqual(names);
				expect(json.rows, t.name).toHaveLength(t.rows);
			}
		}
	});

	it('gives every file its true size and sha256, and lists every file written', async () => {
		const listed = [...manifest.tables.flatMap((t) => t.files), ...manifest.files];
		for (const f of listed) {
			const bytes = await readFile(path.join(out, f.path));
			expect({ path: f.path, bytes: bytes.length, sha256: sha256(bytes) }).toEqual({
				path: f.path,
				bytes: f.bytes,
				sha256: f.sha256
			});
		}
		const onDisk = Object.keys(await hashTree(out));
		expect(onDisk).toEqual([...listed.map((f) => f.path), 'manifest.json'].sort());
	});

	it('describes every column with a role and labels in both languages', () => {
		for (const t of manifest.tables)
			for (const c of t.columns) {
				expect(['dimension', 'count', 'rate', 'flag'], `${t.name}.${c.name}`).toContain(c.role);
				expect(c.label.vi.length, `${t.name}.${c.name}`).toBeGreaterThan(0);
				expect(c.label.en.length, `${t.name}.${c.name}`).toBeGreaterThan(0);
				if (c.role === 'flag') expect(c.name).toMatch(/_suppressed$/);
			}
	});

	it('starts every CSV with a BOM and the illustrative notice line', async () => {
		for (const t of manifest.tables) {
			expect(t.csvCommentLines).toBe(1);
			const text = await readFile(path.join(out, `${t.name}.csv`), 'utf8');
			expect(text.split('\n')[0], t.name).toBe(`\uFEFF# ${ILLUSTRATIVE_NOTICE}`);
		}
	});

	describe('values, worked out by hand from the fixture files', () => {
		let tables: Record<string, CsvRecord[]>;
		const find = (table: string, match: CsvRecord): CsvRecord => {
			const hits = tables[table].filter((r) => Object.entries(match).every(([k, v]) => r[k] === v));
			expect(hits, JSON.stringify(match)).toHaveLength(1);
			return hits[0];
		};
		const allCells = {
			disability_type: 'all',
			severity: 'all',
			sex: 'all',
			age_band: 'all',
			ethnicity: 'all'
		};

		beforeAll(async () => {
			tables = {};
			for (const t of manifest.tables) tables[t.name] = (await readCsvTable(out, t)).rows;
		});

		/** A value worked out by hand, or hidden as a complement with its flag: never anything else. */
		const expectPublishedOrHidden = (
			row: Record<string, string>,
			column: string,
			value: string
		) => {
			const hidden = row[`${column}_suppressed`] === 'true';
			expect(row[column], column).toBe(hidden ? '' : value);
		};

		it('province totals: the sum of every children row of the year', () => {
			// children-2018.csv: 10+7+6+9+8+6; 2019: 11+8+7+10+9+5; 2020: 12+9+6+8+2+15+10+11+6+3
			const byYear = ['2018', '2019', '2020'].map(
				(year) => find('indicators', { year, unit_code: '62' }).children
			);
			expect(byYear).toEqual(['46', '50', '82']);
			// 2020 accessed 9+6+5+5+1+11+7+8+4+2 = 58, skills 7+4+3+5+1+9+6+6+3+1 = 45
			// Skills (45) are hidden: Măng Ri's 1 is hidden, so Tu Mơ Rông's skills are hidden with
			// it, and with every other district at 0 the province's would give Tu Mơ Rông's away.
			const province = find('indicators', { year: '2020', unit_code: '62' });
			expect(province).toMatchObject({
				children: '82',
				skills: '',
				skills_suppressed: 'true',
				skills_rate: '',
				skills_rate_suppressed: 'true',
				children_suppressed: 'false'
			});
			// accessed may be a complement (the attack with records chooses which cells)
			expectPublishedOrHidden(province, 'accessed', '58');
			expectPublishedOrHidden(province, 'access_rate', '70.7'); // 58 / 82 = 70.73 %
			// the cube's total row says the same
			const cubeTotal = find('children_cube', { year: '2020', unit_code: '62', ...allCells });
			expect(cubeTotal).toMatchObject({ children: '82', skills: '' });
			expect(cubeTotal.accessed).toBe(province.accessed);
			expect(cubeTotal.access_rate).toBe(province.access_rate);
		});

		it('a district rate: Thành phố Kon Tum (608) caregivers trained, 2020', () => {
			// units-2020.csv, communes of 608: caregivers 20 + 12 = 32, trained 14 + 7 = 21
			expect(find('indicators', { year: '2020', unit_code: '608' })).toMatchObject({
				caregivers: '32',
				caregivers_trained: '21',
				caregivers_rate: '65.6', // 21 / 32 = 65.625 %
				caregivers_rate_suppressed: 'false',
				staff: '11', // 6 + 5
				staff_trained: '9', // 5 + 4
				staff_rate: '81.8' // 9 / 11 = 81.82 %
			});
			// Tu Mơ Rông (617): caregivers 18 + 15 + 9 = 42, trained 10 + 8 + 3 = 21
			expect(find('indicators', { year: '2020', unit_code: '617' })).toMatchObject({
				caregivers: '42',
				caregivers_trained: '21',
				caregivers_rate: '50'
			});
		});

		it('publishes a commune count of 1–4 as an empty, flagged cell, never as 0', () => {
			// Măng Ri (23410) has one row of 3 children in 2020
			const commune = { year: '2020', unit_code: '23410' };
			for (const row of [
				find('indicators', commune),
				find('children_cube', { ...commune, ...allCells })
			])
				expect(row).toMatchObject({
					children: '',
					children_suppressed: 'true',
					access_rate: '',
					access_rate_suppressed: 'true'
				});
			// its caregivers_trained (3) and staff (3) too
			expect(find('indicators', commune)).toMatchObject({
				caregivers_trained: '',
				caregivers_trained_suppressed: 'true',
				staff: '',
				staff_suppressed: 'true'
			});
			// Duy Tân (23284): 2 children of disability type 1 in 2020. Communes publish totals only,
			// so no commune row by type exists; its district (608) publishes 12 + 2 = 14
			const rows = tables.children_cube.filter(
				(r) => r.year === '2020' && r.unit_code === '23284' && r.disability_type !== 'all'
			);
			expect(rows).toEqual([]);
			const district = find('children_cube', {
				year: '2020',
				unit_code: '608',
				...allCells,
				disability_type: '1'
			});
			expectPublishedOrHidden(district, 'children', '14');
			expectPublishedOrHidden(district, 'accessed', '10');
		});

		it('reads both date formats and tells on time, late and missing reports apart', () => {
			const status = (year: string, period: string, unit_code: string) => {
				const r = find('reporting', { year, period, unit_code });
				return [r.submitted_date, r.status];
			};
			expect(status('2020', 'H1', '608')).toEqual(['2020-06-05', 'on_time']);
			expect(status('2020', 'H1', '617')).toEqual(['2020-06-20', 'late']);
			expect(status('2019', 'H1', '608')).toEqual(['2019-06-03', 'on_time']); // written 03/06/2019
			expect(status('2018', 'Y', '617')).toEqual(['2018-12-07', 'on_time']);
			// communes report (23404 on 2020-06-10) but 3430 does not oblige them: no row of theirs
			expect(tables.reporting.filter((r) => r.unit_code === '23404')).toEqual([]);
			// the June 2018 report falls before the plan (6 Dec 2018): nobody owed it
			expect(tables.reporting.filter((r) => r.year === '2018' && r.period === 'H1')).toEqual([]);
			expect(status('2020', 'H1', '610')).toEqual(['', 'missing']); // no row at all
			// the 10 districts' half-year reports of 2020: 608 on time, 617 late, 8 missing
			expect(
				find('reporting_summary', {
					year: '2020',
					period: 'H1',
					unit_code: '62',
					reports_level: 'district'
				})
			).toMatchObject({
				expected: '10',
				received: '2',
				on_time: '1',
				late: '1',
				missing: '8',
				completeness_rate: '20',
				timeliness_rate: '10'
			});
		});

		it('counts units with a service network', () => {
			// 2020: districts 608 and 617 have one; communes 23281, 23284, 23404
			expect(find('indicators', { year: '2020', unit_code: '62' })).toMatchObject({
				network_districts_count: '2',
				network_districts_units: '10',
				network_communes_count: '3',
				network_communes_units: '102',
				// the province's own flag is the centre's model; the units' flags count in 2020 as
				// "services maintained" (what 3430 asks in 2018–2020), no network is asked yet
				centre_model_running: '1',
				services_maintained: '',
				linked_network: ''
			});
		});
	});
});

describe('atomic publish', () => {
	let tmp: string;
	let out: string;
	let before: Record<string, string>;

	beforeAll(async () => {
		({ tmp, out } = await freshOut());
		expect((await runPipeline({ root, reports: valid, out })).ok).toBe(true);
		before = await hashTree(out);
	});

	it('a bad report folder stops the pipeline and leaves the published folder byte-identical', async () => {
		const result = await runPipeline({ root, reports: fixtureDir('invalid'), out });
		expect(result.ok).toBe(false);
		expect(result.manifest).toBeUndefined();
		expect(result.issues.map((i) => formatIssue(i, 'en'))).toEqual([
			'invalid/children-2020.csv, row 4, column "commune_code" (value "99999"): Unit code not in the code list (data/geo): check the unit\'s GSO code.',
			'invalid/children-2020.csv, row 5, column "accessed" (value "9"): "accessed" (9) is greater than "children" (6): a numerator cannot exceed its denominator.'
		]);
		expect(await hashTree(out)).toEqual(before);
		expect(await readdir(tmp)).toEqual(['data']);
	});

	it('recoverPublished undoes a crash between the two renames', async () => {
		// publish.ts: rename(out, .data-old), then rename(.data-staging, out). Cut after the first:
		// the old data is in .data-old, the new data still in .data-staging, nothing at out.
		await rename(out, path.join(tmp, '.data-old'));
		await mkdir(path.join(tmp, '.data-staging'));
		await writeFile(path.join(tmp, '.data-staging', 'manifest.json'), '{"plan":');
		expect((await readdir(tmp)).sort()).toEqual(['.data-old', '.data-staging']);
		await recoverPublished(out);
		expect(await readdir(tmp)).toEqual(['data']);
		expect(await hashTree(out)).toEqual(before);
	});

	it('the next run recovers such a crash by itself, even when it then stops on bad input', async () => {
		await rename(out, path.join(tmp, '.data-old'));
		const result = await runPipeline({ root, reports: fixtureDir('invalid'), out });
		expect(result.ok).toBe(false);
		expect(await readdir(tmp)).toEqual(['data']);
		expect(await hashTree(out)).toEqual(before);
	});

	it('a failure while writing the staging folder leaves the published folder untouched', async () => {
		// a plan whose boundary file does not exist: publishing throws after writing the tables
		const plan = JSON.parse(await readFile(path.join(root, 'data/plans/kontum-3430.json'), 'utf8'));
		plan.geography.levels[2].boundaries = 'data/geo/does-not-exist.geojson';
		const planFile = path.join(tmp, 'plan.json');
		await writeFile(planFile, JSON.stringify(plan));
		await expect(runPipeline({ root, plan: planFile, reports: valid, out })).rejects.toThrow(
			/does-not-exist/
		);
		expect(await hashTree(out)).toEqual(before);
		// the half-written staging folder is dropped on the way out (a killed process leaves it
		// to the next run's recoverPublished: atomic-kill.spec.ts)
		expect((await readdir(tmp)).sort()).toEqual(['data', 'plan.json']);
		await recoverPublished(out);
		await rm(planFile);
		expect(await readdir(tmp)).toEqual(['data']);
		expect(await hashTree(out)).toEqual(before);
	});
});

describe('a key repeated across two report files', () => {
	// BUG (run.ts, the "same key in two files" check only loops over units records): the same
	// children row in two files is summed, so commune 23281 publishes 24 children instead of 12.
	it('stops the pipeline like a duplicate within one file', async () => {
		const { tmp, out } = await freshOut();
		const result = await runPipeline({ root, reports: fixtureDir('duplicate-across-files'), out });
		const reported = [...result.problems, ...result.issues.map((i) => formatIssue(i, 'en'))];
		expect(result.ok).toBe(false);
		expect(reported.join('\n')).toContain('children-2020-copy.csv');
		expect(await readdir(tmp)).toEqual([]);
	});
});
