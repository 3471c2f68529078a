/**
 * View state kept in the query string, so a reload or a shared link shows the same view.
 * Prerendered pages cannot read the query at build time: they render the defaults, then the
 * browser applies the URL after hydration.
 */
import { replaceState } from '$app/navigation';

export function readParam<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
	if (typeof location === 'undefined') return fallback;
	const v = new URLSearchParams(location.search).get(name);
	return v !== null && (allowed as readonly string[]).includes(v) ? (v as T) : fallback;
}

/** Writes the state to the URL without a navigation; defaults are left out to keep links short. */
export function writeParams(
	values: Record<string, string>,
	defaults: Record<string, string>
): void {
	const url = new URL(location.href);
	for (const [k, v] of Object.entries(values)) {
		if (v === defaults[k]) url.searchParams.delete(k);
		else url.searchParams.set(k, v);
	}
	if (url.href !== location.href) replaceState(url, {});
}
