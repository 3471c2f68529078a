import { foldDiacritics } from '$lib/domain/units';
import { unitCollator } from '$lib/domain/map-model';
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
	const rows = loadTable('units').rows;
	const unit = (u: (typeof rows)[number]) => ({
		code: String(u.unit_code),
		name: String(u.name),
		// what the search matches: the name without diacritics, lower case, and the code
		key: `${foldDiacritics(String(u.name)).toLowerCase()} ${u.unit_code}`
	});
	const byName = (a: { name: string }, b: { name: string }) => unitCollator.compare(a.name, b.name);
	const districts = rows
		.filter((u) => u.level === 'district')
		.map((d) => ({
			...unit(d),
			communes: rows
				.filter((c) => c.level === 'commune' && String(c.district_code) === String(d.unit_code))
				.map(unit)
				.sort(byName)
		}))
		.sort(byName);
	return { districts };
};
