/**
 * An explorer query in the page's address, so a result can be linked: `?m=<choice>&y=<year>&l=
 * <level>&u=<unit>&s=<split>&f.<breakdown>=<category>`; what equals the default is left out.
 */
import type { ExploreQuery } from './query';

const FILTER = 'f.';

export function querySearch(q: ExploreQuery, d: ExploreQuery): string {
	const p = new URLSearchParams();
	const put = (k: string, v: string, dv: string) => {
		if (v !== dv) p.set(k, v);
	};
	put('m', q.choice, d.choice);
	put('y', String(q.year), String(d.year));
	put('l', q.level, d.level);
	put('u', q.unit, d.unit);
	// an empty split differs from a default split: written as `s=` (no columns)
	if (q.split !== d.split) p.set('s', q.split);
	for (const [b, c] of Object.entries(q.filters)) p.set(`${FILTER}${b}`, c);
	const s = p.toString();
	return s ? `?${s}` : '';
}

/** What an address asks for (unchecked: normaliseQuery makes it fit the plan). */
export function searchQuery(params: URLSearchParams): Partial<ExploreQuery> {
	const out: Partial<ExploreQuery> = { filters: {} };
	const m = params.get('m');
	if (m) out.choice = m;
	const y = Number(params.get('y'));
	if (params.has('y') && Number.isInteger(y)) out.year = y;
	const l = params.get('l');
	if (l) out.level = l;
	const u = params.get('u');
	if (u) out.unit = u;
	if (params.has('s')) out.split = params.get('s') ?? '';
	for (const [k, v] of params)
		if (k.startsWith(FILTER) && v) out.filters![k.slice(FILTER.length)] = v;
	return out;
}
