import { mapEraOfYear } from '$lib/domain/map-model';
import { mapData } from '$lib/server/map-data';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	const { plan, model, communeLayerOfYear, districtLayer } = mapData();
	// the embed shows the latest year: its era's units and shapes only (an embed stays small)
	const year = model.years.at(-1)!;
	const era = mapEraOfYear(model, year);
	return {
		plan: { phases: plan.phases, indicators: plan.indicators },
		reform: plan.spec.geography.reforms.find((r) => r.from === era.from) ?? null,
		year,
		model: {
			years: model.years,
			eras: [era],
			values: { [year]: model.values[year] },
			timeliness: {}
		},
		communeLayer: communeLayerOfYear(year),
		districtLayer
	};
};
