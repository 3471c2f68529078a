import { communesReport } from '$lib/domain/coverage';
import { mapData } from '$lib/server/map-data';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	const { plan, model, communeLayers, districtLayer, byType, depth } = mapData();
	// every unit once per era (model.units lists them all again): the page reads the eras
	const { units: _all, ...perEra } = model;
	return {
		plan: {
			phases: plan.phases,
			indicators: plan.indicators,
			reforms: plan.spec.geography.reforms.map((r) => ({ from: r.from, label: r.label }))
		},
		model: perEra,
		// the year control switches between eras in the page: both eras' communes are needed
		communeLayers,
		districtLayer,
		byType,
		depth,
		communesReport: communesReport(plan)
	};
};
