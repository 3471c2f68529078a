import { loadManifest, loadPlan } from '$lib/server/published';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	const plan = loadPlan();
	return {
		manifest: loadManifest(),
		plan: {
			indicators: plan.indicators,
			phases: plan.phases,
			legalBasis: plan.legalBasis,
			reporting: plan.reporting,
			geography: plan.geography
		}
	};
};
