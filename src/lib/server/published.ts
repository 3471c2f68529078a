/**
 * Build-time access to the published (protected) data and the plan, for prerendering.
 * Server-only: SvelteKit keeps $lib/server out of the browser bundle. Pages never read
 * data/reports: only what the pipeline published after protection reaches them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import type { Plan } from '$lib/domain/plan';
import type { Cell, Manifest, PublishedTable } from '$lib/domain/published';

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

export function loadPlan(): Plan {
	return readJson<Plan>(path.join(root, process.env.PLAN ?? 'data/plans/kontum-3430.json'));
}

export function loadManifest(): Manifest {
	return readJson<Manifest>(path.join(dataDir, 'manifest.json'));
}

export function loadTable(name: string): PublishedTable {
	const t = readJson<{ columns: string[]; rows: Cell[][] }>(path.join(dataDir, `${name}.json`));
	return {
		columns: t.columns,
		rows: t.rows.map((r) => Object.fromEntries(t.columns.map((c, i) => [c, r[i]])))
	};
}

export function loadGeoJson(name: 'communes' | 'districts'): GeoJSON.FeatureCollection {
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
		cache.set(key, {
			columns: header,
			rows: data.map((r) => Object.fromEntries(header.map((c, i) => [c, cast(c, r[i])])))
		});
	}
	return cache.get(key) as PublishedTable;
}
