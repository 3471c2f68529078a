/**
 * npm run bench:national: would this pipeline and explorer hold at the scale of all of Viet Nam?
 *
 *   npx tsx scripts/bench-national.ts [--scale 1] [--start-scale 0.03125] [--no-fallback]
 *                                     [--timeout-min 15] [--max-rss-mb 10240] [--heap-mb N]
 *                                     [--duckdb-memory-mb 4096]
 *                                     [--filter-changes 50] [--keep] [--out bench/national.json]
 *                                     [--kontum-cube build/data/children_cube.csv]
 *                                     [--browser-results bench/results.json]
 *
 * 1. Writes an ILLUSTRATIVE national dataset into a temporary folder: a code list shaped like
 *    data/geo/kontum-units.csv with the country (code '00') where the province stands,
 *    700 districts and 10,600 communes (Viet Nam before the 2025 reform; `--scale` shrinks both),
 *    8 years (2018–2025) of children reports with every breakdown, and units reports; plus a copy
 *    of the plan pointing at them. The demo generator (src/lib/pipeline/demo-data.ts) cannot be
 *    reused: it draws a fixed Kon Tum-sized register (3,650 children) and writes province '62'.
 * 2. Runs the real pipeline (runPipeline) on it in a child process, timed, its peak memory read
 *    from /proc (VmHWM, polled every 100 ms), with Node's default heap unless --heap-mb. Sizes
 *    climb from --start-scale, doubling, up to --scale, and stop at the first that runs out of
 *    memory (V8's heap, or more than --max-rss-mb resident: the machine is shared), fails or
 *    passes --timeout-min; so the output names the largest size that works and the smallest
 *    that does not. --no-fallback tries --scale alone.
 * 3. Builds the national cube with the pipeline's own SQL (cubeSql) in DuckDB, and from it: the
 *    published cube's size as CSV, gzip CSV and Parquet, and what partitioning (one file per
 *    province, plus a national file) would ship per file.
 * 4. Times the explorer's queries (runExplorerQueries: totalSql, trendSql, groupedSql) on that
 *    cube for --filter-changes filter changes, in Node with @duckdb/node-api standing in for
 *    DuckDB-WASM in the browser, and the same on the Kon Tum cube for calibration.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { spawn } from 'node:child_process';
import {
	copyFileSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync
} from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
	ageBands,
	breakdowns,
	childCountColumns,
	disabilityTypes,
	ethnicities,
	severities,
	sexes
} from '../src/lib/domain/breakdowns';
import { cubeSql, unitsTableSql } from '../src/lib/domain/cube-sql';
import {
	emptyFilters,
	runExplorerQueries,
	type ExplorerFilters,
	type RawRow
} from '../src/lib/domain/explorer';
import { foldDiacritics } from '../src/lib/domain/units';
import { isMain, machineInfo, quantile, round, textTable, writeJson } from './bench';
import { Rng } from '../src/lib/pipeline/rng';

const FULL = { districts: 700, communes: 10_600 };
const YEARS = [2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025];
/** Provinces before the 2025 reform; used only to size a per-province partitioning. */
const PROVINCES = 63;
/**
 * Register size: Kon Tum's illustrative register (3,650 children in 2018 for ~560,000 people)
 * scaled to Viet Nam's ~97.6 million (2018) gives ~636,000 children with disabilities aged 0–15,
 * in line with the VDS 2016 prevalence.
 */
const CHILDREN_2018 = 636_000;
const GROWTH = 0.025;
const AS_OF = '2025-12-10';
const TYPE_MIX = [28, 15, 16, 17, 15, 12];
const SEVERITY_MIX = [20, 38, 42];
const AGE_MIX = [30, 35, 35];
const BOYS_SHARE = 0.545;
const TRAJECTORY = {
	access: [0.55, 0.63, 0.725, 0.755, 0.785, 0.815, 0.84, 0.86],
	skills: [0.35, 0.41, 0.48, 0.54, 0.59, 0.64, 0.68, 0.72],
	caregivers: [0.45, 0.53, 0.62, 0.66, 0.7, 0.73, 0.76, 0.78],
	staff: [0.6, 0.66, 0.73, 0.77, 0.81, 0.85, 0.88, 0.915]
};
const NOTICE =
	'# DỮ LIỆU MINH HỌA, không phải số liệu chính thức / ILLUSTRATIVE DATA, not official statistics — scripts/bench-national.ts';

// ---------------------------------------------------------------------------------------------
// The illustrative national dataset.

const cumulate = (w: number[]) => {
	let s = 0;
	return w.map((x) => (s += x));
};
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const logit = (p: number) => Math.log(p / (1 - p));

interface SynthUnit {
	code: string;
	name: string;
	type: string;
	level: 'district' | 'commune';
	district_code: string;
}

export interface NationalShape {
	districts: number;
	communes: number;
}

export function shapeAt(scale: number): NationalShape {
	return {
		districts: Math.max(2, Math.round(FULL.districts * scale)),
		communes: Math.max(4, Math.round(FULL.communes * scale))
	};
}

