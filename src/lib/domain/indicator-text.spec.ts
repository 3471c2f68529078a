import { describe, expect, it } from 'vitest';
import plan from '../../../data/plans/kontum-3430.json';
import { formatGap, formatIndicatorValue, indicatorSentence } from './indicator-text';
import { planFromJson } from './plan';

const p = planFromJson(plan);
const access = p.indicators.find((i) => i.id === 'access')!;
const communes = p.indicators.find((i) => i.id === 'network_communes')!;

describe('indicator text', () => {
	it('writes the sentence leaders quote', () => {
		const v = { year: 2025, value: 86, suppressed: false };
		expect(indicatorSentence(access, v, { value: 90 }, 'not_met', 'vi')).toBe(
			'Tiếp cận dịch vụ năm 2025: 86%, mục tiêu 90%, không đạt.'
		);
		expect(indicatorSentence(access, v, { value: 90 }, 'not_met', 'en')).toBe(
			'Access to services in 2025: 86%, target 90%, not met.'
		);
	});
	it('says hidden, never zero, for suppressed values', () => {
		expect(formatIndicatorValue(access, { year: 2025, value: null, suppressed: true }, 'vi')).toBe(
			'Đã ẩn (<5)'
		);
	});
	it('writes unit counts as n/of and their gaps in units', () => {
		expect(
			formatIndicatorValue(communes, { year: 2025, value: 51, of: 102, suppressed: false }, 'vi')
		).toBe('51/102');
		expect(formatGap(communes, -3, 'vi')).toBe('−3 xã');
		expect(formatGap(access, -4.6, 'en')).toBe('−4.6 pts');
	});
});
