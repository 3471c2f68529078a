/**
 * npm run bench:national: does the pipeline, and the explorer, hold at the scale of Viet Nam?
 *
 *   npx tsx scripts/bench-national.ts [--scale 1] [--start-scale 1] [--timeout-min 20]
 *                                     [--max-rss-mb 6144] [--heap-mb N] [--filter-changes 50]
 *                                     [--no-browser] [--keep] [--tmp DIR]
 *                                     [--kontum-cube static/data/children_cube.parquet]
 *                                     [--out bench/national.json]
 *
 * 1. Writes an ILLUSTRATIVE national dataset into a temporary folder: a code list with 63
 *    provinces, 700 districts and 10,600 communes (Viet Nam before the 2025 reform; `--scale`
 *    shrinks all three) under a country ('00'), 8 years (2018–2025) of children reports with
 *    every breakdown and units reports, one pair of files per province and year as provinces
 *    would send them; plus a copy of the plan pointing at them.
 * 2. Runs the real pipeline (runPipeline) on it in a child process, timed, its peak memory read
 *    from /proc (VmHWM, polled every 100 ms). It streams the files into DuckDB and protects and
 *    publishes one province at a time (one cube file per province plus the provinces' own rows).
 *    With --start-scale below --scale, sizes climb, doubling, and stop at the first failure.
 * 3. Reports what was published: rows and bytes per table, per province file, in all.
 * 4. Times the explorer's queries (explorerViewSql, one statement per filter change, as
 *    /phan-tich runs it) on the published files, for --filter-changes changes: in DuckDB-WASM in
 *    Debian's Chromium (the engine /phan-tich uses; CPU 1× and 4× slower) and, for reference, in
 *    Node. Two views: the national one (the provinces file; the country is the sum of its
 *    provinces, hidden where any province is) and one province's file (a median one), plus
 *    Kon Tum's published cube for calibration. Also how long each file takes to arrive and load
 *    on the throttled slow-4G profile.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { spawn } from 'node:child_process';
import {
	copyFileSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync
} from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { CDPSession, Page } from 'playwright-core';
import { breakdowns } from '../src/lib/domain/breakdowns';
import {
	emptyFilters,
	explorerViewSql,
	levelTablesSql,
	measures,
	type BreakdownDepth,
	type ExplorerFilters
} from '../src/lib/domain/explorer';
import { varcharTypes, type Manifest } from '../src/lib/domain/published';
import { foldDiacritics } from '../src/lib/domain/units';
import { demoPlan } from '../src/lib/pipeline/demo-calibration';
import { CHILD_HEADER, cumulate, logit, sigmoid, UNIT_HEADER } from '../src/lib/pipeline/demo-data';
import { readPlan, readPlanDemoCalibration } from '../src/lib/pipeline/demo-inputs';
import { Rng } from '../src/lib/pipeline/rng';
import { launchBrowser } from '../tests/browser';
import { isMain, machineInfo, PROFILE, quantile, round, textTable, writeJson } from './bench';
import { startServer } from './serve';

const FULL = { provinces: 63, districts: 700, communes: 10_600 };
const YEARS = [2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025];
/**
 * The national plan is Kon Tum's under another area; its data follows Kon Tum's illustrative
 * calibration (data/calibration/kontum-3430.json: category mixes, boys' share, growth of the
 * register, trajectories, "as of" date) and the plan's due dates.
 */
const TEMPLATE_PLAN = 'data/plans/kontum-3430.json';
function template() {
	const plan = readPlan(TEMPLATE_PLAN);
	const dates = demoPlan(plan);
	if (YEARS[0] !== dates.firstYear || YEARS.at(-1) !== dates.lastYear)
		throw new Error(
			`${TEMPLATE_PLAN}: years ${dates.firstYear}–${dates.lastYear}, the bench's are ${YEARS[0]}–${YEARS.at(-1)}`
		);
	return { cal: readPlanDemoCalibration(plan), dates };
}
/**
 * Register size: Kon Tum's illustrative register (3,650 children in 2018 for ~560,000 people)
 * scaled to Viet Nam's ~97.6 million (2018) gives ~636,000 children with disabilities aged 0–15,
 * in line with the VDS 2016 prevalence.
 */
const CHILDREN_2018 = 636_000;
const NOTICE =
	'# DỮ LIỆU MINH HỌA, không phải số liệu chính thức / ILLUSTRATIVE DATA, not official statistics — scripts/bench-national.ts';

// ---------------------------------------------------------------------------------------------
// The illustrative national dataset.

interface SynthUnit {
	code: string;
	name: string;
	type: string;
	level: 'province' | 'district' | 'commune';
	district_code: string;
	province_code: string;
}

export interface NationalShape {
	provinces: number;
	districts: number;
	communes: number;
}

export function shapeAt(scale: number): NationalShape {
	const districts = Math.max(2, Math.round(FULL.districts * scale));
	return {
		provinces: Math.min(districts, Math.max(1, Math.round(FULL.provinces * scale))),
		districts,
		communes: Math.max(districts, Math.round(FULL.communes * scale))
	};
}

/** `total` split into `n` parts of lognormal sizes, each at least 1. */
function split(rng: Rng, n: number, total: number, sd: number): number[] {
	const weights = Array.from({ length: n }, () => Math.exp(sd * rng.normal()));
	const sum = weights.reduce((a, b) => a + b, 0);
	const counts = weights.map((w) => 1 + Math.floor((w / sum) * (total - n)));
	let left = total - counts.reduce((a, b) => a + b, 0);
	for (let i = 0; left > 0; i = (i + 1) % n, left--) counts[i]++;
	return counts;
}

