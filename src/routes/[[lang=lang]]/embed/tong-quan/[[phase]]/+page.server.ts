import { buildOverview } from '$lib/domain/overview';
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
	return {
		plan: { phases: plan.phases, indicators: plan.indicators },
		years: model.years,
		defaultPhase: params.phase ?? model.defaultPhase,
		province: model.province,
		map: { model: map.model, communes: map.communeLayer, districts: map.districtLayer }
	};
};
