import { describe, expect, it, test } from 'vitest';
import { reportingLeadParts, reportStatus } from './reporting';

describe('reportStatus', () => {
	it('"trước ngày 10/6" is strictly before: a report on the 10th is late', () => {
		expect(reportStatus('2020-06-09', '2020-06-10', '2025-12-31')).toBe('on_time');
		expect(reportStatus('2020-06-10', '2020-06-10', '2025-12-31')).toBe('late');
		expect(reportStatus('2020-06-01', '2020-06-10', '2025-12-31')).toBe('on_time');
	});
	it('a plan that allows the due date itself (strict = false) counts the 10th on time', () => {
		expect(reportStatus('2020-06-10', '2020-06-10', '2025-12-31', false)).toBe('on_time');
		expect(reportStatus('2020-06-11', '2020-06-10', '2025-12-31', false)).toBe('late');
	});
	it('is late after the due date', () => {
		expect(reportStatus('2020-06-11', '2020-06-10', '2025-12-31')).toBe('late');
	});
	it('is missing once due and not received, not due before that', () => {
		expect(reportStatus(null, '2020-06-10', '2020-06-10')).toBe('missing');
		expect(reportStatus(null, '2025-12-10', '2025-06-30')).toBe('not_due');
	});
});

describe('reportingLeadParts: the rule in the plan’s own terms', () => {
	const periods = [
		{
			label: { vi: 'Báo cáo 6 tháng', en: 'Semi-annual report' },
			due: '06-10',
			strict: true,
			levels: ['district']
		},
		{
			label: { vi: 'Báo cáo năm', en: 'Annual report' },
			due: '12-10',
			strict: false,
			levels: ['district']
		}
	];
	const levels = [
		{ id: 'province', label: { vi: 'Tỉnh', en: 'Province' }, units: 1 },
		{ id: 'district', label: { vi: 'Huyện, thành phố', en: 'District' }, units: 10 },
		{ id: 'commune', label: { vi: 'Xã, phường, thị trấn', en: 'Commune' }, units: 102 }
	];
	test('names the obliged level with its count and every deadline with the plan’s word', () => {
		expect(reportingLeadParts(periods, levels, 'vi')).toEqual({
			reporters: '10 huyện, thành phố',
			dues: 'báo cáo 6 tháng trước ngày 10/6, báo cáo năm đến hết ngày 10/12'
		});
		expect(reportingLeadParts(periods, levels, 'en')).toEqual({
			reporters: '10 district units',
			dues: 'semi-annual report before 10 June, annual report by 10 December'
		});
	});
});
