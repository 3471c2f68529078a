/**
 * Build-time access to the published (protected) data and the plan, for prerendering.
 * Server-only: SvelteKit keeps $lib/server out of the browser bundle. Pages never read
 * data/reports: only what the pipeline published after protection reaches them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { missingFlags, type BreakdownDepth } from '$lib/domain/explorer';
import { planFromJson, type Plan } from '$lib/domain/plan';
import { homePlan } from '$lib/pipeline/site-config';
import {
	yearsWithChildren,
	type Cell,
	type Manifest,
	type PublishedTable
} from '$lib/domain/published';

const root = process.cwd();
const dataDir = path.join(root, 'static', 'data');
const cache = new Map<string, unknown>();

function readJson<T>(file: string): T {
	if (!cache.has(file)) {
		try {
			cache.set(file, JSON.parse(readFileSync(file, 'utf8')));
		} catch (e) {
			throw new Error(
				`Cannot read ${path.relative(root, file)}: run "npm run pipeline" first. (${(e as Error).message})`
			);
		}
	}
	return cache.get(file) as T;
}

let plan: Plan | undefined;
export function loadPlan(): Plan {
	const file = path.join(root, homePlan(root).plan);
	plan ??= planFromJson(readJson<unknown>(file), file);
	return plan;
}

export function loadManifest(): Manifest {
	return readJson<Manifest>(path.join(dataDir, 'manifest.json'));
}

export function loadTable(name: string): PublishedTable {
	const key = `json:${name}`;
	if (!cache.has(key)) {
		const t = readJson<{ columns: string[]; rows: Cell[][] }>(path.join(dataDir, `${name}.json`));
		cache.set(
			key,
			checkFlags(name, {
				columns: t.columns,
				rows: t.rows.map((r) => Object.fromEntries(t.columns.map((c, i) => [c, r[i]])))
			})
		);
	}
	return cache.get(key) as PublishedTable;
}

/**
 * Every protected column has its `<name>_suppressed` flag, and every flag says true or false: a
 * missing flag is a bug in the published data, and stops the build rather than read as "shown".
 */
function checkFlags(name: string, table: PublishedTable): PublishedTable {
	const meta = loadManifest().tables.find((t) => t.name === name);
	const flags = table.columns.filter((c) => c.endsWith('_suppressed'));
	const missing = (meta?.columns ?? [])
		.filter((c) => c.protected && !table.columns.includes(`${c.name}_suppressed`))
		.map((c) => `${c.name}_suppressed`);
	if (missing.length > 0) throw new Error(`${name}: no ${missing.join(', ')} column`);
	for (const [i, row] of table.rows.entries())
		for (const f of flags)
			if (typeof row[f] !== 'boolean')
				throw new Error(`${name}, row ${i + 1}: ${f} is ${String(row[f])}, not true or false`);
	return table;
}

/** A published boundary file: the first era's, or an era's own (`communes-2025-07-01`). */
export function loadGeoJson(
	name: 'communes' | 'districts' | `communes-${string}`
): GeoJSON.FeatureCollection {
	return readJson<GeoJSON.FeatureCollection>(path.join(dataDir, 'geo', `${name}.geojson`));
}

/** A published CSV table (for tables too big to publish as JSON), typed by the manifest. */
export function loadCsvTable(name: string): PublishedTable {
	const key = `csv:${name}`;
	if (!cache.has(key)) {
		const meta = loadManifest().tables.find((t) => t.name === name);
		if (!meta) throw new Error(`Table ${name} is not in the manifest`);
		const text = readFileSync(path.join(dataDir, `${name}.csv`), 'utf8').replace(/^\uFEFF/, '');
		const body = text.split('\n').slice(meta.csvCommentLines).join('\n');
		const parsed = Papa.parse<string[]>(body, { skipEmptyLines: true });
		const [header, ...data] = parsed.data;
		const types = new Map(meta.columns.map((c) => [c.name, c.type]));
		const cast = (col: string, v: string): Cell => {
			if (v === '') return null;
			const type = types.get(col);
			if (type === 'INTEGER' || type === 'DOUBLE') return Number(v);
			if (type === 'BOOLEAN') return v === 'true';
			return v;
		};
		cache.set(
			key,
			checkFlags(name, {
				columns: header,
				rows: data.map((r) => Object.fromEntries(header.map((c, i) => [c, cast(c, r[i])])))
			})
		);
	}
	return cache.get(key) as PublishedTable;
}

/**
 * The published cube as the explorer, the map and the unit pages read it: its manifest entry,
 * and how many breakdowns each level publishes (the manifest's `protection.breakdownDepth`).
 * A cube without the flags the explorer reads, or a manifest without the depth, stops the build:
 * a missing flag is a bug, never "not hidden".
 */
export function explorerCube(): {
	table: Manifest['tables'][number];
	depth: BreakdownDepth;
	minDenominator: number;
} {
	const manifest = loadManifest();
	const table = manifest.tables.find((t) => t.name === 'children_cube');
	if (!table) throw new Error('children_cube is not in static/data/manifest.json');
	const missing = missingFlags(table.columns.map((c) => c.name));
	if (missing.length > 0)
		throw new Error(`children_cube lacks ${missing.join(', ')}: every count needs its flag`);
	const depth = manifest.protection?.breakdownDepth;
	const levels = ['province', 'district', 'commune'] as const;
	if (!depth || !levels.every((l) => Number.isInteger(depth[l]) && depth[l] >= 0))
		throw new Error('manifest.json has no protection.breakdownDepth: run "npm run pipeline"');
	const minDenominator = manifest.protection.rule?.minDenominator;
	if (!Number.isFinite(minDenominator))
		throw new Error('manifest.json has no protection.rule.minDenominator');
	return { table, depth: { ...depth }, minDenominator };
}

/** The years some children report has (the children cube's): the explorer offers only these. */
export const childrenYears = (): number[] => yearsWithChildren(loadTable('indicators').rows);
