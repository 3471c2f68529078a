import { describe, expect, it } from 'vitest';
import { firstDate, occurrences, onTime } from './duties';
import type { Duty } from './types';

const duty = (d: Partial<Duty>): Duty => ({
	id: 'H1',
	label: { vi: '', en: '' },
	frequency: 'semiannual',
	due: '06-10',
	strict: true,
	reporters: { levels: ['district'], agencies: [] },
	quote: 'trước ngày 10 tháng 6',
	...d
});
// Kon Tum: the plan is dated 6 December 2018
const plan = { document: { date: '2018-12-06' }, years: { first: 2018, last: 2020 } };

describe('"trước ngày" is strictly before', () => {
	it('a report on the due date itself is late; the day before is on time', () => {
		expect(onTime('2019-06-10', '2019-06-10', true)).toBe(false);
		expect(onTime('2019-06-09', '2019-06-10', true)).toBe(true);
	});
	it('a plan that says "đến ngày" (strict false) allows the date itself', () => {
		expect(onTime('2019-06-10', '2019-06-10', false)).toBe(true);
		expect(onTime('2019-06-11', '2019-06-10', false)).toBe(false);
	});
});

describe('no duty before the plan exists', () => {
	it('drops the June 2018 report a December 2018 plan cannot have asked for', () => {
		expect(occurrences(plan, duty({})).map((o) => o.due)).toEqual(['2019-06-10', '2020-06-10']);
	});
	it('keeps the annual report due 10 December 2018, four days after the plan', () => {
		const y = duty({ id: 'Y', frequency: 'annual', due: '12-10' });
		expect(occurrences(plan, y).map((o) => o.due)).toEqual([
			'2018-12-10',
			'2019-12-10',
			'2020-12-10'
		]);
	});
	it("starts from the duty's own first date when it gives one", () => {
		const y = duty({ id: 'Y', frequency: 'annual', due: '12-10', from: '2019-01-01' });
		expect(firstDate(plan, y)).toBe('2019-01-01');
		expect(occurrences(plan, y).map((o) => o.due)).toEqual(['2019-12-10', '2020-12-10']);
	});
	it('drops a one-off deadline that precedes the plan (copied from the parent plan)', () => {
		const ward = { document: { date: '2019-02-26' }, years: { first: 2018, last: 2025 } };
		expect(occurrences(ward, duty({ frequency: 'once', due: '2019-01-20' }))).toEqual([]);
		expect(occurrences(ward, duty({ frequency: 'once', due: '2019-03-20' }))).toHaveLength(1);
	});
	it('owes undated six-monthly reports per half-year from the first date, and no ad hoc report', () => {
		const hy = { document: {}, years: { first: 2013, last: 2014 } };
		expect(occurrences(hy, duty({ due: undefined })).map((o) => [o.year, o.due])).toEqual([
			[2013, null],
			[2013, null],
			[2014, null],
			[2014, null]
		]);
		expect(occurrences(hy, duty({ frequency: 'ad_hoc', due: undefined }))).toEqual([]);
	});
});
