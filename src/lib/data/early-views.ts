/** The explorer's early views (one small JSON file per year), each fetched once per page. */
import { earlyViewsPath, type EarlyViews } from '$lib/domain/explorer-early';

const cache = new Map<number, Promise<EarlyViews | null>>();

/** A year's early views; null when the file cannot be had (the view then waits for the engine). */
export function earlyViews(base: string, year: number): Promise<EarlyViews | null> {
	let p = cache.get(year);
	if (!p) {
		p = fetch(`${base}/${earlyViewsPath(year)}`)
			.then((r) => (r.ok ? (r.json() as Promise<EarlyViews>) : null))
			.then((v) => (v && v.year === year ? v : null))
			.catch(() => null)
			// a failed fetch is tried again at the next selection
			.then((v) => (v ? v : (cache.delete(year), null)));
		cache.set(year, p);
	}
	return p;
}
