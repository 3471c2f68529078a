import { describe, expect, it } from 'vitest';
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
});
