import { overviewPage } from '$lib/server/plan-pages';
import type { PageServerLoad } from './$types';

// No JavaScript: the table is all in the HTML (small, works where scripts are blocked).
export const csr = false;

export const load: PageServerLoad = ({ params }) => {
	const { model, spec } = overviewPage(params.id);
	return {
		summary: model.summary,
		verdicts: model.verdicts,
		indicators: spec.indicators,
		phases: spec.phases
	};
};
