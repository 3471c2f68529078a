import { buildOverview } from '$lib/domain/overview';
import { loadManifest, loadPlan, loadTable } from '$lib/server/published';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	const plan = loadPlan();
	const model = buildOverview(
		plan,
		{
			indicators: loadTable('indicators').rows,
			units: loadTable('units').rows,
			reporting: loadTable('reporting').rows,
			reportingSummary: loadTable('reporting_summary').rows
		},
		loadManifest().asOf
	);
	return {
		plan: { phases: plan.phases, indicators: plan.indicators, periods: plan.reporting.periods },
		model
	};
};
