/**
 * Build-time access to every plan of the site: the plan files in data/plans/ (the folder is the
 * list: no plan is named here) and, per plan, the folder the pipeline published
 * (static/plan-data/<id>/, contract §3). A plan without a published folder is "no data yet".
 * Server-only, like published.ts; pages never read data/reports.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadPlan } from '$lib/domain/plan/load';
import type { PlanSpec } from '$lib/domain/plan/types';
import type { PublishedIndicators } from '$lib/domain/plan/verdicts';
import type { UnitRow } from '$lib/domain/plan/plan-units';
import { parseUnitList } from '$lib/domain/plan/unit-list';
import type { PublishedParts } from '$lib/domain/plan/plan-model';
import type { Manifest, Row } from '$lib/domain/published';

const root = process.cwd();
const plansDir = path.join(root, 'data', 'plans');
const publishedDir = path.join(root, 'static', 'plan-data');

/** The published manifest of a plan: Kon Tum's shape plus the years published. */
export type PlanManifest = Manifest & { years?: number[] };

export interface PublishedPlan {
	manifest: PlanManifest;
	indicators: PublishedIndicators;
	reporting: Row[];
	/** level id → boundaries (only levels whose GeoJSON was published) */
	geo: Record<string, GeoJSON.FeatureCollection>;
}

export interface PlanEntry {
	spec: PlanSpec;
	/** the plan file's name in data/plans/ */
	file: string;
	units: UnitRow[];
	published: PublishedPlan | null;
}

let plans: PlanEntry[] | undefined;

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

/** A published table as objects, whether written as {columns, rows} or as a list of objects. */
function rowsOf(json: unknown): Row[] {
	if (Array.isArray(json)) return json as Row[];
	const t = json as { columns: string[]; rows: unknown[] };
	return t.rows.map((r) =>
		Array.isArray(r)
			? Object.fromEntries(t.columns.map((c, i) => [c, r[i] as Row[string]]))
			: (r as Row)
	);
}

function readPublished(id: string, spec: PlanSpec): PublishedPlan | null {
	const dir = path.join(publishedDir, id);
	if (!existsSync(path.join(dir, 'manifest.json'))) return null;
	const optional = (name: string) =>
		existsSync(path.join(dir, name)) ? rowsOf(readJson(path.join(dir, name))) : [];
	const geo: PublishedPlan['geo'] = {};
	for (const level of spec.geography.levels) {
		const file = path.join(dir, 'geo', `${level.id}.geojson`);
		if (existsSync(file)) geo[level.id] = readJson(file);
	}
	return {
		manifest: readJson(path.join(dir, 'manifest.json')),
		indicators: existsSync(path.join(dir, 'indicators.json'))
			? readJson(path.join(dir, 'indicators.json'))
			: { indicators: [] },
		reporting: optional('reporting.json'),
		geo
	};
}

/**
 * The unit list: as published, else the plan's own list, else the plan's area alone. Read with
 * the engine's parser (the one the pipeline checks lists with); a list in another format (the home
 * plan's older one) is passed over.
 */
function readUnits(id: string, spec: PlanSpec): UnitRow[] {
	const published = path.join(publishedDir, id, 'units.csv');
	const own = spec.geography.unitsFile ? path.join(root, spec.geography.unitsFile) : null;
	const levels = spec.geography.levels.map((l) => l.id);
	for (const file of [published, own])
		if (file && existsSync(file)) {
			const { versions, issues } = parseUnitList(readFileSync(file, 'utf8'), file, levels);
			if (issues.length === 0 && versions.length > 0)
				return versions.map((v) => ({
					code: v.code,
					name: v.name,
					type: v.type,
					level: v.level,
					parent: v.parent ?? '',
					from: v.validFrom ?? '',
					to: v.validTo ?? ''
				}));
		}
	const area = spec.geography.area;
	return [
		{
			code: area.code,
			name: area.name.vi,
			type: '',
			level: levels[0],
			parent: '',
			from: '',
			to: ''
		}
	];
}

/** Every plan of data/plans/, checked (a broken plan file stops the build, naming its errors). */
export function allPlans(): PlanEntry[] {
	if (plans) return plans;
	const files = readdirSync(plansDir)
		.filter((f) => f.endsWith('.json'))
		.sort();
	plans = files.map((file) => {
		const r = loadPlan(readJson(path.join(plansDir, file)));
		if (!r.ok)
			throw new Error(
				`data/plans/${file}: ${r.errors.map((e) => `${e.path}: ${e.en}`).join('; ')}`
			);
		return {
			spec: r.plan,
			file,
			units: readUnits(r.plan.id, r.plan),
			published: readPublished(r.plan.id, r.plan)
		};
	});
	return plans;
}

export function planById(id: string): PlanEntry | undefined {
	return allPlans().find((p) => p.spec.id === id);
}

/** The plan the site's original pages (/, /ban-do/, …) serve: it keeps its own addresses. */
export function homePlanId(): string {
	const manifest = path.join(root, 'static', 'data', 'manifest.json');
	return existsSync(manifest) ? readJson<Manifest>(manifest).plan : '';
}

/** Plans that get /ke-hoach/<id>/ pages: every plan but the one served at the root. */
export function runtimePlans(): PlanEntry[] {
	const home = homePlanId();
	return allPlans().filter((p) => p.spec.id !== home);
}

/** The parts of a published folder the page models read. */
export function publishedParts(entry: PlanEntry): PublishedParts | null {
	const p = entry.published;
	if (!p) return null;
	return {
		asOf: p.manifest.asOf,
		illustrative: p.manifest.illustrative,
		source: p.manifest.source,
		years: p.manifest.years,
		indicators: p.indicators,
		mapLevels: Object.keys(p.geo),
		files: p.manifest.files.map((f) => f.path)
	};
}
