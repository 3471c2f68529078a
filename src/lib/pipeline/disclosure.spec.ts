/**
 * Disclosure control, checked on what is really published: the pipeline runs once on the
 * committed illustrative dataset (data/reports) and every property below is asserted on the
 * files a user downloads (CSV, read back with papaparse), not on in-memory tables.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL, breakdownIds, breakdowns, childCountColumns } from '../domain/breakdowns';
import { rateIndicators, type Plan } from '../domain/plan';
import type { Manifest } from '../domain/published';
import type { Geography } from '../domain/units';
import { publishedShape, readCsvTable, readManifest, type CsvRecord } from './fixtures/published';
import { additiveGroups, recoverableCells } from './protect';
import { readGeography, readPlan } from './read-inputs';
import { runPipeline } from './run';

const root = process.cwd();

/**
 * Count columns that count units or reports, not children or people: a value of 1–4 there
 * singles nobody out, so the small-count rule does not apply. Listed by name so that a new
 * count column is checked unless someone decides, here, that it counts no one.
 */
const NOT_PEOPLE_COUNTS = [
	'has_service_network', // indicators: the unit's own 0/1 flag
	'network_districts_count', // indicators: districts with a network …
	'network_districts_units', // … out of this many districts
	'network_communes_count', // indicators: communes with a network …
	'network_communes_units', // … out of this many communes
	'expected', // reporting_summary: reports due
	'received', // reports received
	'on_time', // reports on time
	'late', // reports late
	'missing' // reports missing
];
/** Rates of reports (reporting_summary), not of the plan's indicators: their denominators count reports. */
const NOT_PEOPLE_RATES = ['completeness_rate', 'timeliness_rate'];

let tmp: string;
let out: string;
let plan: Plan;
let geo: Geography;
let manifest: Manifest;
const tables: Record<string, CsvRecord[]> = {};

beforeAll(async () => {
	tmp = await mkdtemp(path.join(os.tmpdir(), 'tekt-disclosure-'));
	out = path.join(tmp, 'data');
	const result = await runPipeline({ root, reports: 'data/reports', out });
	expect(result.ok).toBe(true);
	plan = await readPlan(path.join(root, 'data/plans/kontum-3430.json'));
	geo = await readGeography(root, plan);
	manifest = await readManifest(out);
	for (const t of manifest.tables) tables[t.name] = (await readCsvTable(out, t)).rows;
}, 120_000);

afterAll(async () => {
	if (tmp) await rm(tmp, { recursive: true, force: true });
});

const flag = (column: string) => `${column}_suppressed`;
const columnsOf = (t: Manifest['tables'][number], role: string) =>
	t.columns.filter((c) => c.role === role).map((c) => c.name);
/** Count columns the small-count rule applies to. */
const peopleCounts = (t: Manifest['tables'][number]) =>
	columnsOf(t, 'count').filter((c) => !NOT_PEOPLE_COUNTS.includes(c));

const shapeOf = (table: string) => publishedShape(table, geo);

