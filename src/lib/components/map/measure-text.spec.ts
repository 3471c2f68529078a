/**
 * The map's counts line ("3.601 trên 4.241"): an empty count hidden as small says so; an empty
 * count that was never reported (a year with no children report) is not called hidden.
 */
import { describe, expect, it } from 'vitest';
import plan from '../../../../data/plans/kontum-3430.json';
import { mapMeasures, measureOf } from '$lib/domain/coverage';
import { planFromJson } from '$lib/domain/plan';
import { countsText, measureValueText } from './measure-text';

const access = mapMeasures(planFromJson(plan)).find((m) => m.id === 'access')!;

describe('countsText', () => {
	it('a year with no report: no counts, "no data", never "hidden (<5)"', () => {
		const row = {
			access_rate: null,
			access_rate_suppressed: false,
			accessed: null,
			accessed_suppressed: false,
			children: null,
			children_suppressed: false
		};
		const u = measureOf(access, row, '2021-2025');
		expect(countsText(u, 'vi')).toBe('');
		expect(measureValueText(access, u, 'vi')).toBe('Không có dữ liệu');
		expect(measureValueText(access, u, 'en')).toBe('No data');
	});

	it('a count hidden as small still says so', () => {
		const row = {
			access_rate: null,
			access_rate_suppressed: true,
			accessed: null,
			accessed_suppressed: true,
			children: 12,
			children_suppressed: false
		};
		expect(countsText(measureOf(access, row, '2021-2025'), 'vi')).toBe('Đã ẩn (<5) trên 12');
	});
});