/** Provinces, their districts, the districts' communes. Codes have the GSO's lengths (2, 3, 5). */
function synthUnits(rng: Rng, shape: NationalShape): SynthUnit[] {
	const districtsPer = split(rng, shape.provinces, shape.districts, 0.4);
	const communesPer = split(rng, shape.districts, shape.communes, 0.4);
	const units: SynthUnit[] = [];
	let d = 0;
	let c = 0;
	districtsPer.forEach((nd, p) => {
		const province = String(p + 1).padStart(2, '0');
		units.push({
			code: province,
			name: `Tỉnh Minh Họa ${p + 1}`,
			type: 'Tỉnh',
			level: 'province',
			district_code: '',
			province_code: province
		});
		for (let k = 0; k < nd; k++, d++) {
			const code = String(d + 1).padStart(3, '0');
			const type =
				d % 10 === 0 ? 'Quận' : d % 10 === 1 ? 'Thành phố' : d % 10 === 2 ? 'Thị xã' : 'Huyện';
			units.push({
				code,
				name: `${type} Minh Họa ${d + 1}`,
				type,
				level: 'district',
				district_code: code,
				province_code: province
			});
			for (let j = 0; j < communesPer[d]; j++) {
				c++;
				const u = rng.next();
				const ctype = type === 'Quận' || u < 0.1 ? 'Phường' : u < 0.14 ? 'Thị trấn' : 'Xã';
				units.push({
					code: String(c).padStart(5, '0'),
					name: `${ctype} Minh Họa ${c}`,
					type: ctype,
					level: 'commune',
					district_code: code,
					province_code: province
				});
			}
		}
	});
	return units;
}

function unitsCsv(units: SynthUnit[]): string {
	const lines = ['code,name,type,level,district_code,name_ascii,province_code'];
	for (const u of units)
		lines.push(
			[
				u.code,
				u.name,
				u.type,
				u.level,
				u.district_code,
				foldDiacritics(u.name),
				u.province_code
			].join(',')
		);
	return lines.join('\n') + '\n';
}

function reportDate(rng: Rng, year: number, due: string, asOf: string): string {
	const u = rng.next();
	if (u < 0.04) return '';
	const offset = u < 0.25 ? rng.int(1, 40) : -rng.int(0, 9);
	const [m, d] = due.split('-').map(Number);
	const date = new Date(Date.UTC(year, m - 1, d + offset)).toISOString().slice(0, 10);
	return date > asOf ? '' : date;
}

export interface GeneratedData {
	root: string;
	shape: NationalShape;
	children: number;
	childRows: number;
	reportFiles: number;
	reportBytes: number;
	seconds: number;
}

/**
 * Writes plan.json, data/geo/national-units.csv (+ the boundary and licence files the pipeline
 * copies as extras) and reports/{children,units}-PROVINCE-YEAR.csv + dataset.json under `root`.
 * Children are drawn one by one into breakdown cells; counts obey every intake bound.
 */
