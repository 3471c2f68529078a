/**
 * Disclosure control, proven by attack on what is really published. The pipeline runs once on
 * the committed illustrative dataset (data/reports); the test then
 *
 * - works out the true counts itself, as plain sums over the report CSVs (fixtures/truth.ts),
 *   not with the pipeline's aggregation;
 * - reads the published folder as a reader downloads it (readPublishedFolder: the manifest, the
 *   CSVs, the unit list) and attacks every file at once (auditTables: one linear programme per
 *   year, both attackers), judged against those true counts;
 * - checks on the CSVs what the attack takes for granted: no small count shown, every protected
 *   value flagged, a hidden group hidden whole, the manifest's figures, the twins' values.
 *
 * What is protected comes from the plan (its measures and rate indicators), never from a list
 * kept here. A second part shows the attack can fail: on the publication the previous
 * algorithm made from the same reports, it finds small groups pinned, and what they received.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL, breakdownIds, breakdowns, childCountColumns } from '../domain/breakdowns';
import type { UnitRecord } from '../domain/intake/schema';
import { rateIndicators, type Plan } from '../domain/plan';
import type { Manifest, ManifestColumn } from '../domain/published';
import { childrenOf } from '../domain/units';
import { aggregateUnitYears, ChildrenStore, type CubeRow } from './aggregate';
import { auditTables, type AuditResult, type Disclosure } from './audit/audit';
import type { ReadTable } from './audit/cell-system';
import { readPublishedFolder, unitTree, type PublishedFolder } from './audit/read-published';
import { describeColumns } from './columns';
import { readCsvTable, readManifest, unitHierarchy, type CsvRecord } from './fixtures/published';
import { readReportCsv, TrueCounts, unitParents, type UnitListRow } from './fixtures/truth';
import { additiveGroups, rateCell, suppressCounts, type TableShape } from './protect';
import { readPlan, readReport, readSetup } from './read-inputs';
import { runPipeline } from './run';

const root = process.cwd();
const reports = path.join(root, 'data/reports');

let tmp: string;
let out: string;
let plan: Plan;
let manifest: Manifest;
let codeList: UnitListRow[];
let truth: TrueCounts;
let folder: PublishedFolder;
let attack: AuditResult;
const tables: Record<string, CsvRecord[]> = {};

async function readCodeList(file: string): Promise<UnitListRow[]> {
	const text = (await readFile(path.join(root, file), 'utf8')).replace(/^\uFEFF/, '');
	return Papa.parse<UnitListRow>(text, { header: true, skipEmptyLines: true }).data;
}

beforeAll(async () => {
	tmp = await mkdtemp(path.join(os.tmpdir(), 'tekt-disclosure-'));
	out = path.join(tmp, 'data');
	const result = await runPipeline({ root, reports: 'data/reports', out });
	expect(result.problems).toEqual([]);
	expect(result.ok).toBe(true);
	plan = await readPlan(path.join(root, 'data/plans/kontum-3430.json'));
	manifest = await readManifest(out);
	for (const t of manifest.tables) tables[t.name] = (await readCsvTable(out, t)).rows;
	codeList = await readCodeList(plan.geography.unitsFile);
	const { parent } = unitParents(codeList, () => plan.geography.province.code);
	truth = await TrueCounts.read(reports, parent, plan.publication.breakdownDepth);
	// the attack: every published file at once, both attackers, judged against the true counts
	folder = await readPublishedFolder(out);
	const keyed = keyedByEra(folder);
	attack = await auditTables(keyed.tables, keyed.units, {
		rule: plan.publication.rule,
		// rows keep their order: the true value of a cell is read from the row as published
		truth: truth.truthFor(folder.tables),
		attackers: ['published', 'not-zero']
	});
	console.log(
		`attack on the published folder: ${attack.hiddenValues} hidden counts, ${attack.smallGroups} small groups judged, ${attack.disclosures.length} disclosures, ${attack.seconds.toFixed(1)} s`
	);
}, 180_000);

/**
 * The reader's own reading of a unit list with eras (valid_from, valid_to): new units reuse old
 * codes, so each unit is named by its code and era ("23293@2025-07-01"), and a row by the era its
 * year belongs to (the one in force on the year's last day). Then every file of every year is
 * solved at once: a relation between an old-unit and a new-unit table would show here.
 */
