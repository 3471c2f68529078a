import { unitCollator } from '$lib/domain/map-model';
import { publishedEras, toUnitRows, unitSearchEntries } from '$lib/domain/unit-eras';
import { loadTable } from '$lib/server/published';
import type { EntryGenerator, PageServerLoad } from './$types';

/*
 * The site's "not found" page, prerendered to build/404.html and build/en/404.html (no trailing
 * slash), which static hosts send with status 404 for unknown addresses. It is served at any
 * depth, so it runs no JavaScript of the app (whose relative URLs assume its own folder) and its
 * links are made root-absolute in src/hooks.server.ts.
 */
export const trailingSlash = 'never';
export const csr = false;

export const entries: EntryGenerator = () => [{ lang: undefined }, { lang: 'en' }];

export const load: PageServerLoad = () => {
	const rows = toUnitRows(loadTable('units').rows);
	const eras = publishedEras(rows);
	// what the search matches: the name without diacritics, lower case, the code, and the names of
	// the units it became or came from (an old name finds the new unit, a new name the old ones)
	const entries = unitSearchEntries(rows);
	const multi = new Set(
		rows
			.filter((r) => r.level !== 'province')
			.map((r) => r.unit_code)
			.filter((c, i, all) => all.indexOf(c) !== i)
	);
	const unit = (e: (typeof entries)[number]) => ({
		code: e.row.unit_code,
		name: e.row.name,
		key: e.key,
		// a code that names units in several eras: the link goes to this one's part of the page
		anchor: multi.has(e.row.unit_code) ? `#era-${e.index + 1}` : '',
		successor: e.successor ? { code: e.successor.unit_code, name: e.successor.name } : null,
		predecessors: e.predecessors.map((p) => p.name)
	});
	const byName = (a: { name: string }, b: { name: string }) => unitCollator.compare(a.name, b.name);
	return {
		eras: eras.map((era, index) => {
			const mine = entries.filter((e) => e.index === index);
			return {
				index,
				from: era.from,
				to: era.to,
				// the day after this era, when a later one follows (its units' successors are from it)
				next: eras[index + 1]?.from ?? '',
				districts: mine
					.filter((e) => e.row.level === 'district')
					.map((d) => ({
						...unit(d),
						communes: mine
							.filter((c) => c.row.level === 'commune' && c.row.district_code === d.row.unit_code)
							.map(unit)
							.sort(byName)
					}))
					.sort(byName)
			};
		})
	};
};