export function generateNational(root: string, shape: NationalShape, seed = 3430): GeneratedData {
	const started = performance.now();
	const { cal, dates } = template();
	const rng = new Rng(seed);
	const units = synthUnits(rng, shape);
	mkdirSync(join(root, 'data/geo'), { recursive: true });
	mkdirSync(join(root, 'reports'), { recursive: true });
	writeFileSync(join(root, 'data/geo/national-units.csv'), unitsCsv(units));
	for (const f of [
		'kontum-communes.geojson',
		'kontum-districts.geojson',
		'README.md',
		'LICENSE-GPL-3.0.txt'
	])
		copyFileSync(join('data/geo', f), join(root, 'data/geo', f));
	const plan = JSON.parse(readFileSync(TEMPLATE_PLAN, 'utf8'));
	plan.id = 'national-illustrative';
	plan.geography = {
		...plan.geography,
		area: { code: '00', name: { vi: 'Việt Nam (minh họa)', en: 'Viet Nam (illustrative)' } },
		unitsFile: 'data/geo/national-units.csv',
		// Kon Tum's own renames and reorganisations are not this list's
		changes: [],
		reforms: []
	};
	writeFileSync(join(root, 'plan.json'), JSON.stringify(plan, null, 2));
	writeFileSync(
		join(root, 'reports/dataset.json'),
		JSON.stringify({
			illustrative: true,
			asOf: cal.asOf,
			source: {
				vi: 'Dữ liệu minh họa quy mô toàn quốc do scripts/bench-national.ts tạo; không phải số liệu chính thức.',
				en: 'Illustrative national-scale data written by scripts/bench-national.ts; not official statistics.'
			},
			licence: 'CC-BY-4.0'
		})
	);

	const communes = units.filter((u) => u.level === 'commune');
	// Fixed commune traits: size, ethnic-minority share, how well services run.
	const trait = new Map(
		communes.map((u) => [
			u.code,
			{
				size: Math.exp(0.5 * rng.normal()) * (u.type === 'Phường' ? 0.6 : 1),
				minority: sigmoid(-1.2 + 1.6 * rng.normal()),
				effect: 0.35 * rng.normal(),
				network: rng.normal(),
				staffBase: 4 + 3 * rng.next()
			}
		])
	);
	const sizeSum = [...trait.values()].reduce((a, t) => a + t.size, 0);
	const [types, sevs, ages] = [
		cumulate(cal.typeMix),
		cumulate(cal.severityMix),
		cumulate(cal.ageMix)
	];
	const { trajectory } = cal;
	const codes = breakdowns.map((b) => b.categories.map((c) => c.code));
	const radix = codes.map((c) => c.length);
	const cellCount = radix.reduce((a, b) => a * b, 1);
	const provinces = units.filter((u) => u.level === 'province');

	let children = 0;
	let childRows = 0;
	let reportBytes = 0;
	let reportFiles = 0;
	const scaleShare = shape.communes / FULL.communes;
	YEARS.forEach((year, t) => {
		const expected = CHILDREN_2018 * scaleShare * (1 + cal.register.yearlyGrowth) ** t;
		const networkCut = 0.8 - 0.12 * t;
		// one flag per meaning (data/README.md): services kept running to 2020, a network after
		const flags = (on: boolean) =>
			year < dates.networkFrom ? [on ? 1 : 0, '', ''] : ['', on ? 1 : 0, ''];
		const reports = () => [
			reportDate(rng, year, dates.due.h1, cal.asOf),
			reportDate(rng, year, dates.due.year, cal.asOf)
		];
		for (const province of provinces) {
			const mine = units.filter((u) => u.province_code === province.code);
			const childLines: string[] = [NOTICE, CHILD_HEADER];
			const unitLines: string[] = [
				NOTICE,
				UNIT_HEADER,
				`${province.code},,${year},,,,,,,${rng.next() < 0.3 + 0.08 * t ? 1 : 0},,`
			];
			const communeRows: string[] = [];
			for (const u of mine) {
				if (u.level === 'district') {
					unitLines.push(
						[
							u.code,
							u.name,
							year,
							'',
							'',
							'',
							'',
							...flags(rng.next() < 0.6 + 0.04 * t),
							...reports()
						].join(',')
					);
					continue;
				}
				if (u.level !== 'commune') continue;
				const tr = trait.get(u.code)!;
				const n = Math.max(0, Math.round((expected * tr.size) / sizeSum + 2 * rng.normal()));
				children += n;
				const cells = new Uint32Array(cellCount);
				for (let k = 0; k < n; k++) {
					const v = [
						rng.pick(types),
						rng.pick(sevs),
						rng.next() < cal.boysShare ? 0 : 1,
						rng.pick(ages),
						rng.next() < tr.minority ? 1 : 0
					];
					let key = 0;
					for (let d = 0; d < 5; d++) key = key * radix[d] + v[d];
					cells[key]++;
				}
				const pAccess = sigmoid(logit(trajectory.access[t]) + tr.effect);
				const pSkills = sigmoid(logit(trajectory.skills[t]) + tr.effect);
				for (let key = 0; key < cellCount; key++) {
					const k = cells[key];
					if (k === 0) continue;
					const v: number[] = [];
					let rest = key;
					for (let d = 4; d >= 0; d--) {
						v[d] = rest % radix[d];
						rest = Math.floor(rest / radix[d]);
					}
					const severityShift = [-0.4, 0, 0.15][v[1]];
					const accessed = rng.binomial(k, sigmoid(logit(pAccess) + severityShift));
					const services = [0.78, 0.5, 0.45, 0.2].map((p) => rng.binomial(accessed, p));
					const skills = rng.binomial(k, pSkills);
					childLines.push(
						[
							u.code,
							u.name,
							year,
							...v.map((x, d) => codes[d][x]),
							k,
							accessed,
							...services,
							skills
						].join(',')
					);
					childRows++;
				}
				const caregivers = Math.round(n * (1.1 + 0.3 * rng.next()));
				const staff = Math.round(
					Math.min(15, Math.max(3, tr.staffBase + 0.25 * t + 0.7 * rng.normal()))
				);
				communeRows.push(
					[
						u.code,
						u.name,
						year,
						caregivers,
						rng.binomial(caregivers, sigmoid(logit(trajectory.caregivers[t]) + tr.effect)),
						staff,
						rng.binomial(staff, sigmoid(logit(trajectory.staff[t]) + tr.effect)),
						...flags(tr.network > networkCut),
						...reports()
					].join(',')
				);
			}
			unitLines.push(...communeRows);
			const childText = childLines.join('\n') + '\n';
			const unitText = unitLines.join('\n') + '\n';
			writeFileSync(join(root, `reports/children-${province.code}-${year}.csv`), childText);
			writeFileSync(join(root, `reports/units-${province.code}-${year}.csv`), unitText);
			reportBytes += Buffer.byteLength(childText) + Buffer.byteLength(unitText);
			reportFiles += 2;
		}
	});
	return {
		root,
		shape,
		children,
		childRows,
		reportFiles,
		reportBytes,
		seconds: round((performance.now() - started) / 1000, 1)!
	};
}

// ---------------------------------------------------------------------------------------------
// The pipeline, in a child process.

interface ChildReport {
	ok: boolean;
	seconds: number;
	problems: string[];
	errors: number;
	warnings: number;
}

export interface PipelineAttempt {
	scale: number;
	shape: NationalShape;
	children: number;
	childRows: number;
	reportFiles: number;
	reportBytes: number;
	generateSeconds: number;
	ok: boolean;
	/** why it failed: out of memory, time limit, pipeline errors, crash */
	failure: string | null;
	seconds: number | null;
	wallSeconds: number;
	peakRssMB: number | null;
	heapLimit: string;
}

async function childPipeline(root: string): Promise<void> {
	const { runPipeline } = await import('../src/lib/pipeline/run');
	const started = performance.now();
	const result = await runPipeline({ root, plan: 'plan.json', reports: 'reports', out: 'out' });
	const report: ChildReport = {
		ok: result.ok,
		seconds: round((performance.now() - started) / 1000, 1)!,
		problems: result.problems.slice(0, 5),
		errors: result.issues.filter((i) => i.severity === 'error').length,
		warnings: result.issues.filter((i) => i.severity === 'warning').length
	};
	if (!result.ok && result.issues.length)
		report.problems.push(
			...result.issues.slice(0, 3).map((i) => `${i.file}:${i.row} ${i.column} ${i.message.en}`)
		);
	console.log(`@@report ${JSON.stringify(report)}`);
}

/** VmHWM (peak resident set) and VmRSS of a process, in kB, from /proc. */
function procMemory(pid: number): { hwm: number; rss: number } | null {
	try {
		const status = readFileSync(`/proc/${pid}/status`, 'utf8');
		const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
		return { hwm: kb('VmHWM'), rss: kb('VmRSS') };
	} catch {
		return null;
	}
}