function keyedByEra(f: PublishedFolder): PublishedFolder {
	const unitRows = f.tables.find((t) => t.name === 'units')!.rows;
	const froms = [...new Set(unitRows.map((r) => String(r.valid_from ?? '')))].sort();
	const tag = (from: string) => (code: unknown) =>
		code === null || code === undefined || code === '' || from === '' ? code : `${code}@${from}`;
	const eraOfYear = (year: unknown) => froms.filter((x) => x <= `${year}-12-31`).at(-1) ?? '';
	const top = plan.geography.province.code;
	const tables = f.tables.map((t) => ({
		...t,
		rows: t.rows.map((r) => {
			const from = t.name === 'units' ? String(r.valid_from ?? '') : eraOfYear(r.year);
			const k = tag(from);
			return {
				...r,
				unit_code: k(r.unit_code),
				district_code: k(r.district_code),
				...(t.name === 'units' && r.level === 'district' ? { province_code: k(top) } : {})
			};
		})
	}));
	const units = unitTree(tables.find((t) => t.name === 'units')!.rows);
	return { ...f, tables, units };
}

afterAll(async () => {
	if (tmp) await rm(tmp, { recursive: true, force: true });
});

const flag = (column: string) => `${column}_suppressed`;
const tableOf = (name: string) => manifest.tables.find((t) => t.name === name)!;
/** The plan's counts of people and its rates on them: what the rule protects. */
const planMeasures = () => plan.measures.map((m) => m.id);
const planRates = () => rateIndicators(plan).map((i) => `${i.id}_rate`);
const protectedCounts = (t: Manifest['tables'][number]) =>
	t.columns.filter((c) => c.role === 'count' && planMeasures().includes(c.name)).map((c) => c.name);
const protectedRates = (t: Manifest['tables'][number]) =>
	t.columns.filter((c) => c.role === 'rate' && planRates().includes(c.name)).map((c) => c.name);
/** The measure a measure is part of, up to the group's size (accessed_health → accessed → children). */
const rootOf = (m: string): string => {
	const atMost = plan.measures.find((x) => x.id === m)?.atMost;
	return atMost ? rootOf(atMost) : m;
};

