import { error } from '@sveltejs/kit';
import { indicatorSeries } from '$lib/domain/indicator-values';
import { loadManifest, loadPlan, loadTable } from '$lib/server/published';
import { loadReformFacts } from '$lib/server/reform';
import { currentPhase } from '$lib/domain/plan';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () =>
	loadPlan().indicators.flatMap((i) =>
		[undefined, ...loadPlan().phases.map((p) => p.id)].flatMap((phase) => [
			{ id: i.id, phase, lang: undefined },
			{ id: i.id, phase, lang: 'en' }
		])
	);

export const load: PageServerLoad = ({ params }) => {
	const plan = loadPlan();
	const ind = plan.indicators.find((i) => i.id === params.id);
	if (!ind) error(404, `Unknown indicator ${params.id}`);
	if (params.phase && !plan.phases.some((p) => p.id === params.phase)) error(404, 'Unknown phase');
	const rows = loadTable('indicators').rows;
	const years = [...new Set(rows.map((r) => Number(r.year)))].sort();
	const series = indicatorSeries(ind, rows, plan.geography.province.code);
	const asOfYear = Math.min(Number(loadManifest().asOf.slice(0, 4)), years.at(-1)!);
	return {
		plan: { phases: plan.phases },
		reform: loadReformFacts(),
		indicator: ind,
		series,
		years,
		phaseId: params.phase ?? currentPhase(plan, asOfYear).id
	};
};
