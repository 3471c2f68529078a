/** Numbers, percentages and dates for Vietnamese (vi-VN) and English readers, through Intl. */
import type { Lang } from './breakdowns';

const locale = (lang: Lang) => (lang === 'vi' ? 'vi-VN' : 'en-GB');

// Making an Intl formatter costs far more than using one, and a page formats hundreds of
// numbers (while it is prerendered and again while it hydrates): one formatter per setting.
const numberFormats = new Map<string, Intl.NumberFormat>();

export function formatNumber(value: number | null | undefined, lang: Lang, digits = 0): string {
	if (value === null || value === undefined || !Number.isFinite(value)) return '–';
	const key = `${lang}:${digits}`;
	let format = numberFormats.get(key);
	if (!format) {
		format = new Intl.NumberFormat(locale(lang), {
			maximumFractionDigits: digits,
			minimumFractionDigits: digits
		});
		numberFormats.set(key, format);
	}
	return format.format(value);
}

/** A percentage given on the 0–100 scale: 73.5 → "73,5%" (vi) or "73.5%" (en). */
export function formatPercent(value: number | null | undefined, lang: Lang, digits = 1): string {
	if (value === null || value === undefined || !Number.isFinite(value)) return '–';
	const rounded = Math.round(value * 10 ** digits) / 10 ** digits;
	return `${formatNumber(rounded, lang, Number.isInteger(rounded) ? 0 : digits)}%`;
}

/** A signed gap in percentage points: +3,5 / −4 điểm %. */
export function formatPoints(value: number | null | undefined, lang: Lang): string {
	if (value === null || value === undefined || !Number.isFinite(value)) return '–';
	const sign = value > 0 ? '+' : value < 0 ? '−' : '±';
	const abs = formatNumber(
		Math.abs(Math.round(value * 10) / 10),
		lang,
		Number.isInteger(Math.round(value * 10) / 10) ? 0 : 1
	);
	return lang === 'vi' ? `${sign}${abs} điểm %` : `${sign}${abs} pts`;
}

// By hand, not Intl.DateTimeFormat: its first use costs a phone ~150 ms of main thread (loading
// the locale's calendar data) on every page load, for a date the HTML already shows; and the
// browser's ICU could spell a month otherwise than Node's did at build time ("Sep"/"Sept").
const MONTHS_EN = [
	'Jan',
	'Feb',
	'Mar',
	'Apr',
	'May',
	'Jun',
	'Jul',
	'Aug',
	'Sep',
	'Oct',
	'Nov',
	'Dec'
];

/** An ISO date (YYYY-MM-DD) as 10/12/2025 (vi) or 10 Dec 2025 (en). */
export function formatDate(iso: string | null | undefined, lang: Lang): string {
	const match = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
	if (!match) return '–';
	const [, y, m, d] = match;
	const month = Number(m);
	if (month < 1 || month > 12) return '–';
	return lang === 'vi' ? `${d}/${m}/${y}` : `${Number(d)} ${MONTHS_EN[month - 1]} ${y}`;
}

/** "51/102" style unit count. */
export function formatOf(
	count: number | null | undefined,
	of: number | null | undefined,
	lang: Lang
): string {
	if (count === null || count === undefined) return '–';
	return of ? `${formatNumber(count, lang)}/${formatNumber(of, lang)}` : formatNumber(count, lang);
}
