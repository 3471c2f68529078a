/**
 * A code list spanning several provinces (the shape of a national plan): the pipeline
 * aggregates and protects each province on its own and publishes the cube one file per
 * province. Run on the committed illustrative reports, with Kon Tum's districts split into two
 * made-up provinces ('62' and '64') under a country ('00'); asserted on the published CSVs.
 */
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL, breakdownIds, childCountColumns } from '../domain/breakdowns';
import type { Manifest } from '../domain/published';
import { provincePartitions, type Geography, type Unit } from '../domain/units';
import { auditTables } from './audit/audit';
import { readPublishedFolder } from './audit/read-published';
import { readCsvTable, readManifest, type CsvRecord } from './fixtures/published';
import { runPipeline, type PipelineResult } from './run';

const root = process.cwd();
let tmp: string;
let out: string;
let result: PipelineResult;
let manifest: Manifest;
let partitions: Geography[];
const cube = new Map<string, CsvRecord[]>();

beforeAll(async () => {
	tmp = await mkdtemp(path.join(os.tmpdir(), 'tekt-partitions-'));
	out = path.join(tmp, 'data');
	const units = Papa.parse<Unit>(
		(await readFile(path.join(root, 'data/geo/kontum-units.csv'), 'utf8')).replace(/^\uFEFF/, ''),
		{ header: true, skipEmptyLines: true }
	).data;
	const districts = units.filter((u) => u.level === 'district').map((u) => u.code);
	const provinceOf = (d: string) => (districts.indexOf(d) < 5 ? '62' : '64');
	const lines = [
		'code,name,type,level,district_code,name_ascii,province_code',
		'62,Tỉnh Một,Tỉnh,province,,Tinh Mot,62',
		'64,Tỉnh Hai,Tỉnh,province,,Tinh Hai,64',
		...units.map((u) =>
			[
				u.code,
				u.name,
				u.type,
				u.level,
				u.district_code,
				u.name_ascii,
				u.level === 'district' ? provinceOf(u.code) : ''
			].join(',')
		)
	];
	const unitsFile = path.join(tmp, 'units.csv');
	await writeFile(unitsFile, lines.join('\n') + '\n');
	for (const f of ['README.md', 'LICENSE-GPL-3.0.txt'])
		await copyFile(path.join(root, 'data/geo', f), path.join(tmp, f));
	partitions = provincePartitions(
		{ code: '00', name: 'Cả nước' },
		Papa.parse<Unit>(lines.join('\n'), { header: true, skipEmptyLines: true }).data
	);
	const plan = JSON.parse(await readFile(path.join(root, 'data/plans/kontum-3430.json'), 'utf8'));
	plan.geography.area = { code: '00', name: { vi: 'Cả nước', en: 'Country' } };
	plan.geography.unitsFile = path.relative(root, unitsFile);
	const planFile = path.join(tmp, 'plan.json');
	await writeFile(planFile, JSON.stringify(plan));
	result = await runPipeline({ root, plan: planFile, reports: 'data/reports', out });
	expect(result.problems).toEqual([]);
	manifest = await readManifest(out);
	const table = manifest.tables.find((t) => t.name === 'children_cube')!;
	for (const p of table.partitions ?? [])
		cube.set(p.key, (await readCsvTable(out, table, `children_cube/${p.key}.csv`)).rows);
}, 120_000);

afterAll(async () => {
	if (tmp) await rm(tmp, { recursive: true, force: true });
});

const tableOf = (name: string) => manifest.tables.find((t) => t.name === name)!;
const isTotal = (r: CsvRecord) => breakdownIds.every((d) => r[d] === ALL);

