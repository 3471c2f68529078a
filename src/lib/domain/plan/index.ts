/**
 * Plans as data. `load.ts` checks a plan file against the general model (`types.ts`);
 * `site.ts` adapts it to the shape the present pages read. Import from here.
 */
import { loadPlan } from './load';
import { toSitePlan, type Plan } from './site';

export * from './site';
export { loadPlan, type LoadResult, type PlanError } from './load';
export type { PlanSpec } from './types';
export { judgeMaintain, isQualitative } from './judge';
export { occurrences, onTime, firstDate } from './duties';

/** A parsed plan file, checked and adapted for the site; throws listing every error (vi + en). */
export function planFromJson(json: unknown, file = 'plan'): Plan {
	const r = loadPlan(json);
	if (!r.ok)
		throw new Error(
			`${file}: ${r.errors.length} lỗi / error(s)\n` +
				r.errors.map((e) => `  ${e.path}: ${e.vi} / ${e.en}`).join('\n')
		);
	return toSitePlan(r.plan);
}
