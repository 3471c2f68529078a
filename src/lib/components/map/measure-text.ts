import type { Lang } from '$lib/domain/breakdowns';
import type { CoverageClass, MapMeasure, UnitMeasure } from '$lib/domain/coverage';
import { formatNumber, formatPercent } from '$lib/domain/format';
import { t, type MessageKey } from '$lib/domain/i18n';

export const classKey: Record<CoverageClass, MessageKey> = {
	met: 'clsMet',
	near: 'clsNear',
	below: 'clsBelow',
	far: 'clsFar',
	yes: 'clsYes',
	no: 'clsNo',
	no_data: 'clsNoData',
	suppressed: 'clsSuppressed'
};

export function measureLabel(m: MapMeasure, lang: Lang): string {
	if (m.kind === 'flag') return t(lang, 'measureNetwork');
	if (m.kind === 'timeliness') return t(lang, 'measureTimeliness');
	return m.indicator!.shortLabel[lang];
}

/** The value as a reader sees it: "85,4%", "Có mạng lưới", "Đã ẩn (<5)". */
export function measureValueText(m: MapMeasure, u: UnitMeasure, lang: Lang): string {
	if (u.cls === 'suppressed') return t(lang, 'suppressed');
	if (u.value === null) return t(lang, 'noData');
	if (m.kind === 'flag') return t(lang, classKey[u.cls]);
	return formatPercent(u.value, lang);
}

export function countsText(u: UnitMeasure, lang: Lang): string {
	if (u.numerator === undefined && u.denominator === undefined) return '';
	// empty and not hidden: the year was not reported, so there are no counts to show
	const missing = (v: number | null | undefined, hidden?: boolean) =>
		(v === null || v === undefined) && !hidden;
	if (
		missing(u.numerator, u.numeratorSuppressed) &&
		missing(u.denominator, u.denominatorSuppressed)
	)
		return '';
	const count = (v: number | null | undefined, hidden?: boolean) =>
		v === null || v === undefined
			? t(lang, hidden ? 'suppressed' : 'noData')
			: formatNumber(v, lang);
	return `${count(u.numerator, u.numeratorSuppressed)} ${t(lang, 'ofChildren')} ${count(u.denominator, u.denominatorSuppressed)}`;
}
