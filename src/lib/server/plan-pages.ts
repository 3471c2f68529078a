/**
 * The page models of the plan pages, assembled from the plan files and published folders. The
 * home plan (served at /) keeps its own pages; its catalogue entry takes its status from the
 * verdicts its overview shows (the same domain code), and links to /.
 */
import { publishedEras, type UnitRow } from '$lib/domain/unit-eras';
import { error } from '@sveltejs/kit';
import { buildOverview } from '$lib/domain/overview';
import { assess } from '$lib/domain/indicator-values';
import {
	planOverview,
	planSummary,
	publishedYears,
	type PlanSummary
} from '$lib/domain/plan/plan-model';
import {
	childrenOf,
	firstLeaf,
	namesByYear,
	unitsIn,
	versionsOf
} from '$lib/domain/plan/plan-units';
import { planMapModel } from '$lib/domain/plan/plan-map';
import { projectLayer } from '$lib/domain/geo-paths';
import { templateFiles } from '$lib/domain/plan/templates';
import { unitSeries } from '$lib/domain/plan/verdicts';
import { loadManifest, loadPlan, loadTable } from './published';
import { allPlans, homePlanId, publishedParts, runtimePlans } from './plans';

export interface CatalogueEntry {
	summary: PlanSummary;
	/** language-neutral path of the plan's overview */
	href: string;
	home: boolean;
}

/** The home plan's status counts, as its overview's phase table judges them. */
function homeCounts(): {
	counts: Record<string, number>;
	targets: number;
	lastYear: number | null;
} {
	const plan = loadPlan();
	const model = buildOverview(
		plan,
		{
			indicators: loadTable('indicators').rows,
			units: loadTable('units').rows,
			reporting: [],
			reportingSummary: []
		},
		loadManifest().asOf
	);
	const lastYear = model.years.at(-1) ?? null;
	const counts: Record<string, number> = {};
	let targets = 0;
	for (const ind of plan.indicators)
		for (const phase of plan.phases) {
			if (!ind.targets.some((t) => t.phase === phase.id)) continue;
			const a = assess(ind, model.province[ind.id] ?? [], phase, lastYear ?? phase.endYear);
			const status = a?.status ?? 'no_data';
			counts[status] = (counts[status] ?? 0) + 1;
			targets++;
		}
	return { counts, targets, lastYear };
}

function homeUnitCounts(summary: PlanSummary): PlanSummary['levels'] {
	// the plan's own units (the first era of a list a reform changed: the targets count those)
	const rows = publishedEras(loadTable('units').rows as unknown as UnitRow[])[0].rows;
	return summary.levels.map((l) => ({
		...l,
		count: rows.filter((r) => r.level === l.id).length,
		hasMap: true
	}));
}

export function catalogue(): CatalogueEntry[] {
	const home = homePlanId();
	const ordered = [...allPlans()].sort(
		(a, b) => Number(b.spec.id === home) - Number(a.spec.id === home)
	);
	return ordered.map((entry) => {
		if (entry.spec.id !== home) {
			return {
				summary: planSummary(entry.spec, entry.units, publishedParts(entry)),
				href: `/ke-hoach/${entry.spec.id}/`,
				home: false
			};
		}
		const manifest = loadManifest();
		const base = planSummary(entry.spec, entry.units, null);
		const { counts, targets, lastYear } = homeCounts();
		return {
			summary: {
				...base,
				levels: homeUnitCounts(base),
				published: true,
				asOf: manifest.asOf,
				illustrative: manifest.illustrative,
				source: manifest.source,
				lastYear,
				counts,
				targets
			},
			href: '/',
			home: true
		};
	});
}

/** A plan of /ke-hoach/<id>/ by id (the home plan has none: it lives at /). */
export function runtimePlan(id: string) {
	const entry = runtimePlans().find((p) => p.spec.id === id);
	if (!entry) error(404, 'Unknown plan');
	return entry;
}

/** The overview's model, with the plan parts its components read. */
export function overviewPage(id: string) {
	const entry = runtimePlan(id);
	const model = planOverview(
		entry.spec,
		entry.units,
		publishedParts(entry),
		entry.published?.reporting ?? []
	);
	const { indicators, phases, reporting, geography, legalBasis } = entry.spec;
	return { model, spec: { indicators, phases, reporting, geography, legalBasis } };
}

/** A unit page's model: the unit, its versions, its parent and children, its values by year. */
export function unitPage(id: string, code: string) {
	const entry = runtimePlan(id);
	const versions = versionsOf(entry.units, code);
	if (versions.length === 0) error(404, 'Unknown unit');
	const current = unitsIn(entry.units, null);
	const unit = current.find((u) => u.code === code)!;
	const parent = current.find((u) => u.code === unit.parent) ?? null;
	const data = entry.published?.indicators ?? null;
	const years = publishedYears(publishedParts(entry));
	const { indicators, geography } = entry.spec;
	return {
		unit,
		versions,
		level: geography.levels.find((l) => l.id === unit.level)?.label ?? null,
		parent: parent && { code: parent.code, name: parent.name },
		children: childrenOf(entry.units, code).map((u) => ({
			code: u.code,
			name: u.name,
			type: u.type
		})),
		years,
		yearNames: namesByYear(versions, years),
		indicators,
		series: Object.fromEntries(indicators.map((i) => [i.id, unitSeries(data, i.id, code)]))
	};
}

/** The data page's model: the manifest's files, tables and protection (null: nothing published). */
export function dataPage(id: string) {
	const entry = runtimePlan(id);
	const m = entry.published?.manifest ?? null;
	return {
		manifest: m && {
			files: m.files,
			tables: m.tables.map((t) => ({
				name: t.name,
				title: t.title,
				description: t.description,
				rows: t.rows,
				licence: t.licence,
				files: t.files,
				columns: t.columns
			})),
			protection: m.protection
		},
		templates: templateFiles(entry.spec, firstLeaf(entry.units))
	};
}

/** The map page's model, with the boundaries projected at build time (null: no boundaries). */
export function mapPage(id: string) {
	const entry = runtimePlan(id);
	const parts = publishedParts(entry);
	const model = planMapModel(
		entry.spec,
		entry.units,
		parts?.indicators ?? null,
		parts?.mapLevels ?? [],
		publishedYears(parts).at(-1) ?? null
	);
	if (!model || !entry.published) error(404, 'No map for this plan');
	const layer = projectLayer(entry.published.geo[model.level], 640, 480);
	return {
		model,
		layer,
		levelLabel: entry.spec.geography.levels.find((l) => l.id === model.level)!.label,
		phases: entry.spec.phases
	};
}
