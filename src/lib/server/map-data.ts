/** Build-time inputs of the map and unit pages: model, projected boundaries, breakdowns. */
import { mainBreakdown } from '$lib/domain/breakdowns';
import { projectLayer } from '$lib/domain/geo-paths';
import { buildMapModel, childrenByType } from '$lib/domain/map-model';
import { explorerCube, loadCsvTable, loadGeoJson, loadPlan, loadTable } from './published';

let cached: ReturnType<typeof build> | null = null;

function build() {
	const plan = loadPlan();
	const model = buildMapModel(plan, {
		indicators: loadTable('indicators').rows,
		units: loadTable('units').rows,
		reporting: loadTable('reporting').rows
	});
	const communes = loadGeoJson('communes');
	const districts = loadGeoJson('districts');
	// 520 × 640 px: Kon Tum is taller than wide. Half-pixel precision keeps the paths small.
	const communeLayer = projectLayer(communes, 520, 640, { fitTo: districts, precision: 2 });
	const districtLayer = projectLayer(districts, 520, 640, { precision: 2 });
	const byType = childrenByType(
		loadCsvTable('children_cube').rows,
		mainBreakdown.categories.map((c) => c.code)
	);
	// What each level publishes (the manifest's breakdown depth): the pages say where a unit's
	// children by the first breakdown (disability type) are not published, rather than leave the table out.
	const { depth } = explorerCube();
	return { plan, model, communeLayer, districtLayer, byType, depth };
}

export function mapData() {
	cached ??= build();
	return cached;
}
