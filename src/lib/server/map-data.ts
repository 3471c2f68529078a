/** Build-time inputs of the map and unit pages: model, projected boundaries, breakdowns. */
import { mainBreakdown } from '$lib/domain/breakdowns';
import { projectLayer, type ProjectedLayer } from '$lib/domain/geo-paths';
import { buildMapModel, childrenByType, eraFiles, mapEraOfYear } from '$lib/domain/map-model';
import { explorerCube, loadCsvTable, loadGeoJson, loadPlan, loadTable } from './published';

let cached: ReturnType<typeof build> | null = null;

function build() {
	const plan = loadPlan();
	const model = buildMapModel(plan, {
		indicators: loadTable('indicators').rows,
		units: loadTable('units').rows,
		reporting: loadTable('reporting').rows
	});
	const districts = loadGeoJson('districts');
	// 520 × 640 px: Kon Tum is taller than wide. Half-pixel precision keeps the paths small.
	// Every era's communes are fitted to the same district outlines, so the layers overlay.
	const project = (from: string) =>
		projectLayer(loadGeoJson(eraFiles(from).communes), 520, 640, {
			fitTo: districts,
			precision: 2
		});
	/** the communes of each era, keyed by the era's first day ('' for the plan's first units) */
	const communeLayers: Record<string, ProjectedLayer> = Object.fromEntries(
		model.eras.map((e) => [e.from, project(e.from)])
	);
	// the first era's communes (the layer of the years before any reform)
	const communeLayer = communeLayers[model.eras[0]?.from ?? ''];
	const districtLayer = projectLayer(districts, 520, 640, { precision: 2 });
	const byType = childrenByType(
		loadCsvTable('children_cube').rows,
		mainBreakdown.categories.map((c) => c.code)
	);
	// What each level publishes (the manifest's breakdown depth): the pages say where a unit's
	// children by the first breakdown (disability type) are not published, rather than leave the table out.
	const { depth } = explorerCube();
	/** The communes' layer of the units a year's figures are keyed by. */
	const communeLayerOfYear = (year: number) => communeLayers[mapEraOfYear(model, year).from];
	return {
		plan,
		model,
		communeLayer,
		communeLayers,
		communeLayerOfYear,
		districtLayer,
		byType,
		depth
	};
}

export function mapData() {
	cached ??= build();
	return cached;
}
