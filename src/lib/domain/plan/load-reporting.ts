/** Checks the reporting duties of a plan file (see load.ts). */
import type { Label } from '../breakdowns';
import { isMonthDay, type Checker, type PlanError } from './check';
import type * as T from './types';

const LEVELS: Label = { vi: 'các cấp (geography.levels)', en: 'levels (geography.levels)' };

export function checkDuties(
	c: Checker,
	list: unknown,
	levelIds: Set<string>,
	planDate: string | undefined,
	warnings: PlanError[]
): T.Duty[] {
	const duties = c.arr(list, 'reporting.duties').map((v, i): T.Duty => {
		const p = `reporting.duties[${i}]`;
		const o = c.obj(v, p) ?? {};
		const known = c.oneOf(o.frequency, `${p}.frequency`, [
			'once',
			'semiannual',
			'annual',
			'ad_hoc'
		] as const);
		const frequency = known ?? 'ad_hoc';
		const due = c.str(o.due, `${p}.due`, { optional: true });
		if (due !== undefined && known) {
			if (frequency === 'ad_hoc')
				c.error(
					`${p}.due`,
					'Báo cáo đột xuất không có hạn cố định: bỏ trường due.',
					'An ad hoc report has no fixed due date: remove due.'
				);
			else if (frequency === 'once' && !c.date(due, `${p}.due`)) void 0;
			else if (frequency !== 'once' && !isMonthDay(due))
				c.error(
					`${p}.due`,
					'Báo cáo định kỳ: viết hạn là MM-DD (ví dụ "06-10" cho ngày 10/6).',
					'A recurring report: write its due date as MM-DD (e.g. "06-10" for 10 June).'
				);
		}
		const ro = c.obj(o.reporters, `${p}.reporters`) ?? {};
		const reporters = {
			levels: c
				.arr(ro.levels, `${p}.reporters.levels`, { optional: true })
				.map((l, j) => c.str(l, `${p}.reporters.levels[${j}]`) ?? ''),
			agencies: c
				.arr(ro.agencies, `${p}.reporters.agencies`, { optional: true })
				.map((a, j) => c.label(a, `${p}.reporters.agencies[${j}]`)!)
		};
		reporters.levels.forEach((l, j) => c.ref(l, `${p}.reporters.levels[${j}]`, levelIds, LEVELS));
		if (reporters.levels.length + reporters.agencies.length === 0)
			c.error(
				`${p}.reporters`,
				'Ghi ai phải báo cáo: levels (các cấp) và/hoặc agencies (cơ quan).',
				'Say who reports: levels and/or agencies.'
			);
		const from = c.date(o.from, `${p}.from`, { optional: true });
		if (from && planDate && from < planDate)
			c.error(
				`${p}.from`,
				`Ngày bắt đầu ${from} trước ngày ban hành kế hoạch ${planDate}: không thể yêu cầu báo cáo trước khi có kế hoạch.`,
				`First date ${from} is before the plan's own date ${planDate}: no report can be due before the plan exists.`
			);
		if (frequency === 'once' && due && planDate && due < planDate)
			warnings.push({
				path: `${p}.due`,
				vi: `Hạn ${due} trước ngày ban hành ${planDate} (chép từ kế hoạch cấp trên?): không tính là hạn phải nộp.`,
				en: `Due ${due} precedes the plan's own date ${planDate} (copied from a parent plan?): it is not counted as due.`
			});
		return {
			id: c.str(o.id, `${p}.id`) ?? '',
			label: c.label(o.label, `${p}.label`)!,
			frequency,
			due,
			strict: c.bool(o.strict, `${p}.strict`, true),
			from,
			reporters,
			quote: c.str(o.quote, `${p}.quote`) ?? '',
			column: c.str(o.column, `${p}.column`, { optional: true })
		};
	});
	c.unique(
		duties.map((d) => d.id),
		(i) => `reporting.duties[${i}].id`
	);

	return duties;
}