/** Districts, then communes spread over them (lognormal sizes, at least one each). */
function synthUnits(rng: Rng, shape: NationalShape): SynthUnit[] {
	const weights = Array.from({ length: shape.districts }, () => Math.exp(0.4 * rng.normal()));
	const sum = weights.reduce((a, b) => a + b, 0);
	const spare = shape.communes - shape.districts;
	const counts = weights.map((w) => 1 + Math.floor((w / sum) * spare));
	let left = shape.communes - counts.reduce((a, b) => a + b, 0);
	for (let i = 0; left > 0; i = (i + 1) % counts.length, left--) counts[i]++;
	const units: SynthUnit[] = [];
	const communes: SynthUnit[] = [];
	let c = 0;
	counts.forEach((n, d) => {
		const code = String(d + 1).padStart(3, '0');
		const type =
			d % 10 === 0 ? 'Quận' : d % 10 === 1 ? 'Thành phố' : d % 10 === 2 ? 'Thị xã' : 'Huyện';
		units.push({
			code,
			name: `${type} Minh Họa ${d + 1}`,
			type,
			level: 'district',
			district_code: code
		});
		for (let k = 0; k < n; k++) {
			c++;
			const u = rng.next();
			const ctype = type === 'Quận' || u < 0.1 ? 'Phường' : u < 0.14 ? 'Thị trấn' : 'Xã';
			communes.push({
				code: String(c).padStart(5, '0'),
				name: `${ctype} Minh Họa ${c}`,
				type: ctype,
				level: 'commune',
				district_code: code
			});
		}
	});
	return [...units, ...communes];
}

function unitsCsv(units: SynthUnit[]): string {
	const lines = ['code,name,type,level,district_code,name_ascii'];
	for (const u of units)
		lines.push(
			[u.code, u.name, u.type, u.level, u.district_code, foldDiacritics(u.name)].join(',')
		);
	return lines.join('\n') + '\n';
}

function reportDate(rng: Rng, year: number, due: string): string {
	const u = rng.next();
	if (u < 0.04) return '';
	const offset = u < 0.25 ? rng.int(1, 40) : -rng.int(0, 9);
	const [m, d] = due.split('-').map(Number);
	const date = new Date(Date.UTC(year, m - 1, d + offset)).toISOString().slice(0, 10);
	return date > AS_OF ? '' : date;
}

export interface GeneratedData {
	root: string;
	shape: NationalShape;
	children: number;
	childRows: number;
	reportBytes: number;
	seconds: number;
}

/**
 * Writes plan.json, data/geo/national-units.csv (+ the Kon Tum boundary and licence files the
 * pipeline copies as extras) and reports/{children,units}-YEAR.csv + dataset.json under `root`.
 * Children are drawn one by one into breakdown cells; counts obey every intake bound.
 */
export function generateNational(root: string, shape: NationalShape, seed = 3430): GeneratedData {
	const started = performance.now();
	const rng = new Rng(seed);
	const units = synthUnits(rng, shape);
	const communes = units.filter((u) => u.level === 'commune');
	const districts = units.filter((u) => u.level === 'district');
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
	const plan = JSON.parse(readFileSync('data/plans/kontum-3430.json', 'utf8'));
	plan.id = 'national-illustrative';
	plan.geography = {
		...plan.geography,
		province: { code: '00', name: { vi: 'Việt Nam (minh họa)', en: 'Viet Nam (illustrative)' } },
		unitsFile: 'data/geo/national-units.csv',
		communeBoundaries: 'data/geo/kontum-communes.geojson',
		districtBoundaries: 'data/geo/kontum-districts.geojson',
		renames: []
	};
	writeFileSync(join(root, 'plan.json'), JSON.stringify(plan, null, 2));
	writeFileSync(
		join(root, 'reports/dataset.json'),
		JSON.stringify({
			illustrative: true,
			asOf: AS_OF,
			source: {
				vi: 'Dữ liệu minh họa quy mô toàn quốc do scripts/bench-national.ts tạo; không phải số liệu chính thức.',
				en: 'Illustrative national-scale data written by scripts/bench-national.ts; not official statistics.'
			},
			licence: 'CC-BY-4.0'
		})
	);

	// Fixed commune traits: size, ethnic-minority share, how well services run.
	const size = communes.map((u) => Math.exp(0.5 * rng.normal()) * (u.type === 'Phường' ? 0.6 : 1));
	const sizeSum = size.reduce((a, b) => a + b, 0);
	const minority = communes.map(() => sigmoid(-1.2 + 1.6 * rng.normal()));
	const effect = communes.map(() => 0.35 * rng.normal());
	const network = communes.map(() => rng.normal());
	const staffBase = communes.map(() => 4 + 3 * rng.next());
	const [types, sevs, ages] = [cumulate(TYPE_MIX), cumulate(SEVERITY_MIX), cumulate(AGE_MIX)];
	const codes = [disabilityTypes, severities, sexes, ageBands, ethnicities].map((cs) =>
		cs.map((c) => c.code)
	);
	const radix = codes.map((c) => c.length);
	const cellCount = radix.reduce((a, b) => a * b, 1);

	let children = 0;
	let childRows = 0;
	let reportBytes = 0;
	const scaleShare = shape.communes / FULL.communes;
	YEARS.forEach((year, t) => {
		const expected = CHILDREN_2018 * scaleShare * (1 + GROWTH) ** t;
		const childLines: string[] = [
			NOTICE,
			'commune_code,commune_name,year,disability_type,severity,sex,age_band,ethnicity,children,accessed,accessed_health,accessed_education,accessed_social,accessed_protection,skills'
		];
		const unitLines: string[] = [
			NOTICE,
			'unit_code,unit_name,year,caregivers,caregivers_trained,staff,staff_trained,has_service_network,report_h1_submitted,report_year_submitted',
			`00,,${year},,,,,1,,`
		];
		const networkCut = 0.8 - 0.12 * t;
		const communeRows: string[] = [];
		communes.forEach((u, i) => {
			const n = Math.max(0, Math.round((expected * size[i]) / sizeSum + 2 * rng.normal()));
			children += n;
			const cells = new Uint32Array(cellCount);
			for (let k = 0; k < n; k++) {
				const v = [
					rng.pick(types),
					rng.pick(sevs),
					rng.next() < BOYS_SHARE ? 0 : 1,
					rng.pick(ages),
					rng.next() < minority[i] ? 1 : 0
				];
				let key = 0;
				for (let d = 0; d < 5; d++) key = key * radix[d] + v[d];
				cells[key]++;
			}
			const pAccess = sigmoid(logit(TRAJECTORY.access[t]) + effect[i]);
			const pSkills = sigmoid(logit(TRAJECTORY.skills[t]) + effect[i]);
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
				Math.min(15, Math.max(3, staffBase[i] + 0.25 * t + 0.7 * rng.normal()))
			);
			communeRows.push(
				[
					u.code,
					u.name,
					year,
					caregivers,
					rng.binomial(caregivers, sigmoid(logit(TRAJECTORY.caregivers[t]) + effect[i])),
					staff,
					rng.binomial(staff, sigmoid(logit(TRAJECTORY.staff[t]) + effect[i])),
					network[i] > networkCut ? 1 : 0,
					reportDate(rng, year, '06-10'),
					reportDate(rng, year, '12-10')
				].join(',')
			);
		});
		for (const d of districts)
			unitLines.push(
				[
					d.code,
					d.name,
					year,
					'',
					'',
					'',
					'',
					rng.next() < 0.6 + 0.04 * t ? 1 : 0,
					reportDate(rng, year, '06-10'),
					reportDate(rng, year, '12-10')
				].join(',')
			);
		unitLines.push(...communeRows);
		const childText = childLines.join('\n') + '\n';
		const unitText = unitLines.join('\n') + '\n';
		writeFileSync(join(root, `reports/children-${year}.csv`), childText);
		writeFileSync(join(root, `reports/units-${year}.csv`), unitText);
		reportBytes += Buffer.byteLength(childText) + Buffer.byteLength(unitText);
	});
	return {
		root,
		shape,
		children,
		childRows,
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
	tables: { name: string; rows: number; bytes: Record<string, number> }[];
}

