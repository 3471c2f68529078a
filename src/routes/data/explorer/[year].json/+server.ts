/** One year's early explorer views (src/lib/domain/explorer-early.ts), prerendered as JSON. */
import { json } from '@sveltejs/kit';
import { earlyFilters, earlyKey, type EarlyViews } from '$lib/domain/explorer-early';
import { explorerViews } from '$lib/server/explorer-default';
import { toUnitRows, unitRowsOfYear } from '$lib/domain/unit-eras';
import { childrenYears, loadTable } from '$lib/server/published';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

// the explorer reads the children cube: only years with a children report have views
const years = childrenYears;

export const entries: EntryGenerator = () => years().map((y) => ({ year: String(y) }));

export const GET: RequestHandler = async ({ params }) => {
	const year = Number(params.year);
	if (!years().includes(year)) return new Response('no such year', { status: 404 });
	// the districts of the year's units (after the 2025 reform: the former areas, same codes)
	const districts = unitRowsOfYear(toUnitRows(loadTable('units').rows), year)
		.filter((u) => u.level === 'district')
		.map((u) => u.unit_code);
	const list = earlyFilters(year, districts);
	const results = await explorerViews(list);
	const body: EarlyViews = {
		year,
		views: Object.fromEntries(list.map((f, i) => [earlyKey(f)!, results[i]]))
	};
	return json(body);
};