async function runPipelineChild(
	root: string,
	timeoutMs: number,
	heapMb: number | null,
	maxRssMb: number
): Promise<{
	report: ChildReport | null;
	failure: string | null;
	wallSeconds: number;
	peakRssMB: number | null;
}> {
	const started = performance.now();
	const args = [
		...(heapMb ? [`--max-old-space-size=${heapMb}`] : []),
		'--import',
		import.meta.resolve('tsx'),
		fileURLToPath(import.meta.url),
		'--child-pipeline',
		root
	];
	const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (d) => (stdout += d));
	child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-20_000)));
	let peakKb = 0;
	let capped = false;
	const poll = setInterval(() => {
		const m = child.pid ? procMemory(child.pid) : null;
		if (m) peakKb = Math.max(peakKb, m.hwm, m.rss);
		// The machine is shared: a pipeline that would take all its memory is stopped here.
		if (m && m.rss > maxRssMb * 1024 && !capped) {
			capped = true;
			child.kill('SIGKILL');
		}
	}, 100);
	let timedOut = false;
	const timer = setTimeout(() => {
		timedOut = true;
		child.kill('SIGKILL');
	}, timeoutMs);
	const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
	clearInterval(poll);
	clearTimeout(timer);
	const wallSeconds = round((performance.now() - started) / 1000, 1)!;
	const line = stdout.split('\n').find((l) => l.startsWith('@@report '));
	const report = line ? (JSON.parse(line.slice('@@report '.length)) as ChildReport) : null;
	let failure: string | null = null;
	if (timedOut) failure = `time limit: stopped after ${Math.round(timeoutMs / 60000)} min`;
	else if (capped)
		failure = `out of memory: resident memory passed the ${maxRssMb} MB cap (--max-rss-mb) and the process was stopped`;
	else if (/heap out of memory|Reached heap limit|Allocation failed/i.test(stderr))
		failure = 'out of memory (V8 heap limit reached)';
	else if (code !== 0 || !report)
		failure = `pipeline process exited with code ${code}: ${stderr.trim().split('\n').filter(Boolean).slice(-3).join(' | ').slice(0, 400)}`;
	else if (!report.ok)
		failure = `pipeline refused the data: ${report.errors} error(s); ${report.problems.slice(0, 3).join('; ')}`;
	return { report, failure, wallSeconds, peakRssMB: peakKb ? Math.round(peakKb / 1024) : null };
}

// ---------------------------------------------------------------------------------------------
// What was published.

interface FileStats {
	files: number;
	medianBytes: number;
	maxBytes: number;
	totalBytes: number;
}

function fileStats(sizes: number[]): FileStats {
	const s = [...sizes].sort((a, b) => a - b);
	return {
		files: s.length,
		medianBytes: s[s.length >> 1] ?? 0,
		maxBytes: s.at(-1) ?? 0,
		totalBytes: s.reduce((a, b) => a + b, 0)
	};
}

function publishedSizes(manifest: Manifest) {
	const cube = manifest.tables.find((t) => t.name === 'children_cube');
	const parts = cube?.partitions ?? [];
	const bytesOf = (files: { format: string; bytes: number }[], format: string) =>
		files.find((f) => f.format === format)?.bytes ?? 0;
	const byRows = [...parts].sort((a, b) => a.rows - b.rows);
	return {
		tables: manifest.tables.map((t) => ({
			name: t.name,
			rows: t.rows,
			bytes: Object.fromEntries(
				['csv', 'parquet', 'json'].map((f) => [
					f,
					t.partitions
						? t.partitions.reduce((s, p) => s + bytesOf(p.files, f), 0)
						: bytesOf(t.files, f)
				])
			)
		})),
		cubePerProvince: {
			partitions: parts.length,
			medianRows: byRows[byRows.length >> 1]?.rows ?? 0,
			parquet: fileStats(parts.map((p) => bytesOf(p.files, 'parquet'))),
			csv: fileStats(parts.map((p) => bytesOf(p.files, 'csv')))
		},
		/** the province file of median size: what the explorer fetches when a province is chosen */
		medianProvince: byRows[byRows.length >> 1]?.key ?? null
	};
}

// ---------------------------------------------------------------------------------------------
// Explorer queries.

const dimCols = breakdowns.map((b) => b.id);
const measureCols = measures.flatMap((m) => [m, `${m}_suppressed`]);

/**
 * SQL making the explorer's `cube` from a published file. The national view reads the
 * provinces file: provinces stand where the districts stand in a province's cube, and the
 * country is their sum, hidden wherever any province is (the explorer's own rule for sums).
 */
function cubeFromSql(view: 'national' | 'file', source: string): string {
	const cols = ['year', 'level', 'unit_code', 'district_code', ...dimCols, ...measureCols];
	if (view === 'file')
		return `CREATE OR REPLACE TABLE cube AS SELECT ${cols.join(', ')} FROM ${source}`;
	return `CREATE OR REPLACE TABLE cube AS
		SELECT year, 'district' AS level, unit_code, unit_code AS district_code, ${dimCols.join(', ')}, ${measureCols.join(', ')}
		FROM ${source}
		UNION ALL
		SELECT year, 'province', '00', '', ${dimCols.join(', ')},
			${measures.map((m) => `sum(${m}) AS ${m}, bool_or(${m}_suppressed) AS ${m}_suppressed`).join(', ')}
		FROM ${source} GROUP BY year, ${dimCols.join(', ')}`;
}

/**
 * The filter changes the browser bench makes on /phan-tich: change i toggles option ⌊i/G⌋ mod n
 * of group i mod G (the five breakdowns, then the units one level down), each one statement
 * (a view that publishes nothing at its level asks nothing, as on the page).
 */