export interface PipelineAttempt {
	scale: number;
	shape: NationalShape;
	children: number;
	childRows: number;
	reportBytes: number;
	generateSeconds: number;
	ok: boolean;
	/** why it failed: out of memory, time limit, pipeline errors, crash */
	failure: string | null;
	seconds: number | null;
	wallSeconds: number;
	peakRssMB: number | null;
	heapLimit: string;
	tables: ChildReport['tables'];
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
		warnings: result.issues.filter((i) => i.severity === 'warning').length,
		tables: (result.manifest?.tables ?? []).map((t) => ({
			name: t.name,
			rows: t.rows,
			bytes: Object.fromEntries(t.files.map((f) => [f.format, f.bytes]))
		}))
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
	else if (/Invalid string length/.test(stderr))
		failure =
			'a published file is larger than the longest string V8 can hold (~512 MB): RangeError: Invalid string length';
	else if (code !== 0 || !report)
		failure = `pipeline process exited with code ${code}: ${stderr.trim().split('\n').filter(Boolean).slice(-3).join(' | ').slice(0, 400)}`;
	else if (!report.ok)
		failure = `pipeline refused the data: ${report.errors} error(s); ${report.problems.slice(0, 3).join('; ')}`;
	return { report, failure, wallSeconds, peakRssMB: peakKb ? Math.round(peakKb / 1024) : null };
}

// ---------------------------------------------------------------------------------------------
// The cube in DuckDB: sizes, partitioning, explorer queries.

const dimCols = breakdowns.map((b) => b.id);

async function rows(con: DuckDBConnection, sql: string): Promise<RawRow[]> {
	const reader = await con.runAndReadAll(sql);
	return reader.getRowObjectsJS().map((r) => {
		const o: RawRow = {};
		for (const [k, v] of Object.entries(r))
			o[k] = typeof v === 'bigint' ? Number(v) : (v as RawRow[string]);
		return o;
	});
}

/**
 * The national cube as the pipeline would publish it, built in DuckDB from the report files with
 * the pipeline's own SQL. Protection is approximated by the primary rule alone (counts 1–4
 * hidden; the complementary cells the pipeline adds are not), which changes sizes very little.
 */
