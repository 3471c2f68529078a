import { describe, expect, it } from 'vitest';
import { reportStatus } from './reporting';

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
