/** Sentences and formatted values for indicators, in both languages. */
import type { Lang } from './breakdowns';
import { formatOf, formatPercent, formatNumber, formatPoints } from './format';
import { statusLabel, t } from './i18n';
import type { IndicatorValue } from './indicator-values';
import type { Indicator } from './plan';
import type { ProgressStatus } from './progress';

export function formatIndicatorValue(
	ind: Indicator,
	v: IndicatorValue | null | undefined,
	lang: Lang
): string {
	if (!v) return t(lang, 'noData');
	if (v.suppressed) return t(lang, 'suppressed');
	if (v.value === null) return t(lang, 'noData');
	if (ind.kind === 'rate') return formatPercent(v.value, lang);
	if (ind.kind === 'unit_count') return formatOf(v.value, v.of, lang);
	return formatNumber(v.value, lang);
}

export function formatTarget(
	ind: Indicator,
	target: { value: number; of?: number },
	lang: Lang
): string {
	if (ind.kind === 'rate') return formatPercent(target.value, lang, 0);
	if (ind.kind === 'unit_count') return formatOf(target.value, target.of, lang);
	return formatNumber(target.value, lang);
}

export function formatGap(ind: Indicator, gap: number | null, lang: Lang): string {
	if (gap === null) return '–';
	if (ind.kind === 'rate') return formatPoints(gap, lang);
	const sign = gap > 0 ? '+' : gap < 0 ? '−' : '±';
	const unit =
		ind.kind === 'unit_count'
			? lang === 'vi'
				? ind.level === 'district'
					? ' huyện'
					: ' xã'
				: ind.level === 'district'
					? ' districts'
					: ' communes'
			: '';
	return `${sign}${formatNumber(Math.abs(gap), lang)}${unit}`;
}

/** "Tiếp cận dịch vụ năm 2025: 85,4%, mục tiêu 90%, không đạt." */
export function indicatorSentence(
	ind: Indicator,
	v: IndicatorValue | null,
	target: { value: number; of?: number } | undefined,
	status: ProgressStatus,
	lang: Lang,
	where?: string
): string {
	const name = ind.shortLabel[lang] + (where ? ` (${where})` : '');
	const year = v?.year ?? '';
	const value = formatIndicatorValue(ind, v, lang);
	const tgt = target ? formatTarget(ind, target, lang) : '–';
	return lang === 'vi'
		? `${name} năm ${year}: ${value}, mục tiêu ${tgt}, ${statusLabel(status, lang).toLowerCase()}.`
		: `${name} in ${year}: ${value}, target ${tgt}, ${statusLabel(status, lang).toLowerCase()}.`;
}
