import { error } from '@sveltejs/kit';
import { indicatorTable } from '$lib/domain/indicator-page';
import { indicatorSeries } from '$lib/domain/indicator-values';
import { loadManifest, loadPlan, loadTable } from '$lib/server/published';
import { loadReformFacts } from '$lib/server/reform';
import type { EntryGenerator, PageServerLoad } from './$types';

/** One page per indicator of the plan file, in both languages. */
export const entries: EntryGenerator = () =>
	loadPlan().indicators.flatMap((i) => [
		{ id: i.id, lang: undefined },
		{ id: i.id, lang: 'en' }
	]);

export const load: PageServerLoad = ({ params }) => {
	const plan = loadPlan();
	const indicator = plan.indicators.find((i) => i.id === params.id);
	if (!indicator) error(404, `Unknown indicator ${params.id}`);
	const rows = loadTable('indicators').rows;
	const units = loadTable('units').rows;
	// The published columns' own labels name the numerator, denominator and flag.
	const columns = loadManifest().tables.find((t) => t.name === 'indicators')!.columns;
	const wanted =
		indicator.kind === 'rate' ? [indicator.numerator, indicator.denominator] : [indicator.flag];
	return {
		plan: { phases: plan.phases, shortTitle: plan.shortTitle },
		reform: loadReformFacts(),
		indicator,
		series: indicatorSeries(indicator, rows, plan.geography.province.code),
		table: indicatorTable(indicator, rows, units),
		columns: columns
			.filter((c) => wanted.includes(c.name))
			.map((c) => ({ name: c.name, label: c.label }))
	};
};
