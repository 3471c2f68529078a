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
	const n = u.numerator === null ? t(lang, 'suppressed') : formatNumber(u.numerator, lang);
	const d = u.denominator === null ? t(lang, 'suppressed') : formatNumber(u.denominator, lang);
	return `${n} ${t(lang, 'ofChildren')} ${d}`;
}
