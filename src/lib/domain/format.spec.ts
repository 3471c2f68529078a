import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatDate, formatNumber, formatOf, formatPercent, formatPoints } from './format';

describe('format', () => {
	it('writes Vietnamese numbers with a dot for thousands and a comma for decimals', () => {
		expect(formatNumber(4345, 'vi')).toBe('4.345');
		expect(formatNumber(4345, 'en')).toBe('4,345');
		expect(formatPercent(73.46, 'vi')).toBe('73,5%');
		expect(formatPercent(73.46, 'en')).toBe('73.5%');
		expect(formatPercent(90, 'vi')).toBe('90%');
	});
	it('shows a dash, never NaN, for missing values', () => {
		expect(formatPercent(null, 'vi')).toBe('–');
		expect(formatNumber(NaN, 'en')).toBe('–');
		expect(formatOf(null, 102, 'vi')).toBe('–');
	});
	it('signs gaps in points', () => {
		expect(formatPoints(-4.6, 'vi')).toBe('−4,6 điểm %');
		expect(formatPoints(3, 'en')).toBe('+3 pts');
	});
	it('formats dates in each language', () => {
		expect(formatDate('2025-12-10', 'vi')).toBe('10/12/2025');
		expect(formatDate('2025-12-10', 'en')).toBe('10 Dec 2025');
		expect(formatDate('2026-01-05', 'vi')).toBe('05/01/2026');
		expect(formatDate('2026-09-05', 'en')).toBe('5 Sep 2026');
		expect(formatDate('', 'en')).toBe('–');
		expect(formatOf(51, 102, 'vi')).toBe('51/102');
	});

	it('writes numbers exactly as Intl.NumberFormat does for vi-VN and en-GB', () => {
		const intl = (value: number, lang: 'vi' | 'en', digits: number) =>
			new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
				maximumFractionDigits: digits,
				minimumFractionDigits: digits
			}).format(value);
		for (const [v, d] of [
			[1.005, 2],
			[0.125, 2],
			[2.5, 0],
			[-0, 0],
			[-0.04, 1],
			[1234567.891, 1],
			[999.96, 1],
			[0.5, 0],
			[1e-7, 2],
			[4345, 0]
		] as const)
			for (const lang of ['vi', 'en'] as const)
				expect(formatNumber(v, lang, d)).toBe(intl(v, lang, d));
		fc.assert(
			fc.property(
				fc.double({ min: -1e12, max: 1e12, noNaN: true }),
				fc.integer({ min: 0, max: 3 }),
				fc.constantFrom('vi' as const, 'en' as const),
				(v, d, lang) => formatNumber(v, lang, d) === intl(v, lang, d)
			),
			{ numRuns: 5000 }
		);
	});
});