describe('a code list with two provinces', () => {
	it('publishes the cube as one CSV and one Parquet file per province', () => {
		expect(result.ok).toBe(true);
		const table = tableOf('children_cube');
		expect(table.files).toEqual([]);
		expect(table.partitions!.map((p) => p.key)).toEqual(['62', '64']);
		for (const p of table.partitions!) {
			expect(p.files.map((f) => f.path)).toEqual([
				`children_cube/${p.key}.csv`,
				`children_cube/${p.key}.parquet`
			]);
			expect(cube.get(p.key)!.length).toBe(p.rows);
		}
		expect(table.rows).toBe(table.partitions!.reduce((s, p) => s + p.rows, 0));
	});

	it("holds in each file only that province's units, and no row for the country", () => {
		for (const geo of partitions) {
			const codes = new Set(cube.get(geo.province.code)!.map((r) => r.unit_code));
			expect([...codes].sort()).toEqual(
				[geo.province, ...geo.districts, ...geo.communes].map((u) => u.code).sort()
			);
		}
		for (const name of ['indicators', 'units'])
			expect(
				manifest.tables.find((t) => t.name === name)!.rows,
				`${name} has a row per unit (no country)`
			).toBeGreaterThan(0);
	});

	it("gathers the provinces' own rows in children_cube_provinces, unchanged", async () => {
		const table = tableOf('children_cube_provinces');
		const rows = (await readCsvTable(out, table)).rows;
		const expected = [...cube.values()].flatMap((rows) =>
			rows.filter((r) => r.level === 'province')
		);
		expect(rows).toEqual(expected);
		expect(table.rows).toBe(expected.length);
	});

	it("keeps every child counted: the provinces' totals add up to the reports", async () => {
		const reported = new Map<string, number>();
		for (const year of [2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025]) {
			const text = await readFile(path.join(root, `data/reports/children-${year}.csv`), 'utf8');
			const rows = Papa.parse<CsvRecord>(text.replace(/^\uFEFF/, '').replace(/^#.*\n/, ''), {
				header: true,
				skipEmptyLines: true
			}).data;
			reported.set(
				String(year),
				rows.reduce((s, r) => s + Number(r.children), 0)
			);
		}
		const published = new Map<string, number>();
		for (const rows of cube.values())
			for (const r of rows)
				if (r.level === 'province' && isTotal(r))
					published.set(r.year, (published.get(r.year) ?? 0) + Number(r.children));
		expect(published).toEqual(reported);
	});

	it('protects each province: no count of 1–4 shown, none pinned by an attack on every file', async () => {
		for (const geo of partitions) {
			const rows = cube.get(geo.province.code)!;
			let hidden = 0;
			for (const c of childCountColumns) {
				const shown = rows.filter((r) => r[c] !== '').map((r) => Number(r[c]));
				expect(
					shown.filter((v) => v >= 1 && v <= 4),
					`${geo.province.code} ${c}`
				).toEqual([]);
				hidden += rows.filter((r) => r[`${c}_suppressed`] === 'true').length;
			}
			expect(hidden).toBeGreaterThan(0);
		}
		// a reader with every file of both provinces, solving them at once, pins no hidden count
		// inside 1–4 (without the true counts: every hidden count is judged)
		const folder = await readPublishedFolder(out);
		const attack = await auditTables(folder.tables, folder.units, {
			rule: { min: 1, max: 4 },
			attackers: ['published']
		});
		expect(attack.hiddenValues).toBeGreaterThan(0);
		expect(attack.disclosures).toEqual([]);
	}, 120_000);

	it('writes indicators, reporting and units for both provinces in one table each', async () => {
		const indicators = (await readCsvTable(out, tableOf('indicators'))).rows;
		expect(
			[...new Set(indicators.filter((r) => r.level === 'province').map((r) => r.unit_code))].sort()
		).toEqual(['62', '64']);
		expect(indicators.some((r) => r.unit_code === '00')).toBe(false);
		const units = (await readCsvTable(out, tableOf('units'))).rows;
		expect(units.filter((r) => r.level === 'province').map((r) => r.unit_code)).toEqual([
			'62',
			'64'
		]);
		expect(units.length).toBe(2 + 10 + 102);
	});
});
