/**
 * How a plan's values and targets read, whatever the indicator's kind: a rate in per cent, a
 * unit count "8/10", a milestone done or not, a count as a number. A hidden value reads "Đã ẩn"
 * (never a number), a missing one "–".
 */
import type { Lang } from '../breakdowns';
import { formatNumber, formatPercent } from '../format';
import { pt, ptf } from '../i18n-plans';
import type { Indicator, Target } from './types';
import type { PhaseVerdict } from './verdicts';

export function formatPlanValue(
	ind: Pick<Indicator, 'kind'>,
	point: { value: number | null; hidden?: boolean } | null | undefined,
	lang: Lang,
	of?: number
): string {
	if (point?.hidden) return pt(lang, 'hidden');
	const v = point?.value;
	if (v === null || v === undefined) return pt(lang, 'nothing');
	if (ind.kind === 'rate') return formatPercent(v, lang);
	if (ind.kind === 'milestone')
		return v >= 1 ? pt(lang, 'done') : lang === 'vi' ? 'chưa' : 'not yet';
	return of ? `${formatNumber(v, lang)}/${formatNumber(of, lang)}` : formatNumber(v, lang);
}

/** "≥ 90%", "≤ 10%", "duy trì 1", "8/10", "hoàn thành"; qualitative: "–" (its words say it). */
export function formatPlanTarget(ind: Pick<Indicator, 'kind'>, target: Target, lang: Lang): string {
	if (target.value === undefined) return pt(lang, 'nothing');
	const value =
		ind.kind === 'milestone'
			? pt(lang, 'done')
			: formatPlanValue(ind, { value: target.value }, lang, target.of);
	if (ind.kind === 'milestone') return value;
	if (target.test === 'maintain') return `${pt(lang, 'maintain')} ${value}`;
	return `${target.test === 'at_most' ? '≤' : '≥'} ${value}`;
}

/** The rule that decided a verdict, in words (shown beside it). */
export function verdictRuleText(v: PhaseVerdict, lang: Lang): string {
	const parts: string[] = [];
	if (v.rule === 'end') parts.push(ptf(lang, 'ruleEnd', { year: v.year ?? '' }));
	else if (v.rule === 'latest') parts.push(ptf(lang, 'ruleLatest', { year: v.year ?? '' }));
	else if (v.rule === 'maintain') {
		parts.push(pt(lang, 'ruleMaintain'));
		if (v.failedYears.length > 0)
			parts.push(ptf(lang, 'ruleMaintainFailed', { years: v.failedYears.join(', ') }));
	} else if (v.rule === 'qualitative') parts.push(pt(lang, 'ruleQualitative'));
	else parts.push(pt(lang, 'ruleNone'));
	if (v.hidden) parts.push(pt(lang, 'hiddenNote'));
	return parts.join(' ');
}

/** A file size: 812 B, 12,3 KB, 1,2 MB. */
export function sizeText(bytes: number, lang: Lang): string {
	if (bytes < 1024) return `${formatNumber(bytes, lang)} B`;
	if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024, lang, 1)} KB`;
	return `${formatNumber(bytes / 1024 / 1024, lang, 1)} MB`;
}
