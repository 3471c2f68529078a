import { buildOverview } from '$lib/domain/overview';
import { loadManifest, loadPlan, loadTable } from '$lib/server/published';
import { loadReformFacts } from '$lib/server/reform';
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
		plan: {
			phases: plan.phases,
			indicators: plan.indicators,
			periods: plan.reporting.periods,
			submittedTo: plan.reporting.submittedTo,
			submittedToLater: plan.spec.reporting.submittedToLater,
			// the levels and how many units each has, for "Báo cáo của 10 huyện, thành phố"
			levels: plan.spec.geography.levels.map((l) => ({
				id: l.id,
				label: l.label,
				units: model.levelCounts[l.id] ?? 0
			}))
		},
		model,
		reform: loadReformFacts()
	};
};
