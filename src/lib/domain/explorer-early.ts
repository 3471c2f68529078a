/**
 * Views the explorer answers before DuckDB-WASM arrives (~12 s on a desktop, 30 s and more on a
 * slow phone): a year with at most one filter holding one value (one category of one breakdown,
 * or one district). Their results are computed at build time by the same SQL over the same
 * published, protected cube (src/lib/server/explorer-views.ts) and shipped as one small JSON
 * file per year. In such a view every figure is one published cell of the cube: no sum, no new
 * figure. Every other view waits for the engine, and the page says so.
 */
import { breakdowns } from './breakdowns';
import {
	chosen,
	emptyFilters,
	explorerDims,
	type ExplorerFilters,
	type ExplorerResult
} from './explorer';

/** One year's early views, keyed by `earlyKey`. */
export interface EarlyViews {
	year: number;
	views: Record<string, ExplorerResult>;
}

/** Where a year's early views are published, relative to the site's base. */
export const earlyViewsPath = (year: number) => `data/explorer/${Number(year)}.json`;

/** The dimensions an early view may filter on (communes wait for the engine). */
const earlyDims = [...breakdowns.map((b) => b.id), 'district'] as const;

/**
 * The key of a view answered early ('' for no filter, 'sex=nam', 'district=617'), or null when
 * the view waits for the engine: two filters or more, two values of one, or a commune.
 */
export function earlyKey(f: ExplorerFilters): string | null {
	const set = explorerDims.filter((d) => chosen(f, d).length > 0);
	if (set.length === 0) return '';
	if (set.length > 1) return null;
	const d = set[0];
	if (!(earlyDims as readonly string[]).includes(d) || chosen(f, d).length !== 1) return null;
	return `${d}=${chosen(f, d)[0]}`;
}

/** Every view answered early in one year: no filter, each category of each breakdown, each district. */
export function earlyFilters(year: number, districts: string[]): ExplorerFilters[] {
	return [
		emptyFilters(year),
		...breakdowns.flatMap((b) =>
			b.categories.map((c) => ({ ...emptyFilters(year), [b.id]: [c.code] }))
		),
		...districts.map((d) => ({ ...emptyFilters(year), district: [d] }))
	];
}
