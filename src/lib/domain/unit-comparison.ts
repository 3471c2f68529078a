/**
 * Several units followed over the years on one chart (OWID's "add country"): the reference
 * (the province) and the units a reader picked, as the chart's table, its one-line summary,
 * and the picked codes read from or written to a shared link.
 */
import type { Lang } from './breakdowns';
import { t } from './i18n';
import { formatIndicatorValue } from './indicator-text';
import type { IndicatorValue } from './indicator-values';
import type { Indicator } from './plan';

export interface UnitSeries {
	code: string;
	name: string;
	values: (IndicatorValue | null)[] | IndicatorValue[];
}

/** At most this many picked units at once: more lines no longer read apart. */
export const MAX_COMPARED = 5;

const valueOf = (s: UnitSeries, year: number) => s.values.find((v) => v?.year === year) ?? null;

/**
 * The chart's equivalent table (a row per year, a column per unit, hidden values said as
 * hidden) and its summary of the last year. `series[0]` is the reference.
 */
export function comparisonTable(
	ind: Indicator,
	series: UnitSeries[],
	years: number[],
	lang: Lang
): {
	summary: string;
	columns: { key: string; label: string; numeric?: boolean }[];
	rows: { cells: Record<string, string>; raw: Record<string, number | string | null> }[];
} {
	const lastYear = years[years.length - 1];
	const summary =
		`${ind.shortLabel[lang]}, ${lastYear}: ` +
		series
			.map((s) => `${s.name} ${formatIndicatorValue(ind, valueOf(s, lastYear), lang)}`)
			.join('; ') +
		'.';
	const columns = [
		{ key: 'year', label: t(lang, 'year') },
		...series.map((s) => ({ key: s.code, label: s.name, numeric: true }))
	];
	const rows = years.map((year) => ({
		cells: {
			year: String(year),
			...Object.fromEntries(
				series.map((s) => [s.code, formatIndicatorValue(ind, valueOf(s, year), lang)])
			)
		},
		raw: {
			year,
			...Object.fromEntries(series.map((s) => [s.code, valueOf(s, year)?.value ?? null]))
		}
	}));
	return { summary, columns, rows };
}

/**
 * The picked codes from a link's comma-separated list: only known codes, each once, at most
 * `max`, in `order` (the plan's order, so colours and links do not depend on click order).
 * Null when the link says nothing (the page's default applies).
 */
export function readPicked(
	param: string | null,
	order: string[],
	max = MAX_COMPARED
): string[] | null {
	if (param === null) return null;
	const asked = new Set(param.split(',').map((c) => c.trim()));
	return order.filter((c) => asked.has(c)).slice(0, max);
}

/** Adds or removes one code, keeping the plan's order and the limit. */
export function togglePicked(
	picked: string[],
	code: string,
	on: boolean,
	order: string[],
	max = MAX_COMPARED
): string[] {
	if (on && !picked.includes(code) && picked.length >= max) return picked;
	const next = on ? [...picked, code] : picked.filter((c) => c !== code);
	return order.filter((c) => next.includes(c));
}