async function buildCube(con: DuckDBConnection, root: string, years: number[]): Promise<void> {
	// Columns given, sniffer off: sniffing these files took seconds and gigabytes.
	const columns = `{'commune_code': 'VARCHAR', 'commune_name': 'VARCHAR', 'year': 'INTEGER', ${dimCols.map((d) => `'${d}': 'VARCHAR'`).join(', ')}, ${childCountColumns.map((c) => `'${c}': 'BIGINT'`).join(', ')}}`;
	await con.run(
		`CREATE TABLE reports AS SELECT * EXCLUDE (commune_name) FROM read_csv('${join(root, 'reports/children-*.csv')}', header = true, skip = 1, auto_detect = false, delim = ',', quote = '"', escape = '"', columns = ${columns})`
	);
	const units = readFileSync(join(root, 'data/geo/national-units.csv'), 'utf8')
		.trim()
		.split('\n')
		.slice(1)
		.map((l) => {
			const [code, , , level, district_code] = l.split(',');
			return { code, level, district_code };
		});
	await con.run(unitsTableSql([{ code: '00', level: 'province', district_code: '' }, ...units]));
	// One year at a time: the same rows as all years at once (everything groups by year), in a
	// tenth of the memory. At full scale all years at once took more than 20 GB.
	for (const [i, year] of years.entries()) {
		await con.run(`CREATE OR REPLACE TABLE children AS SELECT * FROM reports WHERE year = ${year}`);
		await con.run(
			`${i === 0 ? 'CREATE TABLE cube_raw AS' : 'INSERT INTO cube_raw'} ${cubeSql('00', [year])}`
		);
	}
	await con.run('DROP TABLE reports');
	const counts: string[] = [...childCountColumns];
	const hidden = (c: string) => `(${c} BETWEEN 1 AND 4)`;
	const rate = (num: string) =>
		`CASE WHEN ${hidden('children')} OR ${hidden(num)} OR children < 5 THEN NULL ELSE round(${num} * 100.0 / children, 1) END`;
	const rateHidden = (num: string) =>
		`(${hidden('children')} OR ${hidden(num)} OR (children > 0 AND children < 5))`;
	await con.run(`CREATE TABLE cube AS SELECT year, level, unit_code, district_code, ${dimCols.join(', ')},
		${counts.map((c) => `CASE WHEN ${hidden(c)} THEN NULL ELSE ${c} END AS ${c}`).join(', ')},
		${rate('accessed')} AS access_rate, ${rate('skills')} AS skills_rate,
		${counts.map((c) => `${hidden(c)} AS ${c}_suppressed`).join(', ')},
		${rateHidden('accessed')} AS access_rate_suppressed, ${rateHidden('skills')} AS skills_rate_suppressed
		FROM cube_raw`);
	await con.run('DROP TABLE cube_raw');
	await con.run('DROP TABLE children');
}

const fileBytes = (p: string) => statSync(p).size;

function dirFiles(dir: string): string[] {
	const out: string[] = [];
	for (const e of readdirSync(dir, { withFileTypes: true })) {
		const p = join(dir, e.name);
		if (e.isDirectory()) out.push(...dirFiles(p));
		else out.push(p);
	}
	return out;
}

interface Sizes {
	rows: number;
	csvBytes: number;
	csvGzipBytes: number;
	parquetBytes: number;
}

async function tableSizes(
	con: DuckDBConnection,
	select: string,
	dir: string,
	name: string
): Promise<Sizes> {
	const base = join(dir, name);
	await con.run(`COPY (${select}) TO '${base}.csv' (HEADER)`);
	await con.run(`COPY (${select}) TO '${base}.csv.gz' (HEADER, COMPRESSION gzip)`);
	await con.run(`COPY (${select}) TO '${base}.parquet' (FORMAT parquet, COMPRESSION zstd)`);
	const [{ n }] = await rows(con, `SELECT count(*) AS n FROM (${select})`);
	const sizes = {
		rows: Number(n),
		csvBytes: fileBytes(`${base}.csv`),
		csvGzipBytes: fileBytes(`${base}.csv.gz`),
		parquetBytes: fileBytes(`${base}.parquet`)
	};
	for (const ext of ['csv', 'csv.gz', 'parquet']) rmSync(`${base}.${ext}`, { force: true });
	return sizes;
}

interface PartitionSizes {
	files: number;
	format: string;
	medianBytes: number;
	maxBytes: number;
	totalBytes: number;
}

async function partitionSizes(
	con: DuckDBConnection,
	select: string,
	dir: string,
	format: 'csv' | 'csv.gz' | 'parquet'
): Promise<PartitionSizes> {
	const out = join(dir, `part-${format.replace('.', '-')}`);
	rmSync(out, { recursive: true, force: true });
	const opts =
		format === 'parquet'
			? 'FORMAT parquet, COMPRESSION zstd'
			: format === 'csv.gz'
				? 'FORMAT csv, HEADER, COMPRESSION gzip'
				: 'FORMAT csv, HEADER';
	await con.run(`COPY (${select}) TO '${out}' (${opts}, PARTITION_BY (part))`);
	const sizes = dirFiles(out)
		.map(fileBytes)
		.sort((a, b) => a - b);
	rmSync(out, { recursive: true, force: true });
	return {
		files: sizes.length,
		format,
		medianBytes: sizes[sizes.length >> 1],
		maxBytes: sizes[sizes.length - 1],
		totalBytes: sizes.reduce((a, b) => a + b, 0)
	};
}

/**
 * Filter changes as the browser bench makes them: change i toggles option ⌊i/G⌋ mod n of group
 * i mod G (the five breakdowns, then districts), each change running every explorer query.
 */