describe('disclosure control of the published illustrative dataset', () => {
	it('protects exactly the counts and rates the plan says count people', () => {
		for (const t of manifest.tables)
			for (const c of t.columns) {
				if (c.role !== 'count' && c.role !== 'rate') continue;
				const at = `${t.name}.${c.name}`;
				const measure = plan.measures.find((m) => m.id === c.name);
				const rate = rateIndicators(plan).find((i) => `${i.id}_rate` === c.name);
				if (measure) {
					expect(c.role, at).toBe('count');
					expect(c.protected, at).toBe(true);
					expect(c.atMost, at).toBe(measure.atMost);
				} else if (rate) {
					expect(c.role, at).toBe('rate');
					expect(c, at).toMatchObject({
						protected: true,
						numerator: rate.numerator,
						denominator: rate.denominator
					});
				} else {
					// not the plan's: a count of units or reports, which singles nobody out
					expect(c.protected, at).toBeFalsy();
					expect(['units', 'reports'], at).toContain(c.counts);
				}
			}
		// and there is something to protect in both tables of people
		expect(protectedCounts(tableOf('children_cube'))).toEqual([...childCountColumns]);
		expect(protectedCounts(tableOf('indicators')).length).toBeGreaterThan(3);
	});

	it('states the plan’s rule and breakdown depth in the manifest', () => {
		expect(manifest.protection.rule).toEqual(plan.publication.rule);
		expect(manifest.protection.breakdownDepth).toEqual(plan.publication.breakdownDepth);
	});

	it('publishes the true count wherever it shows one (sums of the report files, worked out here)', () => {
		const wrong: string[] = [];
		let checked = 0;
		for (const t of manifest.tables)
			for (const c of protectedCounts(t))
				tables[t.name].forEach((row, i) => {
					const want = truth.value(row, c);
					if (row[c] === '') {
						// empty and not flagged: no data (no unit reported it), never a hidden 0
						if (row[flag(c)] !== 'true' && want !== undefined)
							wrong.push(`${t.name} row ${i} ${c}: empty, not flagged, truly ${want}`);
						return;
					}
					checked++;
					if (Number(row[c]) !== want)
						wrong.push(`${t.name} row ${i} ${c}=${row[c]}, truly ${want}`);
				});
		expect(wrong.slice(0, 20)).toEqual([]);
		expect(checked).toBeGreaterThan(30_000);
		// the sums themselves: every report row, every child, once per year in the province total
		const byYear = tables.indicators.filter((r) => r.level === 'province');
		expect(byYear.reduce((s, r) => s + Number(r.children), 0)).toBe(truth.total);
	});

	it('withstands an attacker with every published file: no small group pinned, nothing learnt of one', () => {
		// both attackers: from the published values alone, and knowing which hidden counts are not
		// zero; sizes pinned inside 1–4, and parts of a small group pinned to none or all of it
		expect(attack.problems).toEqual([]);
		expect(attack.refuted).toEqual([]);
		expect(attack.disclosures).toEqual([]);
		// and it judged real small groups: every hidden count whose true value is 1–4, counted
		// here from the CSVs (a cell of the indicators the cube also publishes is the same cell)
		const cube = tableOf('children_cube');
		const cubeColumns = new Set(protectedCounts(cube));
		let hidden = 0;
		let small = 0;
		for (const [t, columns] of [
			[cube, protectedCounts(cube)],
			[
				tableOf('indicators'),
				protectedCounts(tableOf('indicators')).filter((c) => !cubeColumns.has(c))
			]
		] as const)
			for (const row of tables[t.name])
				for (const c of columns) {
					if (row[flag(c)] !== 'true') continue;
					hidden++;
					const v = truth.value(row, c) as number;
					if (v >= plan.publication.rule.min && v <= plan.publication.rule.max) small++;
				}
		expect(small).toBeGreaterThan(1000);
		expect([attack.hiddenValues, attack.smallGroups]).toEqual([hidden, small]);
		// the pipeline ran the same attack before publishing, and says so in the manifest
		expect(manifest.protection.audit).toMatchObject({
			hiddenValues: hidden,
			smallGroups: small,
			disclosures: 0
		});
	});

	it('publishes no protected count between 1 and 4', () => {
		const leaks: string[] = [];
		for (const t of manifest.tables)
			for (const c of protectedCounts(t))
				tables[t.name].forEach((row, i) => {
					const v = row[c];
					if (v !== '' && Number(v) >= 1 && Number(v) <= 4)
						leaks.push(`${t.name} row ${i} ${c}=${v}`);
				});
		expect(leaks.slice(0, 20)).toEqual([]);
	});

	it('gives every protected count and rate a flag, true or false, and publishes a flagged cell empty', () => {
		const wrong: string[] = [];
		let flagged = 0;
		for (const t of manifest.tables) {
			const names = t.columns.map((c) => c.name);
			for (const c of [...protectedCounts(t), ...protectedRates(t)]) {
				expect(names, `${t.name}.${c}`).toContain(flag(c));
				expect(t.columns.find((x) => x.name === flag(c))?.role, `${t.name}.${c}`).toBe('flag');
				tables[t.name].forEach((row, i) => {
					const f = row[flag(c)];
					if (f !== 'true' && f !== 'false') wrong.push(`${t.name} row ${i} ${flag(c)}=${f}`);
					if (f === 'true') {
						flagged++;
						if (row[c] !== '') wrong.push(`${t.name} row ${i} ${c}=${row[c]} but flagged`);
					}
				});
			}
		}
		expect(wrong.slice(0, 20)).toEqual([]);
		expect(flagged).toBeGreaterThan(0);
	});

	it('leaves a child count empty only when it is hidden (an empty cell is never a 0)', () => {
		// every cell of the cube exists (zeros included), so an empty child count can only be hidden;
		// caregivers and staff may be empty unflagged where no unit reported them
		const wrong: string[] = [];
		for (const t of manifest.tables)
			for (const c of protectedCounts(t).filter(
				(x) => plan.measures.find((m) => m.id === x)?.counts === 'children'
			))
				tables[t.name].forEach((row, i) => {
					if (row[c] === '' && row[flag(c)] !== 'true') wrong.push(`${t.name} row ${i} ${c}`);
				});
		expect(wrong.slice(0, 20)).toEqual([]);
	});

	it('hides a group whole: nothing published of what a hidden group received', () => {
		// where children are hidden, every count of them (accessed, each service, skills) and every
		// rate on them is too: no "accessed = 0" beside a hidden 3. Likewise caregivers and the
		// caregivers trained, staff and the staff trained (the plan's atMost rules)
		const wrong: string[] = [];
		let rows = 0;
		for (const t of manifest.tables) {
			const counts = protectedCounts(t);
			const rates = t.columns.filter((c) => protectedRates(t).includes(c.name));
			for (const size of counts.filter((c) => rootOf(c) === c)) {
				const group = counts.filter((c) => rootOf(c) === size);
				const onGroup = rates
					.filter((r) => group.includes(r.numerator!) || group.includes(r.denominator!))
					.map((r) => r.name);
				expect(group.length, `${t.name} ${size}`).toBeGreaterThan(1);
				tables[t.name].forEach((row, i) => {
					if (row[flag(size)] !== 'true') return;
					rows++;
					for (const c of [...group, ...onGroup])
						if (row[flag(c)] !== 'true' || row[c] !== '')
							wrong.push(`${t.name} row ${i}: ${size} hidden, ${c}=${row[c]} (${row[flag(c)]})`);
				});
			}
		}
		expect(wrong.slice(0, 20)).toEqual([]);
		expect(rows).toBeGreaterThan(0);
	});

	it('publishes no rate on a denominator under the minimum, nor one whose numerator or denominator is hidden', () => {
		const minDenominator = plan.publication.rule.minDenominator;
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
						// the denominator is hidden: so is the rate, flagged as hidden (not "no data")
						if (row[rate] !== '' || row[flag(rate)] !== 'true')
							wrong.push(`${at}: denominator hidden`);
						return;
					}
					if (den !== '' && Number(den) > 0 && Number(den) < minDenominator && row[rate] !== '')
						wrong.push(`${at}: denominator ${den}`);
					if (row[rate] === '') {
						// empty and not flagged means "no data": nothing to divide by
						if (row[flag(rate)] === 'false' && !(den === '' || den === '0'))
							wrong.push(`${at}: empty but not hidden, denominator ${den}`);
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

	it('hides a child count the same way in the indicators and in the cube', () => {
		const totals = new Map<string, CsvRecord>();
		for (const r of tables.children_cube)
			if (breakdownIds.every((d) => r[d] === ALL)) totals.set(`${r.unit_code}|${r.year}`, r);
		const shared = [
			...protectedCounts(tableOf('indicators')).filter((c) =>
				(childCountColumns as readonly string[]).includes(c)
			),
			...protectedRates(tableOf('indicators')).filter((c) =>
				protectedRates(tableOf('children_cube')).includes(c)
			)
		];
		expect(shared).toEqual(expect.arrayContaining(['children', 'accessed', 'access_rate']));
		const differ: string[] = [];
		for (const r of tables.indicators) {
			const cube = totals.get(`${r.unit_code}|${r.year}`);
			for (const c of shared)
				if (cube?.[c] !== r[c] || cube?.[flag(c)] !== r[flag(c)])
					differ.push(`${r.unit_code} ${r.year} ${c}: ${r[c]} vs ${cube?.[c]}`);
		}
		expect(differ.slice(0, 10)).toEqual([]);
	});

	it('states in the manifest the cells it published and hid, as counted in the files', () => {
		// per table, cells of the plan's counts of people: each value shown or hidden (an empty,
		// unflagged one is no data, not a cell); hidden by the rule = hidden with a true value in
		// 1–4 (the truth worked out here), hidden to protect others = the rest. A cell is counted
		// in the table that protects it: the indicators' child counts are the cube's total rows
		// (same values and flags, checked above), counted with the cube.
		const cube = tableOf('children_cube');
		const cubeColumns = new Set(protectedCounts(cube));
		const counted = manifest.protection.cells.map(({ table }) => {
			const t = tableOf(table);
			const columns = protectedCounts(t).filter((c) => table === cube.name || !cubeColumns.has(c));
			const n = { table, cells: 0, published: 0, primary: 0, secondary: 0 };
			for (const row of tables[table])
				for (const c of columns) {
					if (row[c] !== '') {
						n.cells++;
						n.published++;
					} else if (row[flag(c)] === 'true') {
						n.cells++;
						const v = truth.value(row, c) as number;
						if (v >= plan.publication.rule.min && v <= plan.publication.rule.max) n.primary++;
						else n.secondary++;
					}
				}
			return n;
		});
		expect(manifest.protection.cells).toEqual(counted);
		expect(counted.map((c) => c.table).sort()).toEqual(['children_cube', 'indicators']);
		for (const c of counted) expect(c.primary, c.table).toBeGreaterThan(0);
	});

	it('publishes aggregates only, at the breakdown depth of each level, each cell once', () => {
		const years = [...new Set(tables.indicators.map((r) => r.year))].sort();
		expect(years).toEqual(['2018', '2019', '2020', '2021', '2022', '2023', '2024', '2025']);
		// no column that could identify a child
		for (const t of manifest.tables)
			for (const c of t.columns)
				expect(c.name, `${t.name}.${c.name}`).not.toMatch(
					/(^|_)(id|child|person|student|birth|dob|address|phone)(_|$)/
				);
		// categories 6, 3, 2, 3, 2: cells of at most k breakdowns are the terms of degree ≤ k of
		// (1 + 6x)(1 + 3x)(1 + 2x)(1 + 3x)(1 + 2x) = 1 + 16x + 97x² + 282x³ + 396x⁴ + 216x⁵
		const upTo = (k: number) => [1, 16, 97, 282, 396, 216].slice(0, k + 1).reduce((a, b) => a + b);
		expect(breakdowns.map((b) => b.categories.length)).toEqual([6, 3, 2, 3, 2]);
		expect(plan.publication.breakdownDepth).toEqual({ province: 3, district: 1, commune: 0 });
		const levels = { province: 0, district: 0, commune: 0 };
		for (const u of codeList) if (u.level in levels) levels[u.level as keyof typeof levels]++;
		levels.province = 1;
		expect(levels).toEqual({ province: 1, district: 10, commune: 102 });
		const perYear = 1 * upTo(3) + 10 * upTo(1) + 102 * upTo(0); // 396 + 170 + 102
		expect(perYear).toBe(668);
		// 2025 is reported by the 40 new units (under the 10 former district areas)
		const per2025 = 1 * upTo(3) + 10 * upTo(1) + 40 * upTo(0);
		const cubeRows = (years.length - 1) * perYear + per2025;
		expect(tableOf('children_cube').rows).toBe(cubeRows);
		expect(tables.children_cube).toHaveLength(cubeRows);
		const depthOf = plan.publication.breakdownDepth;
		const deeper = tables.children_cube.filter(
			(r) =>
				breakdownIds.filter((d) => r[d] !== ALL).length > depthOf[r.level as keyof typeof depthOf]
		);
		expect(deeper).toEqual([]);
		const keys = new Set(
			tables.children_cube.map((r) =>
				['year', 'unit_code', ...breakdownIds].map((d) => r[d]).join('|')
			)
		);
		expect(keys.size).toBe(tables.children_cube.length);
		// one row per unit and year
		expect(tables.indicators).toHaveLength((years.length - 1) * 113 + 51);
	});

	it('publishes the same values in the JSON and Parquet files as in the CSV files', async () => {
		const text = (v: unknown) =>
			v === null || v === undefined ? '' : typeof v === 'bigint' ? v.toString() : String(v);
		const db = await DuckDBInstance.create(':memory:');
		const con = await db.connect();
		try {
			for (const t of manifest.tables) {
				const csv = tables[t.name];
				// keys and every protected count, rate and flag
				const keys = t.columns.filter((c) => c.role === 'dimension' && c.type !== 'DATE');
				const columns = [
					...keys.map((c) => c.name),
					...[...protectedCounts(t), ...protectedRates(t)].flatMap((c) => [c, flag(c)])
				];
				const pick = (rows: Record<string, unknown>[]) =>
					rows.map((r) => Object.fromEntries(columns.map((c) => [c, text(r[c])])));
				const expected = pick(csv);
				for (const f of t.files) {
					if (f.format === 'parquet') {
						const file = path.join(out, f.path).replace(/'/g, "''");
						const reader = await con.runAndReadAll(`SELECT * FROM read_parquet('${file}')`);
						expect(pick(reader.getRowObjectsJS()), f.path).toEqual(expected);
					} else if (f.format === 'json') {
						const json = JSON.parse(await readFile(path.join(out, f.path), 'utf8')) as {
							columns: string[];
							rows: (string | number | boolean | null)[][];
						};
						const rows = json.rows.map((cells) =>
							Object.fromEntries(json.columns.map((c, i) => [c, cells[i]]))
						);
						expect(pick(rows), f.path).toEqual(expected);
						// and the JSON holds the CSV's rows whole
						expect(
							rows.map((r) => Object.fromEntries(json.columns.map((c) => [c, text(r[c])]))),
							f.path
						).toEqual(csv);
					}
				}
				expect(
					t.files.some((f) => f.format === 'parquet'),
					t.name
				).toBe(true);
			}
		} finally {
			con.closeSync();
			db.closeSync();
		}
	});
});

/**
 * The attack can fail. The publication the previous algorithm made from the same reports:
 * provinces and districts crossed every breakdown, communes one breakdown at a time (cubeSql's
 * depth 5 / 5 / 1), and each count column protected on its own by single-equation complements
 * (suppressCounts over additiveGroups), with no hiding of a small group's whole row.
 *
 * The attack reads part of it: two years and one district (Thành phố Kon Tum, 21 communes), and
 * of its rows those that combine at most three breakdowns (2 s a year). Reading less can only loosen the bounds
 * (a relation with a missing member becomes "at least", one without any is dropped), so whatever
 * it pins the attack on the whole publication pins too. The whole is out of reach of this LP:
 * one year of it holds 46,749 hidden counts (34,415 small groups) and the first batched solve
 * had not finished after 10 minutes; every unit of one year with at most two breakdowns took
 * 2.7 minutes; the smallest district with all five breakdowns 3.4 minutes, Thành phố Kon Tum
 * 7.5 minutes (one year each, measured on a 2-core machine). Each year is its own programme,
 * so the LP's time grows with a year's hidden counts, not with the number of years.
 */
describe('the 2025 reform in the published illustrative dataset', () => {
	// oracles: the reports and the new unit list as files, summed here
	const newUnits = async () =>
		Papa.parse<Record<string, string>>(
			await readFile(path.join(root, 'data/geo/kontum-2025/units.csv'), 'utf8'),
			{ header: true, skipEmptyLines: true }
		).data;

	it('publishes 2025 by the 40 new units, each under its former district area', async () => {
		const units = await newUnits();
		const communes2025 = tables.indicators.filter(
			(r) => r.year === '2025' && r.level === 'commune'
		);
		expect(communes2025.map((r) => r.unit_code).sort()).toEqual(units.map((u) => u.code).sort());
		for (const r of communes2025)
			expect(r.district_code).toBe(units.find((u) => u.code === r.unit_code)!.district_code);
		const list = tables.units.filter((r) => r.valid_from === '2025-07-01');
		expect(list.filter((r) => r.level === 'commune')).toHaveLength(40);
		expect(tables.units.filter((r) => r.valid_from === '' && r.level === 'commune')).toHaveLength(
			102
		);
	});

	it('counts the old communes through the crosswalk for 2025, and no district', async () => {
		const units = await newUnits();
		const reported = await readReportCsv(path.join(reports, 'units-2025.csv'));
		const withNetwork = reported.filter((r) => r.linked_network === '1').map((r) => r.unit_code);
		const expected = units
			.filter((u) => withNetwork.includes(u.code))
			.reduce((n, u) => n + u.predecessor_codes.split(';').length, 0);
		const province = tables.indicators.find((r) => r.year === '2025' && r.level === 'province')!;
		expect(Number(province.network_communes_count)).toBe(expected);
		expect(province.network_communes_units).toBe('102');
		// the districts ended on 2025-07-01: their network has no 2025 figure, never a guess
		expect(province.network_districts_count).toBe('');
	});
});

describe('the attack on the previous algorithm’s publication', () => {
	const YEARS = [2020, 2025];
	const DISTRICT = '608';
	const MAX_BREAKDOWNS = 3;
	let old: ReadTable[];
	let result: AuditResult;

	beforeAll(async () => {
		const setup = (
			await readSetup({
				root,
				plan: 'data/plans/kontum-3430.json',
				reports: 'data/reports'
			})
		).setup!;
		const { geo } = setup;
		const store = await ChildrenStore.open();
		const unitRecords: UnitRecord[] = [];
		try {
			for (const report of setup.reports) {
				const f = await readReport(report, { plan: setup.plan, geo });
				await store.append(f.file, f.children);
				for (const u of f.units) unitRecords.push(u);
			}
			const cube = await store.cube(geo, YEARS, { province: 5, district: 5, commune: 1 });
			const unitYears = aggregateUnitYears(
				unitRecords,
				geo,
				YEARS,
				setup.plan.reporting.periods.map((p) => p.column)
			);
			old = previousPublication(setup.plan, cube, unitYears, geo);
		} finally {
			store.close();
		}
		// the old shape: 11 × 1008 + 102 × 17 cells a year
		expect(old[1].rows).toHaveLength(YEARS.length * 12_822);
		const keep = new Set([DISTRICT, ...childrenOf(geo, DISTRICT).map((c) => c.code)]);
		const part = old.map((t) => ({
			...t,
			rows: t.rows.filter(
				(r) =>
					keep.has(String(r.unit_code)) &&
					breakdownIds.filter((d) => r[d] !== undefined && r[d] !== ALL).length <= MAX_BREAKDOWNS
			)
		}));
		const { parent, units } = unitParents(codeList, () => plan.geography.province.code);
		const oldTruth = await TrueCounts.read(
			reports,
			parent,
			{ province: 0, district: MAX_BREAKDOWNS, commune: 1 },
			YEARS
		);
		result = await auditTables(part, units, {
			rule: plan.publication.rule,
			truth: oldTruth.truthFor(part),
			attackers: ['published', 'not-zero']
		});
		const count = (f: (d: Disclosure) => boolean) => result.disclosures.filter(f).length;
		console.log(
			`previous algorithm, ${YEARS.join(' and ')}, district ${DISTRICT} (${part.map((t) => `${t.name}: ${t.rows.length} rows`).join(', ')}): ` +
				`${result.hiddenValues} hidden counts, ${result.smallGroups} small groups; ` +
				`sizes pinned from the published values ${count((d) => d.kind === 'size' && d.attacker === 'published')}, ` +
				`sizes pinned knowing which are not zero ${count((d) => d.kind === 'size' && d.attacker === 'not-zero')}, ` +
				`"none" ${count((d) => d.kind === 'none')}, "all" ${count((d) => d.kind === 'all')}; ${result.seconds.toFixed(1)} s`
		);
	}, 180_000);

	it('finds small groups pinned from the published values alone', () => {
		const found = result.disclosures.filter((d) => d.kind === 'size' && d.attacker === 'published');
		expect(found.length).toBeGreaterThan(0);
		for (const d of found) {
			expect(d.truth).toBeGreaterThanOrEqual(1);
			expect(d.truth).toBeLessThanOrEqual(4);
			const [lo, hi] = d.conclusion.replace('= ', '').split('–').map(Number);
			expect(lo).toBeGreaterThanOrEqual(1);
			expect(d.truth).toBeGreaterThanOrEqual(lo);
			expect(d.truth).toBeLessThanOrEqual(hi ?? lo);
		}
	});

	it('finds more pinned by an attacker who knows which hidden counts are not zero', () => {
		const published = result.disclosures.filter(
			(d) => d.kind === 'size' && d.attacker === 'published'
		);
		const notZero = result.disclosures.filter(
			(d) => d.kind === 'size' && d.attacker === 'not-zero'
		);
		expect(notZero.length).toBeGreaterThan(published.length);
		// the stronger attacker pins everything the weaker one does
		const keys = new Set(notZero.map((d) => d.key));
		expect(published.filter((d) => !keys.has(d.key))).toEqual([]);
	});

	it('finds what small groups received: none of them, or all of them', () => {
		for (const kind of ['none', 'all'] as const) {
			const found = result.disclosures.filter((d) => d.kind === kind);
			expect(found.length, kind).toBeGreaterThan(0);
			// a part pinned to none is truly 0; one pinned to all is truly the group's size
			for (const d of found.slice(0, 50))
				if (kind === 'none') expect(d.truth, d.key).toBe(0);
				else expect(d.truth, d.key).toBeGreaterThanOrEqual(1);
		}
		expect(result.refuted).toEqual([]);
		expect(result.problems).toEqual([]);
	});

	it('reports the case of the issue: accessed = 0 published beside a hidden small group', async () => {
		// district D of communes A, B, C; the previous protection hides children 3 (A) and, for the
		// district's sum, the smallest other member 7 (B); accessed has no count of 1–4, so it is
		// published whole, A's 0 included:
		//            A    B    C    D
		//   children 3*   7*  10   20
		//   accessed 0    5    7   12
		// A's children are anywhere in [0, 5] (A + B = 10, B ≥ accessed 5): the size is safe, but
		// every one of A's 3 children got no service, which the attacker reads off the row.
		const rows = [
			['A', 3, 0],
			['B', 7, 5],
			['C', 10, 7],
			['D', 20, 12]
		].map(([unit_code, children, accessed]) => ({ year: 2020, unit_code, children, accessed }));
		const shape: TableShape = {
			dimensions: ['year', 'unit_code'],
			marginals: {},
			hierarchy: { column: 'unit_code', childrenOf: new Map([['D', ['A', 'B', 'C']]]) }
		};
		const groups = additiveGroups(rows, shape);
		const published = rows.map((r) => ({ ...r }) as Record<string, unknown>);
		for (const c of ['children', 'accessed']) {
			const hidden = suppressCounts(
				rows.map((r) => r[c as 'children'] as number),
				groups
			);
			published.forEach((r, i) => {
				r[flag(c)] = hidden[i];
				if (hidden[i]) r[c] = null;
			});
		}
		expect(published.map((r) => [r.children, r.accessed])).toEqual([
			[null, 0],
			[null, 5],
			[10, 7],
			[20, 12]
		]);
		const table: ReadTable = {
			name: 'children_cube',
			columns: describeColumns(plan, [
				'year',
				'unit_code',
				'children',
				'accessed',
				flag('children'),
				flag('accessed')
			]),
			rows: published
		};
		const truthOf = new Map(rows.map((r, i) => [i, r]));
		const audit = await auditTables(
			[table],
			[{ code: 'D', parent: null }, ...['A', 'B', 'C'].map((code) => ({ code, parent: 'D' }))],
			{
				rule: plan.publication.rule,
				truth: (cell) => truthOf.get(cell.row)?.[cell.column as 'children'] as number
			}
		);
		expect(
			audit.disclosures.map(({ key, column, kind, attacker, conclusion, truth }) => ({
				unit: key.split('|')[2],
				column,
				kind,
				attacker,
				conclusion,
				truth
			}))
		).toEqual([
			{
				unit: 'A',
				column: 'accessed',
				kind: 'none',
				attacker: 'not-zero',
				conclusion: 'accessed = 0 of children',
				truth: 0
			}
		]);
	});
});

/**
 * The previous algorithm's tables, as it built them (build-tables.ts before the attack): each
 * count column protected on its own, over the table's additive identities, by primary
 * suppression of 1–4 and single-equation complements; the indicators' child counts copied from
 * the protected cube; rates withheld where a count they use is hidden or the denominator is
 * under 5. Columns as the manifest describes them.
 */
function previousPublication(
	plan: Plan,
	cube: CubeRow[],
	unitYears: ReturnType<typeof aggregateUnitYears>,
	geo: NonNullable<Awaited<ReturnType<typeof readSetup>>['setup']>['geo']
): ReadTable[] {
	const hierarchy = unitHierarchy(geo);
	const protect = (rows: Record<string, unknown>[], columns: string[], shape: TableShape) => {
		const groups = additiveGroups(rows, shape);
		for (const c of columns) {
			const hidden = suppressCounts(
				rows.map((r) => (typeof r[c] === 'number' ? (r[c] as number) : 0)),
				groups
			);
			rows.forEach((r, i) => {
				r[flag(c)] = hidden[i];
				if (hidden[i]) r[c] = null;
			});
		}
	};
	const addRate = (
		rows: Record<string, unknown>[],
		ind: { id: string; numerator: string; denominator: string },
		raw: (i: number) => Record<string, unknown>
	) =>
		rows.forEach((r, i) => {
			const src = raw(i);
			const cell = rateCell(
				(src[ind.numerator] as number | null) ?? null,
				(src[ind.denominator] as number | null) ?? null,
				r[flag(ind.numerator)] === true,
				r[flag(ind.denominator)] === true
			);
			r[`${ind.id}_rate`] = cell.value;
			r[flag(`${ind.id}_rate`)] = cell.suppressed;
		});
	const counts = [...childCountColumns] as string[];
	const dims = ['year', 'level', 'unit_code', 'district_code'];

	const cubeRows = cube.map((r) => ({ ...r }) as Record<string, unknown>);
	protect(cubeRows, counts, {
		dimensions: [...dims, ...breakdownIds],
		marginals: Object.fromEntries(breakdownIds.map((d) => [d, ALL])),
		hierarchy
	});
	const cubeRates = rateIndicators(plan).filter(
		(i) => counts.includes(i.numerator) && counts.includes(i.denominator)
	);
	for (const ind of cubeRates) addRate(cubeRows, ind, (i) => cube[i]);
	const cubeRateNames = cubeRates.map((i) => `${i.id}_rate`);

	const childCols = ['children', 'accessed', 'skills'];
	const unitCols = ['caregivers', 'caregivers_trained', 'staff', 'staff_trained'];
	const isTotal = (r: Record<string, unknown>) => breakdownIds.every((d) => r[d] === ALL);
	const totals = new Map(cubeRows.filter(isTotal).map((r) => [`${r.unit_code}|${r.year}`, r]));
	const rawTotals = new Map(
		cube.filter((r) => isTotal(r)).map((r) => [`${r.unit_code}|${r.year}`, r])
	);
	const indRows = unitYears.map((u) => {
		const t = totals.get(`${u.unit_code}|${u.year}`);
		const row: Record<string, unknown> = {
			year: u.year,
			level: u.level,
			unit_code: u.unit_code,
			district_code: u.district_code
		};
		for (const c of childCols) {
			row[c] = t?.[c] ?? null;
			row[flag(c)] = t?.[flag(c)] === true;
		}
		for (const c of unitCols) row[c] = u[c as keyof typeof u];
		return row;
	});
	protect(indRows, unitCols, { dimensions: dims, marginals: {}, hierarchy });
	const indRates = rateIndicators(plan);
	for (const ind of indRates)
		addRate(indRows, ind, (i) => ({
			...unitYears[i],
			...(rawTotals.get(`${unitYears[i].unit_code}|${unitYears[i].year}`) ?? {})
		}));
	const indRateNames = indRates.map((i) => `${i.id}_rate`);

	const columnsOf = (names: string[], flagged: string[]): ManifestColumn[] =>
		describeColumns(plan, [...names, ...flagged.map(flag)]);
	return [
		{
			name: 'indicators',
			columns: columnsOf(
				[...dims, ...childCols, ...unitCols, ...indRateNames],
				[...childCols, ...unitCols, ...indRateNames]
			),
			rows: indRows
		},
		{
			name: 'children_cube',
			columns: columnsOf(
				[...dims, ...breakdownIds, ...counts, ...cubeRateNames],
				[...counts, ...cubeRateNames]
			),
			rows: cubeRows
		}
	];
}
