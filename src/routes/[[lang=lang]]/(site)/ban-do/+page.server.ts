import { communesReport } from '$lib/domain/coverage';
import { mapData } from '$lib/server/map-data';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	const { plan, model, communeLayer, districtLayer, byType, depth } = mapData();
	return {
		plan: { phases: plan.phases, indicators: plan.indicators },
		model,
		communeLayer,
		districtLayer,
		byType,
		depth,
		communesReport: communesReport(plan)
	};
};
