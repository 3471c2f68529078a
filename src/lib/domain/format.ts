/** Numbers, percentages and dates for Vietnamese (vi-VN) and English readers, as Intl writes them. */
import type { Lang } from './breakdowns';

// By hand, not Intl.NumberFormat: building a formatter costs a phone's main thread ~50 ms on
// each page load (the locale's data loads on first use), for numbers the HTML already shows.
// Same output as Intl for vi-VN and en-GB (format.spec.ts checks it against Intl).
const SEPARATORS: Record<Lang, { group: string; decimal: string }> = {
	vi: { group: '.', decimal: ',' },
	en: { group: ',', decimal: '.' }
};

/** abs (≥ 0) with exactly `digits` decimals, its shortest decimal form rounded half up, as Intl does. */
function fixed(abs: number, digits: number): [whole: string, fraction: string] {
	const shortest = String(abs);
	// Exponent forms (below 1e-6, from 1e21 on): toFixed is exact enough there.
	const plain = /e/i.test(shortest) ? abs.toFixed(digits) : shortest;
	const [whole, fraction = ''] = plain.split('.');
	if (fraction.length <= digits) return [whole, fraction.padEnd(digits, '0')];
	let kept = whole + fraction.slice(0, digits);
	if (fraction[digits] >= '5') kept = (BigInt(kept) + 1n).toString().padStart(kept.length, '0');
	return [kept.slice(0, kept.length - digits) || '0', kept.slice(kept.length - digits)];
}

export function formatNumber(value: number | null | undefined, lang: Lang, digits = 0): string {
	if (value === null || value === undefined || !Number.isFinite(value)) return '–';
	const { group, decimal } = SEPARATORS[lang];
	const [whole, fraction] = fixed(Math.abs(value), digits);
	const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
	const sign = value < 0 || Object.is(value, -0) ? '-' : '';
	return `${sign}${grouped}${digits > 0 ? decimal + fraction : ''}`;
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
/** English month names, in full: "1 July 2025". */
export const MONTH_NAMES_EN = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December'
];

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
