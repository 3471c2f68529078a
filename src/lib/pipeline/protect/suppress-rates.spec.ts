import { describe, expect, it } from 'vitest';
import { rateCell } from './suppress-rates';

const withheld = { value: null, suppressed: true };
const noData = { value: null, suppressed: false };

describe('rateCell', () => {
	it('gives a percentage rounded to one decimal', () => {
		expect(rateCell(2, 6, false, false)).toEqual({ value: 33.3, suppressed: false });
		expect(rateCell(2, 3, false, false, 3)).toEqual({ value: 66.7, suppressed: false });
		expect(rateCell(1, 8, false, false)).toEqual({ value: 12.5, suppressed: false });
		expect(rateCell(0, 7, false, false)).toEqual({ value: 0, suppressed: false });
		expect(rateCell(7, 7, false, false)).toEqual({ value: 100, suppressed: false });
		expect(rateCell(999, 1000, false, false)).toEqual({ value: 99.9, suppressed: false });
		expect(rateCell(9999, 10000, false, false)).toEqual({ value: 100, suppressed: false });
	});

	it('has no data when the denominator is 0 or missing', () => {
		expect(rateCell(0, 0, false, false)).toEqual(noData);
		expect(rateCell(null, null, false, false)).toEqual(noData);
		expect(rateCell(3, null, false, false)).toEqual(noData);
		expect(rateCell(null, 12, false, false)).toEqual(noData);
	});

	it('is withheld when either count is suppressed', () => {
		expect(rateCell(3, 20, true, false)).toEqual(withheld);
		expect(rateCell(10, 12, false, true)).toEqual(withheld);
		expect(rateCell(3, 4, true, true)).toEqual(withheld);
	});

	it('does not reveal a suppressed zero denominator as "no data"', () => {
		expect(rateCell(0, 0, false, true)).toEqual(withheld);
	});

	it('is withheld when the denominator is below the minimum', () => {
		expect(rateCell(4, 4, false, false)).toEqual(withheld);
		expect(rateCell(0, 1, false, false)).toEqual(withheld);
		expect(rateCell(5, 5, false, false)).toEqual({ value: 100, suppressed: false });
		expect(rateCell(5, 9, false, false, 10)).toEqual(withheld);
		expect(rateCell(3, 4, false, false, 1)).toEqual({ value: 75, suppressed: false });
	});

	it('throws on a numerator above the denominator or an invalid count (pipeline bugs)', () => {
		expect(() => rateCell(6, 5, false, false)).toThrow(/exceeds/);
		expect(() => rateCell(6, 5, true, true)).toThrow(/exceeds/);
		expect(() => rateCell(1, 0, false, false)).toThrow(/exceeds/);
		expect(() => rateCell(Number.NaN, 5, false, false)).toThrow(/invalid/);
		expect(() => rateCell(1, Infinity, false, false)).toThrow(/invalid/);
		expect(() => rateCell(-1, 5, false, false)).toThrow(/invalid/);
	});

	it('is never NaN and never above 100 for num ≤ den', () => {
		for (let den = 0; den <= 60; den++) {
			for (let num = 0; num <= den; num++) {
				const { value, suppressed } = rateCell(num, den, false, false);
				if (value === null) {
					expect(den < 5).toBe(true);
					expect(suppressed).toBe(den > 0);
					continue;
				}
				expect(Number.isNaN(value)).toBe(false);
				expect(value).toBeGreaterThanOrEqual(0);
				expect(value).toBeLessThanOrEqual(100);
				expect(Math.abs(value - (100 * num) / den)).toBeLessThanOrEqual(0.05 + 1e-9);
				expect(Math.round(value * 10)).toBeCloseTo(value * 10, 9);
			}
		}
	});
});