function filterSequence(
	units: string[],
	year: number,
	changes: number,
	depth: BreakdownDepth
): string[] {
	const groups: { dim: keyof ExplorerFilters; codes: string[] }[] = [
		...breakdowns.map((b) => ({
			dim: b.id as keyof ExplorerFilters,
			codes: b.categories.map((c) => c.code)
		})),
		{ dim: 'district', codes: units }
	];
	let f: ExplorerFilters = emptyFilters(year);
	const sqls: string[] = [explorerViewSql(f, depth)!]; // the first view after loading: a warm-up, not timed
	for (let i = 0; i < changes; i++) {
		const g = groups[i % groups.length];
		const code = g.codes[Math.floor(i / groups.length) % g.codes.length];
		const current = f[g.dim] as string[];
		f = {
			...f,
			[g.dim]: current.includes(code) ? current.filter((c) => c !== code) : [...current, code]
		};
		const sql = explorerViewSql(f, depth);
		if (sql !== null) sqls.push(sql);
	}
	return sqls;
}

interface Timing {
	changes: number;
	p50Ms: number | null;
	p95Ms: number | null;
	maxMs: number | null;
}

const timing = (times: number[]): Timing => ({
	changes: times.length,
	p50Ms: round(quantile(times, 0.5), 1),
	p95Ms: round(quantile(times, 0.95), 1),
	maxMs: round(Math.max(...times), 1)
});

interface View {
	name: string;
	/** the Parquet file as published (Node reads it) */
	file: string;
	/** the CSV as published (the browser reads it, as /phan-tich does: DuckDB-WASM has no Parquet reader built in) */
	csv: string;
	/** read_csv options for that CSV: notice lines to skip, columns kept as text */
	csvOptions: string;
	kind: 'national' | 'file';
	rowsInFile?: number;
	sqls: string[];
}

async function nodeTimes(view: View): Promise<Timing & { cubeRows: number }> {
	const db = await DuckDBInstance.create(':memory:', { threads: '1' });
	const con: DuckDBConnection = await db.connect();
	try {
		await con.run(cubeFromSql(view.kind, `read_parquet('${view.file.replace(/'/g, "''")}')`));
		for (const sql of levelTablesSql(YEARS)) await con.run(sql);
		const n = await con.runAndReadAll('SELECT count(*)::INTEGER FROM cube');
		const times: number[] = [];
		for (const [i, sql] of view.sqls.entries()) {
			const t0 = performance.now();
			(await con.runAndReadAll(sql)).getRowObjectsJS();
			if (i > 0) times.push(performance.now() - t0);
		}
		return { ...timing(times), cubeRows: Number(n.getRowsJS()[0][0]) };
	} finally {
		con.closeSync();
		db.closeSync();
	}
}

/** The page script: DuckDB-WASM (the same bundle /phan-tich loads), with timing hooks. */
const HARNESS = `
import * as duckdb from '@duckdb/duckdb-wasm';
let db, conn;
const rowsOf = (t) => t.toArray().map((r) => r.toJSON());
window.bench = {
	async init() {
		const worker = new Worker(new URL('./duckdb-browser-eh.worker.js', location.href).href);
		db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
		await db.instantiate(new URL('./duckdb-eh.wasm', location.href).href);
		await db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
		conn = await db.connect();
		await conn.query('SET autoinstall_known_extensions = false');
		await conn.query('SET autoload_known_extensions = false');
	},
	async load(url, createSql) {
		const t0 = performance.now();
		const text = await (await fetch(url, { cache: 'no-store' })).text();
		const t1 = performance.now();
		await db.registerFileText('view.csv', text);
		for (const sql of createSql) await conn.query(sql);
		await db.dropFile('view.csv');
		const n = rowsOf(await conn.query('SELECT count(*)::INTEGER AS n FROM cube'))[0].n;
		return { fetchMs: t1 - t0, loadMs: performance.now() - t1, rows: n };
	},
	async time(sqls) {
		const times = [];
		for (const sql of sqls) {
			const t0 = performance.now();
			rowsOf(await conn.query(sql));
			times.push(performance.now() - t0);
		}
		return times;
	}
};
window.benchReady = true;
`;

export async function writeHarness(dir: string): Promise<void> {
	const { build } = await import('esbuild');
	mkdirSync(dir, { recursive: true });
	await build({
		stdin: { contents: HARNESS, resolveDir: process.cwd(), sourcefile: 'harness.js' },
		bundle: true,
		format: 'esm',
		minify: true,
		outfile: join(dir, 'harness.js'),
		logLevel: 'error'
	});
	const dist = 'node_modules/@duckdb/duckdb-wasm/dist';
	for (const f of ['duckdb-eh.wasm', 'duckdb-browser-eh.worker.js'])
		copyFileSync(join(dist, f), join(dir, f));
	writeFileSync(
		join(dir, 'index.html'),
		'<!doctype html><html lang="en"><meta charset="utf-8"><title>explorer queries</title><script type="module" src="./harness.js"></script></html>\n'
	);
}

interface BrowserView {
	name: string;
	/** the CSV as it travels (brotli) */
	bytes: number;
	rows: number;
	/** slow 4G, CPU 4×: fetch of the file, then DuckDB-WASM reading it into the cube table */
	slow4g: { fetchMs: number; loadMs: number };
	cpu1: Timing;
	cpu4: Timing;
}