describe('disclosure control of the published illustrative dataset', () => {
	it('knows every count and rate column: the exclusions above are all there is', () => {
		const counts = manifest.tables.flatMap((t) => columnsOf(t, 'count'));
		expect(counts.filter((c) => NOT_PEOPLE_COUNTS.includes(c)).sort()).toEqual(
			[...new Set(NOT_PEOPLE_COUNTS)].sort()
		);
		// every unit-count column (…_count, …_units) is one of the listed ones
		for (const c of counts)
			if (c.endsWith('_count') || c.endsWith('_units')) expect(NOT_PEOPLE_COUNTS).toContain(c);
		const planRates = rateIndicators(plan).map((i) => `${i.id}_rate`);
		for (const t of manifest.tables)
			for (const r of columnsOf(t, 'rate'))
				expect([...planRates, ...NOT_PEOPLE_RATES], `${t.name}.${r}`).toContain(r);
	});

	it('publishes no count of children or people between 1 and 4', () => {
		const leaks: string[] = [];
		for (const t of manifest.tables)
			for (const c of peopleCounts(t))
				tables[t.name].forEach((row, i) => {
					const v = row[c];
					if (v !== '' && Number(v) >= 1 && Number(v) <= 4)
						leaks.push(`${t.name} row ${i} ${c}=${v}`);
				});
		expect(leaks.slice(0, 20)).toEqual([]);
	});

	it('gives every protected count and rate a flag, and publishes every flagged cell empty', () => {
		const wrong: string[] = [];
		for (const t of manifest.tables) {
			const names = t.columns.map((c) => c.name);
			for (const c of [...peopleCounts(t), ...columnsOf(t, 'rate')]) {
				if (NOT_PEOPLE_RATES.includes(c)) continue;
				expect(names, `${t.name}.${c}`).toContain(flag(c));
				tables[t.name].forEach((row, i) => {
					const f = row[flag(c)];
					if (f !== 'true' && f !== 'false') wrong.push(`${t.name} row ${i} ${flag(c)}=${f}`);
					if (f === 'true' && row[c] !== '') wrong.push(`${t.name} row ${i} ${c}=${row[c]}`);
				});
			}
		}
		expect(wrong.slice(0, 20)).toEqual([]);
	});

	it('leaves a children count empty only when it is suppressed (an empty cell is never a 0)', () => {
		// Children counts exist for every published cell (the cube is complete), so an empty one
		// can only mean suppressed. Caregiver and staff counts may also be empty when a unit did
		// not report; those are covered by the flag check above.
		const wrong: string[] = [];
		for (const t of manifest.tables)
			for (const c of peopleCounts(t).filter((x) =>
				(childCountColumns as readonly string[]).includes(x)
			))
				tables[t.name].forEach((row, i) => {
					if (row[c] === '' && row[flag(c)] !== 'true') wrong.push(`${t.name} row ${i} ${c}`);
				});
		expect(wrong.slice(0, 20)).toEqual([]);
	});

	it('publishes no rate on a denominator under 5, nor one whose numerator or denominator is hidden', () => {
		const wrong: string[] = [];
		for (const t of manifest.tables)
			for (const ind of rateIndicators(plan)) {
				const rate = `${ind.id}_rate`;
				if (!t.columns.some((c) => c.name === rate)) continue;
				tables[t.name].forEach((row, i) => {
					const at = `${t.name} row ${i} ${rate}=${row[rate]}`;
					const den = row[ind.denominator];
					const num = row[ind.numerator];
					if (row[flag(ind.denominator)] === 'true') {
						// the denominator is hidden: so is the rate, flagged as suppressed (not "no data")
						if (row[rate] !== '' || row[flag(rate)] !== 'true')
							wrong.push(`${at}: denominator hidden`);
						return;
					}
					if (den !== '' && Number(den) > 0 && Number(den) < 5 && row[rate] !== '')
						wrong.push(`${at}: denominator ${den}`);
					if (row[rate] === '') {
						// empty and not flagged means "no data": nothing to divide by
						if (row[flag(rate)] === 'false' && !(den === '' || den === '0'))
							wrong.push(`${at}: empty but not suppressed, denominator ${den}`);
						return;
					}
					if (row[flag(ind.numerator)] === 'true' || num === '')
						wrong.push(`${at}: numerator hidden`);
					else if (Number(row[rate]) !== Math.round((Number(num) * 1000) / Number(den)) / 10)
						wrong.push(`${at}: is not ${num} / ${den}`);
				});
			}
		expect(wrong.slice(0, 20)).toEqual([]);
	});

	it('leaves no suppressed cell as the only unknown of a total', () => {
		const recoverable: string[] = [];
		for (const name of ['children_cube', 'indicators']) {
			const t = manifest.tables.find((x) => x.name === name)!;
			const rows = tables[name];
			const groups = additiveGroups(rows, shapeOf(name));
			expect(groups.length, name).toBeGreaterThan(0);
			for (const c of peopleCounts(t)) {
				const values = rows.map((r) => (r[c] === '' ? 0 : Number(r[c])));
				const hidden = rows.map((r) => r[flag(c)] === 'true');
				for (const i of recoverableCells(values, hidden, groups))
					recoverable.push(`${name} ${c} row ${i} ${JSON.stringify(rows[i])}`);
			}
		}
		expect(recoverable.slice(0, 10)).toEqual([]);
	});

	it('hides a children count the same way in the indicators and in the cube', () => {
		const totals = new Map<string, CsvRecord>();
		for (const r of tables.children_cube)
			if (breakdownIds.every((d) => r[d] === ALL)) totals.set(`${r.unit_code}|${r.year}`, r);
		const differ: string[] = [];
		for (const r of tables.indicators) {
			const cube = totals.get(`${r.unit_code}|${r.year}`);
			for (const c of ['children', 'accessed', 'skills', 'access_rate', 'skills_rate'])
				if (cube?.[c] !== r[c] || cube?.[flag(c)] !== r[flag(c)])
					differ.push(`${r.unit_code} ${r.year} ${c}: ${r[c]} vs ${cube?.[c]}`);
		}
		expect(differ.slice(0, 10)).toEqual([]);
	});

	it('publishes aggregates only, never one row per child', () => {
		const years = [...new Set(tables.indicators.map((r) => r.year))].sort();
		expect(years).toEqual(['2018', '2019', '2020', '2021', '2022', '2023', '2024', '2025']);
		// no column that could identify a child
		for (const t of manifest.tables)
			for (const c of t.columns)
				expect(c.name, `${t.name}.${c.name}`).not.toMatch(
					/(^|_)(id|child|person|student|birth|dob|address|phone)(_|$)/
				);
		// the cube is the full grid of cells, each once: province and districts cross every
		// breakdown with its totals (7 × 4 × 3 × 4 × 3 = 1008 cells), communes have their total and
		// one breakdown at a time (1 + 6 + 3 + 2 + 3 + 2 = 17 cells)
		const crossed = breakdowns.reduce((n, b) => n * (b.categories.length + 1), 1);
		const oneAtATime = breakdowns.reduce((n, b) => n + b.categories.length, 1);
		expect([crossed, oneAtATime]).toEqual([1008, 17]);
		expect(geo.districts).toHaveLength(10);
		expect(geo.communes).toHaveLength(102);
		const cube = manifest.tables.find((t) => t.name === 'children_cube')!;
		expect(cube.rows).toBe(years.length * (11 * 1008 + 102 * 17));
		expect(tables.children_cube).toHaveLength(cube.rows);
		const keys = new Set(
			tables.children_cube.map((r) =>
				['year', 'unit_code', ...breakdownIds].map((d) => r[d]).join('|')
			)
		);
		expect(keys.size).toBe(cube.rows);
		// one row per unit and year
		expect(tables.indicators).toHaveLength(years.length * 113);
	});

	it('publishes the same rows in the JSON files as in the CSV files', async () => {
		for (const t of manifest.tables) {
			if (!t.files.some((f) => f.format === 'json')) continue;
			const json = JSON.parse(await readFile(path.join(out, `${t.name}.json`), 'utf8')) as {
				columns: string[];
				rows: (string | number | boolean | null)[][];
			};
			const asCsv = json.rows.map((cells) =>
				Object.fromEntries(
					json.columns.map((c, i) => [c, cells[i] === null ? '' : String(cells[i])])
				)
			);
			expect(asCsv, t.name).toEqual(tables[t.name]);
		}
	});
});
