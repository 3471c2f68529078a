import { error } from '@sveltejs/kit';
import { planSummary } from '$lib/domain/plan/plan-model';
import { publishedParts, runtimePlans } from '$lib/server/plans';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ params }) => {
	const entry = runtimePlans().find((p) => p.spec.id === params.id);
	if (!entry) error(404, 'Unknown plan');
	return { summary: planSummary(entry.spec, entry.units, publishedParts(entry)) };
};