async function browserTimes(dir: string, views: View[]): Promise<BrowserView[]> {
	const server = await startServer({ dir, port: 0 });
	const browser = await launchBrowser();
	try {
		const out: BrowserView[] = [];
		for (const view of views) {
			const page: Page = await browser.newPage();
			const cdp: CDPSession = await page.context().newCDPSession(page);
			await page.goto(server.url);
			await page.waitForFunction('window.benchReady === true');
			await page.evaluate('window.bench.init()');
			const url = `${server.url}${view.name}.csv`;
			const createSql = [
				cubeFromSql(view.kind, `read_csv('view.csv', ${view.csvOptions})`),
				...levelTablesSql(YEARS)
			];
			// Arrival and loading on the throttled phone profile.
			await cdp.send('Network.enable');
			await cdp.send('Network.emulateNetworkConditions', {
				offline: false,
				latency: PROFILE.latencyMs,
				downloadThroughput: PROFILE.downloadBytesPerSecond,
				uploadThroughput: PROFILE.uploadBytesPerSecond
			});
			await cdp.send('Emulation.setCPUThrottlingRate', { rate: PROFILE.cpuSlowdown });
			const load = (await page.evaluate(
				({ u, s }) =>
					(
						window as unknown as {
							bench: { load(u: string, s: string[]): Promise<Record<string, number>> };
						}
					).bench.load(u, s),
				{ u: url, s: createSql }
			)) as { fetchMs: number; loadMs: number; rows: number };
			await cdp.send('Network.emulateNetworkConditions', {
				offline: false,
				latency: 0,
				downloadThroughput: -1,
				uploadThroughput: -1
			});
			const time = async (rate: number) => {
				await cdp.send('Emulation.setCPUThrottlingRate', { rate });
				const times = (await page.evaluate(
					(sqls) =>
						(window as unknown as { bench: { time(s: string[]): Promise<number[]> } }).bench.time(
							sqls
						),
					view.sqls
				)) as number[];
				return timing(times.slice(1));
			};
			const cpu1 = await time(1);
			const cpu4 = await time(PROFILE.cpuSlowdown);
			out.push({
				name: view.name,
				bytes: statSync(join(dir, `${view.name}.csv.br`)).size,
				rows: load.rows,
				slow4g: { fetchMs: round(load.fetchMs, 0)!, loadMs: round(load.loadMs, 0)! },
				cpu1,
				cpu4
			});
			await page.close();
		}
		return out;
	} finally {
		await browser.close();
		await server.close();
	}
}

// ---------------------------------------------------------------------------------------------
// Main.

const MB = (n: number | null | undefined) =>
	n === null || n === undefined ? '–' : (n / 1048576).toFixed(n < 10 * 1048576 ? 2 : 0);

/** On a phone on slow 4G (1.6 Mbps), seconds to download n bytes. */
const slow4gSeconds = (n: number) => round(n / PROFILE.downloadBytesPerSecond, 1);

async function distinctUnits(file: string, level: string): Promise<string[]> {
	const db = await DuckDBInstance.create(':memory:');
	const con = await db.connect();
	try {
		const r = await con.runAndReadAll(
			`SELECT DISTINCT unit_code FROM read_parquet('${file.replace(/'/g, "''")}') WHERE level = '${level}' ORDER BY 1`
		);
		return r.getRowsJS().map((x) => String(x[0]));
	} finally {
		con.closeSync();
		db.closeSync();
	}
}