async function timeFilterChanges(
	con: DuckDBConnection,
	districtCodes: string[],
	year: number,
	changes: number
) {
	const groups: { dim: keyof ExplorerFilters; codes: string[] }[] = [
		...breakdowns.map((b) => ({
			dim: b.id as keyof ExplorerFilters,
			codes: b.categories.map((c) => c.code)
		})),
		{ dim: 'district', codes: districtCodes }
	];
	let f: ExplorerFilters = emptyFilters(year);
	const query = (sql: string) => rows(con, sql);
	await runExplorerQueries(query, f); // warm-up, as the page's first view after loading
	const times: number[] = [];
	for (let i = 0; i < changes; i++) {
		const g = groups[i % groups.length];
		const code = g.codes[Math.floor(i / groups.length) % g.codes.length];
		const current = f[g.dim] as string[];
		f = {
			...f,
			[g.dim]: current.includes(code) ? current.filter((c) => c !== code) : [...current, code]
		};
		const t0 = performance.now();
		await runExplorerQueries(query, f);
		times.push(performance.now() - t0);
	}
	return {
		changes,
		p50Ms: round(quantile(times, 0.5), 1),
		p95Ms: round(quantile(times, 0.95), 1),
		maxMs: round(Math.max(...times), 1)
	};
}

async function loadCsvCube(con: DuckDBConnection, file: string): Promise<void> {
	const skip = readFileSync(file, 'utf8')
		.replace(/^\uFEFF/, '')
		.startsWith('#')
		? 1
		: 0;
	const varchar = ['level', 'unit_code', 'district_code', ...dimCols]
		.map((c) => `'${c}': 'VARCHAR'`)
		.join(', ');
	await con.run(
		`CREATE OR REPLACE TABLE cube AS SELECT * FROM read_csv('${file}', header = true, skip = ${skip}, auto_detect = true, sample_size = -1, types = {${varchar}})`
	);
}

// ---------------------------------------------------------------------------------------------
// Main.

const MB = (n: number | null | undefined) =>
	n === null || n === undefined ? '–' : (n / 1048576).toFixed(n < 10 * 1048576 ? 2 : 0);

/** On a phone on slow 4G (1.6 Mbps), seconds to download n bytes. */
const slow4gSeconds = (n: number) => round(n / ((1.6 * 1024 * 1024) / 8), 0);

function pipelineSummary(attempts: PipelineAttempt[], scale: number) {
	const last = attempts.at(-1);
	if (!last) return { attempts, skipped: true, goalMissedBy: null };
	const target = attempts.find((a) => a.scale === round(scale, 5)) ?? null;
	const works = [...attempts].reverse().find((a) => a.ok) ?? null;
	return {
		attempts,
		requestedScale: scale,
		requestedScaleWorks: target?.ok ?? false,
		requestedScaleResult: target
			? target.ok
				? 'ok'
				: target.failure
			: `not attempted: the smaller scale ${last.scale} already failed (${last.failure})`,
		largestWorkingScale: works?.scale ?? null,
		largestWorking: works
			? { ...works.shape, seconds: works.seconds, peakRssMB: works.peakRssMB }
			: null,
		smallestFailingScale: last.ok ? null : last.scale,
		goalMissedBy: target?.ok
			? null
			: works
				? `the pipeline works up to ${works.shape.districts} districts / ${works.shape.communes} communes and fails at ${last.shape.districts} / ${last.shape.communes}: the requested size is ${round(scale / works.scale, 1)}× the largest that works (${round(scale / last.scale, 1)}× the smallest that failed)`
				: 'no size tried worked'
	};
}

