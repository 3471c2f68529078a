import { loadReformFacts } from '$lib/server/reform';
import { buildOverview } from '$lib/domain/overview';
import { mapEraOfYear } from '$lib/domain/map-model';
import { mapData } from '$lib/server/map-data';
import { loadManifest, loadPlan, loadTable } from '$lib/server/published';
import { error } from '@sveltejs/kit';
import type { EntryGenerator, PageServerLoad } from './$types';

/** One embed per phase (the default is the current one), in both languages. */
export const entries: EntryGenerator = () =>
	[undefined, ...loadPlan().phases.map((p) => p.id)].flatMap((phase) => [
		{ phase, lang: undefined },
		{ phase, lang: 'en' }
	]);

export const load: PageServerLoad = ({ params }) => {
	const plan = loadPlan();
	if (params.phase && !plan.phases.some((p) => p.id === params.phase)) error(404, 'Unknown phase');
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
	const map = mapData();
	const defaultPhase = params.phase ?? model.defaultPhase;
	// the mini map's year (the page's rule): its era's communes, a value never on another era's unit
	const mapYear = Math.min(
		model.years.at(-1)!,
		plan.phases.find((p) => p.id === defaultPhase)?.endYear ?? Infinity
	);
	return {
		plan: { phases: plan.phases, indicators: plan.indicators },
		reform: loadReformFacts(),
		years: model.years,
		defaultPhase,
		province: model.province,
		map: {
			// the mini map's year only: its era's units and values (an embed stays small)
			model: {
				years: map.model.years,
				eras: [mapEraOfYear(map.model, mapYear)],
				values: { [mapYear]: map.model.values[mapYear] },
				timeliness: {}
			},
			communes: map.communeLayerOfYear(mapYear),
			districts: map.districtLayer
		}
	};
};