async function main(): Promise<void> {
	const started = performance.now();
	const { values } = parseArgs({
		options: {
			scale: { type: 'string', default: '1' },
			'start-scale': { type: 'string' },
			'max-rss-mb': { type: 'string', default: '6144' },
			'timeout-min': { type: 'string', default: '20' },
			'filter-changes': { type: 'string', default: '50' },
			'heap-mb': { type: 'string' },
			'no-browser': { type: 'boolean', default: false },
			keep: { type: 'boolean', default: false },
			'kontum-cube': { type: 'string', default: 'static/data/children_cube.parquet' },
			out: { type: 'string', default: 'bench/national.json' },
			tmp: { type: 'string' }
		}
	});
	const scale = Number(values.scale);
	const startScale = Number(values['start-scale'] ?? values.scale);
	const maxRssMb = Number(values['max-rss-mb']);
	const timeoutMs = Number(values['timeout-min']) * 60_000;
	const changes = Number(values['filter-changes']);
	const heapMb = values['heap-mb'] ? Number(values['heap-mb']) : null;
	if (!(scale > 0 && scale <= 1)) throw new Error('--scale must be in (0, 1]');
	if (!(startScale > 0 && startScale <= scale))
		throw new Error('--start-scale must be in (0, scale]');
	if (!(maxRssMb > 0)) throw new Error('--max-rss-mb must be above 0');
	if (!(timeoutMs > 0)) throw new Error('--timeout-min must be above 0');
	if (!(Number.isInteger(changes) && changes > 0))
		throw new Error('--filter-changes must be a whole number above 0');
	const v8 = await import('node:v8');
	const heapLimit = heapMb
		? `${heapMb} MB (--max-old-space-size)`
		: `Node's default, ${Math.round(v8.getHeapStatistics().heap_size_limit / 1048576)} MB`;
	const base = values.tmp ? resolve(values.tmp) : mkdtempSync(join(tmpdir(), 'bench-national-'));
	mkdirSync(base, { recursive: true });
	console.log(`Working in ${base}`);
	// Generated data is hundreds of MB: gone at exit, even after an error (unless kept).
	if (!values.keep && !values.tmp)
		process.on('exit', () => rmSync(base, { recursive: true, force: true }));
	const load0 = loadavg()[0];

	// Pipeline: from --start-scale up, doubling to --scale; stops at the first failure.
	const ladder: number[] = [];
	for (let x = startScale; x < scale; x *= 2) ladder.push(x);
	ladder.push(scale);
	const attempts: PipelineAttempt[] = [];
	let root = '';
	for (const s of ladder) {
		root = join(base, `scale-${round(s, 5)}`);
		rmSync(root, { recursive: true, force: true });
		const shape = shapeAt(s);
		console.log(
			`\nGenerating ${shape.provinces} provinces, ${shape.districts} districts, ${shape.communes} communes, ${YEARS.length} years (scale ${round(s, 4)}) …`
		);
		const data = generateNational(root, shape);
		console.log(
			`  ${data.children.toLocaleString('en')} child-years in ${data.childRows.toLocaleString('en')} report rows, ${data.reportFiles} files, ${MB(data.reportBytes)} MB of CSV, in ${data.seconds} s`
		);
		console.log(
			`Pipeline (child process, heap ${heapLimit}, stopped past ${maxRssMb} MB RSS or ${values['timeout-min']} min) …`
		);
		const r = await runPipelineChild(root, timeoutMs, heapMb, maxRssMb);
		const attempt: PipelineAttempt = {
			scale: round(s, 5)!,
			shape,
			children: data.children,
			childRows: data.childRows,
			reportFiles: data.reportFiles,
			reportBytes: data.reportBytes,
			generateSeconds: data.seconds,
			ok: r.failure === null,
			failure: r.failure,
			seconds: r.report?.seconds ?? null,
			wallSeconds: r.wallSeconds,
			peakRssMB: r.peakRssMB,
			heapLimit
		};
		attempts.push(attempt);
		console.log(
			attempt.ok
				? `  done in ${attempt.seconds} s, peak RSS ${attempt.peakRssMB} MB`
				: `  FAILED after ${attempt.wallSeconds} s (peak RSS ${attempt.peakRssMB} MB): ${attempt.failure}`
		);
		if (!attempt.ok) break;
		if (s !== scale) rmSync(root, { recursive: true, force: true });
	}
	const last = attempts.at(-1)!;
	const output: Record<string, unknown> = {
		generatedAt: new Date().toISOString(),
		command: `tsx scripts/bench-national.ts ${process.argv.slice(2).join(' ')}`.trim(),
		illustrative:
			'Synthetic units and reports at the scale of Viet Nam before 2025; not real data.',
		machine: { ...machineInfo(), loadAverage1mAtStart: round(load0, 2) },
		target: { ...FULL, years: YEARS.length, breakdowns: dimCols, topUnit: '00' },
		pipeline: {
			attempts,
			scale,
			ok: last.ok && last.scale === round(scale, 5),
			seconds: last.seconds,
			peakRssMB: last.peakRssMB,
			goalNote:
				'one process: validation file by file into DuckDB, then aggregation, protection and writing one province at a time'
		}
	};
	if (!last.ok) {
		output.durationSeconds = round((performance.now() - started) / 1000, 0);
		await writeJson(values.out, output);
		console.log(`\nPipeline failed at scale ${last.scale}: ${last.failure}. Wrote ${values.out}.`);
		process.exitCode = 1;
		return;
	}

	// What was published.
	const out = join(root, 'out');
	const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
	const sizes = publishedSizes(manifest);
	const provincesTable = manifest.tables.find((t) => t.name === 'children_cube_provinces')!;
	const provincesParquet = provincesTable.files.find((f) => f.format === 'parquet')!;
	output.published = {
		...sizes,
		provincesFile: { rows: provincesTable.rows, parquetBytes: provincesParquet.bytes },
		slow4gSeconds: {
			medianProvinceFile: slow4gSeconds(sizes.cubePerProvince.parquet.medianBytes),
			largestProvinceFile: slow4gSeconds(sizes.cubePerProvince.parquet.maxBytes),
			provincesFile: slow4gSeconds(provincesParquet.bytes),
			wholeCubeIfShippedWhole: slow4gSeconds(sizes.cubePerProvince.parquet.totalBytes)
		}
	};

	// Explorer queries.
	const province = sizes.medianProvince!;
	const harness = join(base, 'harness');
	mkdirSync(harness, { recursive: true });
	const year = YEARS.at(-1)!;
	const cubeTable = manifest.tables.find((t) => t.name === 'children_cube')!;
	const csvOptions = (t: Manifest['tables'][number]) =>
		`header = true, skip = ${t.csvCommentLines}, auto_detect = true, sample_size = -1, types = ${varcharTypes(t.columns)}`;
	/** A published file pair into the harness folder; the CSV with its brotli twin, as the site serves it. */
	const stage = (name: string, parquet: string, csv: string) => {
		copyFileSync(parquet, join(harness, `${name}.parquet`));
		copyFileSync(csv, join(harness, `${name}.csv`));
		const data = readFileSync(csv);
		writeFileSync(
			join(harness, `${name}.csv.br`),
			brotliCompressSync(data, {
				params: {
					[constants.BROTLI_PARAM_QUALITY]: data.length > 1_000_000 ? 9 : 11,
					[constants.BROTLI_PARAM_SIZE_HINT]: data.length
				}
			})
		);
		return { file: join(harness, `${name}.parquet`), csv: join(harness, `${name}.csv`) };
	};
	const views: View[] = [];
	const addView = async (
		name: string,
		kind: View['kind'],
		files: { file: string; csv: string },
		table: Manifest['tables'][number],
		published: Manifest
	) =>
		views.push({
			name,
			kind,
			...files,
			csvOptions: csvOptions(table),
			sqls: filterSequence(
				await distinctUnits(files.file, kind === 'national' ? 'province' : 'district'),
				year,
				changes,
				// the national view's "districts" are the provinces, with the province's depth
				kind === 'national'
					? {
							province: published.protection.breakdownDepth.province,
							district: published.protection.breakdownDepth.province,
							commune: 0
						}
					: published.protection.breakdownDepth
			)
		});
	await addView(
		'national',
		'national',
		stage('national', join(out, provincesParquet.path), join(out, 'children_cube_provinces.csv')),
		provincesTable,
		manifest
	);
	await addView(
		'province',
		'file',
		stage(
			'province',
			join(out, `children_cube/${province}.parquet`),
			join(out, `children_cube/${province}.csv`)
		),
		cubeTable,
		manifest
	);
	const kontumCsv = values['kontum-cube'].replace(/\.parquet$/, '.csv');
	const kontumManifest = join(values['kontum-cube'], '..', 'manifest.json');
	if (existsSync(values['kontum-cube']) && existsSync(kontumCsv) && existsSync(kontumManifest)) {
		const km = JSON.parse(readFileSync(kontumManifest, 'utf8')) as Manifest;
		await addView(
			'kontum',
			'file',
			stage('kontum', values['kontum-cube'], kontumCsv),
			km.tables.find((t) => t.name === 'children_cube')!,
			km
		);
	} else console.log(`(no Kon Tum cube at ${values['kontum-cube']}: run npm run pipeline first)`);

	console.log(`\nExplorer: ${changes} filter changes per view, DuckDB in Node (1 thread) …`);
	const node: Record<string, Timing & { cubeRows: number }> = {};
	for (const v of views) {
		node[v.name] = await nodeTimes(v);
		console.log(
			`  ${v.name}: ${node[v.name].cubeRows.toLocaleString('en')} rows, p50 ${node[v.name].p50Ms} ms, p95 ${node[v.name].p95Ms} ms`
		);
	}
	let browser: BrowserView[] | null = null;
	let browserError: string | null = null;
	if (!values['no-browser']) {
		console.log(`Explorer: the same in DuckDB-WASM in Chromium (CPU 1× and 4×) …`);
		try {
			await writeHarness(harness);
			browser = await browserTimes(harness, views);
			for (const b of browser)
				console.log(
					`  ${b.name}: ${b.rows.toLocaleString('en')} rows; p95 ${b.cpu1.p95Ms} ms (1×), ${b.cpu4.p95Ms} ms (4×); slow 4G: fetch ${b.slow4g.fetchMs} ms + load ${b.slow4g.loadMs} ms`
				);
		} catch (e) {
			browserError = e instanceof Error ? e.message : String(e);
			console.log(`  browser part failed: ${browserError}`);
		}
	}
	const worst = (b: BrowserView | undefined) => b?.cpu4.p95Ms ?? null;
	const nationalP95 = Math.max(
		worst(browser?.find((b) => b.name === 'national')) ?? 0,
		worst(browser?.find((b) => b.name === 'province')) ?? 0
	);
	output.explorer = {
		method:
			'explorerViewSql (one statement per filter change, as /phan-tich runs it) on the published Parquet files; times are query + Arrow rows to JS, without the page re-rendering',
		views: views.map((v) => ({ name: v.name, kind: v.kind, file: v.name + '.parquet' })),
		medianProvince: province,
		node,
		browser,
		browserError,
		goalP95Ms: 300,
		nationalP95MsAt4xCpu: browser ? nationalP95 : null,
		goalMet: browser ? nationalP95 < 300 : null
	};
	output.durationSeconds = round((performance.now() - started) / 1000, 0);
	output.machine = { ...machineInfo(), loadAverage1mAtStart: round(load0, 2) };
	await writeJson(values.out, output);

	console.log('\nPipeline');
	console.log(
		textTable(
			[
				'scale',
				'provinces',
				'districts',
				'communes',
				'report rows',
				'result',
				'time s',
				'peak RSS MB'
			],
			attempts.map((a) => [
				a.scale,
				a.shape.provinces,
				a.shape.districts,
				a.shape.communes,
				a.childRows,
				a.ok ? 'ok' : a.failure!.slice(0, 60),
				a.seconds ?? a.wallSeconds,
				a.peakRssMB ?? '–'
			])
		)
	);
	console.log(
		'\n' +
			textTable(
				['table', 'rows', 'CSV MB', 'Parquet MB', 'JSON MB'],
				sizes.tables.map((t) => [
					t.name,
					t.rows,
					MB(t.bytes.csv),
					MB(t.bytes.parquet),
					MB(t.bytes.json)
				])
			)
	);
	const pp = sizes.cubePerProvince.parquet;
	console.log(
		`\nCube: ${sizes.cubePerProvince.partitions} province files, median ${MB(pp.medianBytes)} MB / max ${MB(pp.maxBytes)} MB Parquet (${slow4gSeconds(pp.medianBytes)} s / ${slow4gSeconds(pp.maxBytes)} s on slow 4G); provinces file ${MB(provincesParquet.bytes)} MB (${slow4gSeconds(provincesParquet.bytes)} s). Shipped whole it would be ${MB(pp.totalBytes)} MB (${slow4gSeconds(pp.totalBytes)} s).`
	);
	if (browser) {
		console.log(
			'\n' +
				textTable(
					[
						'explorer view',
						'rows',
						'MB',
						'p50 1×',
						'p95 1×',
						'p50 4×',
						'p95 4×',
						'slow-4G fetch+load s'
					],
					browser.map((b) => [
						b.name,
						b.rows,
						MB(b.bytes),
						b.cpu1.p50Ms ?? '–',
						b.cpu1.p95Ms ?? '–',
						b.cpu4.p50Ms ?? '–',
						b.cpu4.p95Ms ?? '–',
						round((b.slow4g.fetchMs + b.slow4g.loadMs) / 1000, 1)!
					])
				)
		);
		console.log(
			`National-scale filter p95 at 4× CPU (worst of the national and province views): ${nationalP95} ms; goal < 300 ms: ${nationalP95 < 300 ? 'met' : 'NOT met'}.`
		);
	}
	console.log(`\nWrote ${values.out} in ${output.durationSeconds} s.`);
}

if (process.argv[2] === '--child-pipeline') {
	childPipeline(resolve(process.argv[3])).catch((err: unknown) => {
		console.error(err instanceof Error ? (err.stack ?? err.message) : err);
		process.exit(1);
	});
} else if (isMain(import.meta.url)) {
	main().catch((err: unknown) => {
		console.error(err instanceof Error ? err.message : err);
		process.exit(1);
	});
}