async function main(): Promise<void> {
	const started = performance.now();
	const { values } = parseArgs({
		options: {
			scale: { type: 'string', default: '1' },
			'start-scale': { type: 'string', default: String(1 / 32) },
			'max-rss-mb': { type: 'string', default: '10240' },
			'duckdb-memory-mb': { type: 'string', default: '4096' },
			'timeout-min': { type: 'string', default: '15' },
			'no-fallback': { type: 'boolean', default: false },
			'no-pipeline': { type: 'boolean', default: false },
			'filter-changes': { type: 'string', default: '50' },
			'heap-mb': { type: 'string' },
			keep: { type: 'boolean', default: false },
			'kontum-cube': { type: 'string', default: 'build/data/children_cube.csv' },
			'browser-results': { type: 'string', default: 'bench/results.json' },
			out: { type: 'string', default: 'bench/national.json' },
			tmp: { type: 'string' }
		}
	});
	const scale = Number(values.scale);
	const startScale = Number(values['start-scale']);
	const maxRssMb = Number(values['max-rss-mb']);
	const duckdbMemoryMb = Number(values['duckdb-memory-mb']);
	if (!(startScale > 0)) throw new Error('--start-scale must be above 0');
	if (!(maxRssMb > 0)) throw new Error('--max-rss-mb must be above 0');
	const timeoutMs = Number(values['timeout-min']) * 60_000;
	const changes = Number(values['filter-changes']);
	const heapMb = values['heap-mb'] ? Number(values['heap-mb']) : null;
	if (!(scale > 0 && scale <= 1)) throw new Error('--scale must be in (0, 1]');
	if (!(timeoutMs > 0)) throw new Error('--timeout-min must be above 0');
	if (!(Number.isInteger(changes) && changes > 0))
		throw new Error('--filter-changes must be a whole number above 0');
	if (!(duckdbMemoryMb > 0)) throw new Error('--duckdb-memory-mb must be above 0');
	const v8 = await import('node:v8');
	const heapLimit = heapMb
		? `${heapMb} MB (--max-old-space-size)`
		: `Node's default, ${Math.round(v8.getHeapStatistics().heap_size_limit / 1048576)} MB`;
	const base = values.tmp ? resolve(values.tmp) : mkdtempSync(join(tmpdir(), 'bench-national-'));
	mkdirSync(base, { recursive: true });
	console.log(`Working in ${base}`);
	// Generated data can be hundreds of MB: gone at exit, even after an error (unless kept).
	if (!values.keep && !values.tmp)
		process.on('exit', () => rmSync(base, { recursive: true, force: true }));
	const load0 = loadavg()[0];

	// Pipeline: from a small size up, doubling to the requested scale; stops at the first failure
	// (a failure at a large size can take many minutes, so the ladder climbs instead of falling).
	const ladder: number[] = [];
	if (values['no-pipeline']) console.log('Pipeline: skipped (--no-pipeline)');
	else if (values['no-fallback']) ladder.push(scale);
	else {
		for (let x = Math.min(startScale, scale); x < scale; x *= 2) ladder.push(x);
		ladder.push(scale);
	}
	const attempts: PipelineAttempt[] = [];
	for (const s of ladder) {
		const root = join(base, `scale-${s}`);
		rmSync(root, { recursive: true, force: true });
		const shape = shapeAt(s);
		console.log(
			`\nGenerating ${shape.districts} districts, ${shape.communes} communes, ${YEARS.length} years (scale ${round(s, 4)}) …`
		);
		const data = generateNational(root, shape);
		console.log(
			`  ${data.children.toLocaleString('en')} child-years in ${data.childRows.toLocaleString('en')} report rows, ${MB(data.reportBytes)} MB of CSV, in ${data.seconds} s`
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
			reportBytes: data.reportBytes,
			generateSeconds: data.seconds,
			ok: r.failure === null,
			failure: r.failure,
			seconds: r.report?.seconds ?? null,
			wallSeconds: r.wallSeconds,
			peakRssMB: r.peakRssMB,
			heapLimit,
			tables: r.report?.tables ?? []
		};
		attempts.push(attempt);
		console.log(
			attempt.ok
				? `  done in ${attempt.seconds} s, peak RSS ${attempt.peakRssMB} MB`
				: `  FAILED after ${attempt.wallSeconds} s (peak RSS ${attempt.peakRssMB} MB): ${attempt.failure}`
		);
		if (s !== scale) rmSync(root, { recursive: true, force: true });
		if (!attempt.ok) break;
	}
	const works = [...attempts].reverse().find((a) => a.ok) ?? null;

	// The cube at the requested scale, built in DuckDB whatever the pipeline did.
	const cubeRoot = join(base, 'cube');
	mkdirSync(cubeRoot, { recursive: true });
	const fullRoot = join(base, `scale-${scale}`);
	if (!existsSync(join(fullRoot, 'reports'))) generateNational(fullRoot, shapeAt(scale));
	console.log(`\nCube at scale ${scale} in DuckDB (the pipeline's cubeSql) …`);
	// Bounded memory, spilling to disk beyond it: the machine is shared.
	const db = await DuckDBInstance.create(':memory:', {
		threads: '2',
		memory_limit: `${duckdbMemoryMb}MB`,
		temp_directory: join(base, 'duckdb-tmp')
	});
	const con = await db.connect();
	const t0 = performance.now();
	await buildCube(con, fullRoot, YEARS);
	const cubeSeconds = round((performance.now() - t0) / 1000, 1);
	const cube = await tableSizes(con, 'SELECT * FROM cube', cubeRoot, 'children_cube');
	console.log(
		`  ${cube.rows.toLocaleString('en')} rows in ${cubeSeconds} s: CSV ${MB(cube.csvBytes)} MB, gzip ${MB(cube.csvGzipBytes)} MB, Parquet ${MB(cube.parquetBytes)} MB`
	);

	// Partitioning: districts grouped into 63 provinces in code order.
	const shape = shapeAt(scale);
	const provinces = Math.min(PROVINCES, shape.districts);
	const perProvince = round(shape.districts / provinces, 1);
	// District n (1-based, in code order) belongs to province ⌊(n − 1) × P / D⌋ + 1: P groups.
	const provinceOf = `lpad(CAST((TRY_CAST(district_code AS INTEGER) - 1) * ${provinces} // ${shape.districts} + 1 AS VARCHAR), 2, '0')`;
	const provinceRows = `SELECT *, ${provinceOf} AS part FROM cube WHERE level <> 'province'`;
	// The national file: the country's rows, and each province's as the sum of its districts.
	const nationalSelect = `SELECT * FROM cube WHERE level = 'province'
		UNION ALL
		SELECT year, 'region' AS level, ${provinceOf} AS unit_code, '' AS district_code, ${dimCols.join(', ')},
			${childCountColumns.map((c) => `sum(${c})`).join(', ')},
			NULL, NULL, ${Array(childCountColumns.length + 2)
				.fill('false')
				.join(', ')}
		FROM cube WHERE level = 'district' GROUP BY ALL`;
	const partitions = {
		scheme: `one file per province (${provinces} provinces of ${perProvince} districts on average: their district rows with every combination and their communes' rows), plus one national file (the country and the ${provinces} provinces, every combination)`,
		perProvince: {
			csv: await partitionSizes(con, provinceRows, cubeRoot, 'csv'),
			csvGzip: await partitionSizes(con, provinceRows, cubeRoot, 'csv.gz'),
			parquet: await partitionSizes(con, provinceRows, cubeRoot, 'parquet')
		},
		national: await tableSizes(con, nationalSelect, cubeRoot, 'national')
	};
	console.log(
		`  per province: median ${MB(partitions.perProvince.parquet.medianBytes)} MB Parquet, ${MB(partitions.perProvince.csvGzip.medianBytes)} MB gzip CSV (max ${MB(partitions.perProvince.csvGzip.maxBytes)}); national file ${MB(partitions.national.parquetBytes)} MB Parquet`
	);

	// Explorer queries.
	const districtCodes = (
		await rows(con, `SELECT DISTINCT unit_code FROM cube WHERE level = 'district' ORDER BY 1`)
	).map((r) => String(r.unit_code));
	console.log(`\nExplorer queries, ${changes} filter changes, DuckDB in Node (@duckdb/node-api) …`);
	await con.run(`SET threads = 1`);
	const national1 = await timeFilterChanges(con, districtCodes, YEARS.at(-1)!, changes);
	await con.run(`SET threads = 2`);
	const national2 = await timeFilterChanges(con, districtCodes, YEARS.at(-1)!, changes);
	console.log(
		`  national cube: p50 ${national1.p50Ms} ms, p95 ${national1.p95Ms} ms (1 thread); p95 ${national2.p95Ms} ms (2 threads)`
	);
	// The same queries on the partitioned files: the national file (provinces stand where the
	// districts stood) and one province's file (its districts, with the province as the top).
	await con.run(`SET threads = 1`);
	await con.run(`CREATE TABLE part_national AS ${nationalSelect}`);
	await con.run('ALTER TABLE cube RENAME TO cube_full');
	await con.run(
		`CREATE TABLE cube AS SELECT * REPLACE (CASE WHEN level = 'region' THEN 'district' ELSE level END AS level) FROM part_national`
	);
	const provinceCodes = (
		await rows(con, `SELECT DISTINCT unit_code FROM cube WHERE level = 'district' ORDER BY 1`)
	).map((r) => String(r.unit_code));
	const partNational = await timeFilterChanges(con, provinceCodes, YEARS.at(-1)!, changes);
	await con.run('DROP TABLE cube');
	await con.run(`CREATE TABLE cube AS
		SELECT * REPLACE ('province' AS level) FROM part_national WHERE level = 'region' AND unit_code = '01'
		UNION ALL
		SELECT * FROM cube_full WHERE level <> 'province' AND ${provinceOf} = '01'`);
	const provinceDistricts = (
		await rows(con, `SELECT DISTINCT unit_code FROM cube WHERE level = 'district' ORDER BY 1`)
	).map((r) => String(r.unit_code));
	const partProvince = await timeFilterChanges(con, provinceDistricts, YEARS.at(-1)!, changes);
	con.closeSync();
	db.closeSync();
	console.log(
		`  partitioned: national file p95 ${partNational.p95Ms} ms, one province's file p95 ${partProvince.p95Ms} ms (1 thread)`
	);

	// Calibration on the Kon Tum cube: the same queries in Node, and what the browser bench saw.
	let kontum: {
		cube: string;
		node: Awaited<ReturnType<typeof timeFilterChanges>>;
		browser: { p50Ms: number | null; p95Ms: number | null; cpuSlowdown: number } | null;
		browserOverNodeP95: number | null;
		nationalBrowserP95EstimateMs: number | null;
		partitionedBrowserP95EstimateMs: {
			nationalFile: number | null;
			oneProvinceFile: number | null;
		};
	} | null = null;
	if (existsSync(values['kontum-cube'])) {
		const kdb = await DuckDBInstance.create(':memory:', { threads: '1' });
		const kcon = await kdb.connect();
		await loadCsvCube(kcon, values['kontum-cube']);
		const kd = (
			await rows(kcon, `SELECT DISTINCT unit_code FROM cube WHERE level = 'district' ORDER BY 1`)
		).map((r) => String(r.unit_code));
		const ky = Number((await rows(kcon, 'SELECT max(year) AS y FROM cube'))[0].y);
		const node = await timeFilterChanges(kcon, kd, ky, changes);
		kcon.closeSync();
		kdb.closeSync();
		let browser: { p50Ms: number | null; p95Ms: number | null; cpuSlowdown: number } | null = null;
		try {
			const res = JSON.parse(readFileSync(values['browser-results'], 'utf8'));
			const f = (res.explorerFilters ?? []).find(
				(x: { cpuSlowdown: number }) => x.cpuSlowdown === 1
			);
			if (f) browser = { p50Ms: f.p50Ms, p95Ms: f.p95Ms, cpuSlowdown: 1 };
		} catch {
			// no browser figures yet
		}
		const ratio = browser?.p95Ms && node.p95Ms ? browser.p95Ms / node.p95Ms : null;
		const estimate = (ms: number | null) => (ratio && ms ? round(ms * ratio, 0) : null);
		kontum = {
			cube: values['kontum-cube'],
			node,
			browser,
			browserOverNodeP95: round(ratio, 1),
			nationalBrowserP95EstimateMs: estimate(national1.p95Ms),
			partitionedBrowserP95EstimateMs: {
				nationalFile: estimate(partNational.p95Ms),
				oneProvinceFile: estimate(partProvince.p95Ms)
			}
		};
		console.log(
			`  Kon Tum cube: p95 ${node.p95Ms} ms in Node${browser ? `, ${browser.p95Ms} ms in the browser bench (CPU 1×)` : ''}`
		);
	}

	// Verdict on shipping the cube.
	const BUDGET = 5 * 1048576;
	const shipWhole = {
		budgetBytes: BUDGET,
		budgetNote:
			'the explorer downloads the whole cube before its first answer: 5 MB is ~25 s on slow 4G',
		csvBytes: cube.csvBytes,
		csvGzipBytes: cube.csvGzipBytes,
		parquetBytes: cube.parquetBytes,
		slow4gSecondsCsvGzip: slow4gSeconds(cube.csvGzipBytes),
		slow4gSecondsParquet: slow4gSeconds(cube.parquetBytes),
		reasonable: cube.parquetBytes <= BUDGET,
		perProvinceReasonable:
			partitions.perProvince.parquet.maxBytes <= BUDGET &&
			partitions.national.parquetBytes <= BUDGET
	};

	const nationalFilterGoal = kontum?.nationalBrowserP95EstimateMs ?? national1.p95Ms;
	const output = {
		generatedAt: new Date().toISOString(),
		command: `tsx scripts/bench-national.ts ${process.argv.slice(2).join(' ')}`.trim(),
		illustrative:
			'Synthetic units and reports at the scale of Viet Nam before 2025; not real data.',
		durationSeconds: round((performance.now() - started) / 1000, 0),
		machine: { ...machineInfo(), loadAverage1mAtStart: round(load0, 2) },
		target: { ...FULL, years: YEARS.length, breakdowns: dimCols, topUnit: '00' },
		pipeline: pipelineSummary(attempts, scale),
		cube: {
			scale,
			seconds: cubeSeconds,
			...cube,
			protection:
				'primary suppression only (counts 1–4 hidden), an approximation of the published table'
		},
		shipWhole,
		partitions,
		explorerQueries: {
			engine:
				'DuckDB in Node (@duckdb/node-api) standing in for DuckDB-WASM in the browser; the browser is slower (single thread, WebAssembly)',
			nationalOneThread: national1,
			nationalTwoThreads: national2,
			partitionedNationalFileOneThread: partNational,
			partitionedOneProvinceFileOneThread: partProvince,
			kontum,
			goalP95Ms: 300,
			goalMeasuredP95Ms: nationalFilterGoal,
			goalMet: nationalFilterGoal === null ? null : nationalFilterGoal < 300
		}
	};
	await writeJson(values.out, output);

	console.log('\nPipeline');
	console.log(
		textTable(
			['scale', 'districts', 'communes', 'report rows', 'result', 'time s', 'peak RSS MB'],
			attempts.map((a) => [
				a.scale,
				a.shape.districts,
				a.shape.communes,
				a.childRows,
				a.ok ? 'ok' : a.failure!.slice(0, 60),
				a.seconds ?? a.wallSeconds,
				a.peakRssMB ?? '–'
			])
		)
	);
	if (works)
		console.log(
			'\n' +
				textTable(
					['table (largest working scale)', 'rows', 'CSV MB', 'Parquet MB', 'JSON MB'],
					works.tables.map((t) => [
						t.name,
						t.rows,
						MB(t.bytes.csv),
						MB(t.bytes.parquet),
						MB(t.bytes.json)
					])
				)
		);
	console.log(
		`\nNational cube (scale ${scale}): ${cube.rows.toLocaleString('en')} rows; CSV ${MB(cube.csvBytes)} MB, gzip ${MB(cube.csvGzipBytes)} MB (${shipWhole.slow4gSecondsCsvGzip} s on slow 4G), Parquet ${MB(cube.parquetBytes)} MB (${shipWhole.slow4gSecondsParquet} s).`
	);
	console.log(
		shipWhole.reasonable
			? 'Shipping the whole cube to the browser: reasonable (Parquet within 5 MB; the explorer loads CSV today).'
			: `Shipping the whole cube to the browser: NOT reasonable. Per province instead: median ${MB(partitions.perProvince.parquet.medianBytes)} MB / max ${MB(partitions.perProvince.parquet.maxBytes)} MB Parquet, ${MB(partitions.perProvince.csvGzip.medianBytes)} / ${MB(partitions.perProvince.csvGzip.maxBytes)} MB gzip CSV, plus a national file of ${MB(partitions.national.parquetBytes)} MB Parquet (${MB(partitions.national.csvGzipBytes)} MB gzip CSV).`
	);
	const est = kontum?.partitionedBrowserP95EstimateMs;
	console.log(
		`Explorer filter change (Node stand-in, 1 thread): p50 ${national1.p50Ms} ms, p95 ${national1.p95Ms} ms on the whole national cube` +
			(kontum?.nationalBrowserP95EstimateMs
				? `; × the Kon Tum browser/Node ratio (${kontum.browserOverNodeP95}) ≈ ${kontum.nationalBrowserP95EstimateMs} ms in a browser`
				: '') +
			`. Goal p95 < 300 ms: ${output.explorerQueries.goalMet ? 'met' : 'NOT met'}.`
	);
	console.log(
		`Partitioned: national file p95 ${partNational.p95Ms} ms${est?.nationalFile ? ` (≈ ${est.nationalFile} ms in a browser)` : ''}, one province's file p95 ${partProvince.p95Ms} ms${est?.oneProvinceFile ? ` (≈ ${est.oneProvinceFile} ms)` : ''}.`
	);
	if (output.pipeline.goalMissedBy)
		console.log(`Pipeline at scale ${scale}: ${output.pipeline.goalMissedBy}.`);
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
