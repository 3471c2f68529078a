/**
 * How a target stated over the old units is read after a reform (issue: Kon Tum's targets count
 * 10 districts and 102 communes; from 2025-07-01 there are 40 new units and no districts). The
 * pipeline applies the rule (build-tables.ts); this says it, beside the verdict it shaped.
 *
 * - A rate: the same children, whatever the units: the area's figure is the sum of the new units.
 * - A count of units of the lowest level: each new unit counts as the old units it took in (each
 *   old unit went whole into one), so "51 of 102 communes" keeps its meaning.
 * - A count of units of a level the reform ended: no such unit has a figure after the reform, so
 *   the target cannot be judged on that year, and the site says so instead of guessing.
 */
import type { Label, Lang } from './breakdowns';
import { formatDate } from './format';
import { tf } from './i18n';
import type { Indicator } from './plan';
import { dayBefore } from './unit-eras';

export interface ReformFacts {
	/** first day of the new units (ISO) */
	from: string;
	label: Label;
	/** the levels that no longer exist after it (districts), with the plan's words for them */
	endedLevels: { id: string; label: Label }[];
	/** how many units of the lowest level before and after (102 → 40) */
	oldUnits: number;
	newUnits: number;
	/** the plan's area as it is named from `from` */
	area: Label | null;
	/** the published crosswalk (path under the data folder) */
	crosswalk: string;
}

/** "From 1 July 2025: … The plan's area is now …": where the present is meant. */
export function reformNotice(reform: ReformFacts, lang: Lang, lowest: Label): string {
	const lower = lowest[lang].toLowerCase();
	return tf(lang, 'reformNotice', {
		date: formatDate(reform.from, lang),
		label: reform.label[lang],
		area: (reform.area ?? { vi: '', en: '' })[lang].replace(/^./, (c) => c.toLowerCase()),
		year: String(firstReformedYear(reform)),
		new: String(reform.newUnits),
		old: lang === 'vi' ? `${reform.oldUnits} ${lower}` : `${reform.oldUnits} ${lower} units`
	});
}

/** Who received the reports, period by period (the plan's recipient, then each later one). */
export function recipients(
	reporting: { submittedTo: Label; submittedToLater?: { from: string; label: Label }[] },
	lang: Lang
): { label: string; when: string }[] {
	const later = [...(reporting.submittedToLater ?? [])].sort((a, b) =>
		a.from.localeCompare(b.from)
	);
	return [
		{
			label: reporting.submittedTo[lang],
			when: later[0]
				? tf(lang, 'recipientUntil', { date: formatDate(dayBefore(later[0].from), lang) })
				: ''
		},
		...later.map((r, i) => ({
			label: r.label[lang],
			when:
				tf(lang, 'recipientFrom', { date: formatDate(r.from, lang) }) +
				(later[i + 1]
					? ` ${tf(lang, 'recipientUntil', { date: formatDate(dayBefore(later[i + 1].from), lang) })}`
					: '')
		}))
	];
}

/** The first year whose figures the reform's units report (the year holding its first day's year end). */
export const firstReformedYear = (r: ReformFacts): number => Number(r.from.slice(0, 4));

/** The rule that shaped an indicator's figure for `year`, or null when the year is before the reform. */
export function reformRule(
	ind: Indicator,
	reform: ReformFacts | null,
	year: number,
	lang: Lang
): string | null {
	if (!reform || year < firstReformedYear(reform)) return null;
	const vars = {
		date: formatDate(reform.from, lang),
		year: String(year),
		old: String(reform.oldUnits),
		new: String(reform.newUnits),
		last: String(firstReformedYear(reform) - 1)
	};
	const ended = ind.kind === 'unit_count' && reform.endedLevels.find((l) => l.id === ind.level);
	if (ended)
		return tf(lang, 'reformRuleEnded', { ...vars, level: ended.label[lang].toLowerCase() });
	if (ind.kind === 'unit_count') return tf(lang, 'reformRuleUnits', vars);
	if (ind.kind === 'rate') return tf(lang, 'reformRuleRate', vars);
	return tf(lang, 'reformRuleCount', vars);
}
