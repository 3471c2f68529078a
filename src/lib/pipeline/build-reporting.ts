/**
 * Reporting status against the plan's calendar: per unit and period (on time, late, missing, not
 * yet due), and completeness (received ÷ expected) and timeliness (on time ÷ expected) per scope.
 * Only the levels the plan obliges report (Kon Tum: districts, not communes), and only from the
 * first date the plan can require (no report is owed before the plan exists).
 */
import { dueDate, periodOwed, type Plan } from '../domain/plan';
import { reportStatus } from '../domain/reporting';
import type { UnitEra } from '../domain/unit-eras';
import type { Geography } from '../domain/units';
import type { UnitYear } from './aggregate';
import type { Row, Table } from './build-tables';
import { describeColumns } from './columns';

export function buildReportingTables(
	unitYears: UnitYear[],
	plan: Plan,
	geo: Geography,
	asOf: string,
	era?: UnitEra
): [Table, Table] {
	// a report due after a reform is owed by the levels the reform names (districts were gone)
	const owing = (p: Plan['reporting']['periods'][number], year: number): string[] =>
		era?.from && era.reporterLevels && dueDate(p, year) >= era.from ? era.reporterLevels : p.levels;
	const rows: Row[] = [];
	for (const u of unitYears) {
		if (u.level === 'province') continue;
		for (const p of plan.reporting.periods) {
			if (!owing(p, u.year).includes(u.level) || !periodOwed(p, u.year)) continue;
			const due = dueDate(p, u.year);
			const submitted = u.submitted[p.column] ?? null;
			rows.push({
				year: u.year,
				period: p.id,
				level: u.level,
				unit_code: u.unit_code,
				district_code: u.district_code,
				due_date: due,
				submitted_date: submitted,
				status: reportStatus(submitted, due, asOf, p.strict)
			});
		}
	}
	const summary: Row[] = [];
	const years = [...new Set(unitYears.map((u) => u.year))].sort();
	const obliged = (level: string) =>
		plan.reporting.periods.some((p) => p.levels.includes(level as never)) ||
		rows.some((r) => r.level === level);
	const scopes = [
		{
			code: geo.province.code,
			level: 'province',
			reports_level: 'district',
			of: (r: Row) => r.level === 'district'
		},
		{
			code: geo.province.code,
			level: 'province',
			reports_level: 'commune',
			of: (r: Row) => r.level === 'commune'
		},
		...geo.districts.map((d) => ({
			code: d.code,
			level: 'district',
			reports_level: 'commune',
			of: (r: Row) => r.level === 'commune' && r.district_code === d.code
		}))
	].filter((s) => obliged(s.reports_level));
	for (const year of years)
		for (const p of plan.reporting.periods)
			for (const s of scopes) {
				if (!periodOwed(p, year)) continue;
				const these = rows.filter((r) => r.year === year && r.period === p.id && s.of(r));
				const n = (status: string) => these.filter((r) => r.status === status).length;
				const expected = these.length - n('not_due');
				const received = n('on_time') + n('late');
				const pct = (x: number) => (expected === 0 ? null : Math.round((x * 1000) / expected) / 10);
				summary.push({
					year,
					period: p.id,
					level: s.level,
					unit_code: s.code,
					reports_level: s.reports_level,
					expected,
					received,
					on_time: n('on_time'),
					late: n('late'),
					missing: n('missing'),
					completeness_rate: pct(received),
					timeliness_rate: pct(n('on_time'))
				});
			}
	// who owes reports, in the plan's own words for its levels (Kon Tum: huyện, thành phố)
	const who = (lang: 'vi' | 'en') =>
		plan.spec.geography.levels
			.filter((l) => obliged(l.id))
			.map((l) => l.label[lang])
			.join(lang === 'vi' ? ' và ' : ' and ');
	const reporting: Table = {
		name: 'reporting',
		title: {
			vi: 'Tình trạng nộp báo cáo theo đơn vị và kỳ',
			en: 'Report status by unit and period'
		},
		description: {
			vi: `Mỗi dòng là một báo cáo phải nộp (${who('vi')}): hạn theo kế hoạch (đúng hạn là nộp trước ngày này), ngày nhận và tình trạng. Không có kỳ nào trước khi kế hoạch được ban hành.`,
			en: `One row per report owed (${who('en')}): due date from the plan (on time means before that date), date received and status. No period falls before the plan was issued.`
		},
		columns: describeColumns(plan, Object.keys(rows[0] ?? {})),
		rows
	};
	const reportingSummary: Table = {
		name: 'reporting_summary',
		title: { vi: 'Tỷ lệ đầy đủ và đúng hạn của báo cáo', en: 'Report completeness and timeliness' },
		description: {
			vi: `Tỷ lệ trên các báo cáo phải nộp (${who('vi')}). Không tính kỳ chưa đến hạn.`,
			en: `Rates over the reports owed (${who('en')}). Periods not yet due are left out.`
		},
		columns: describeColumns(plan, Object.keys(summary[0] ?? {})),
		rows: summary
	};
	return [reporting, reportingSummary];
}

export function buildUnitsTable(plan: Plan, geo: Geography, era?: UnitEra): Table {
	const rows: Row[] = [geo.province, ...geo.districts, ...geo.communes].map((u) => ({
		unit_code: u.code,
		name: u.name,
		type: u.type,
		level: u.level,
		district_code: u.district_code,
		name_ascii: u.name_ascii,
		// a code names a unit within its era only: new units reuse old codes (unit-eras.ts)
		...(era
			? {
					valid_from: era.from ?? '',
					valid_to: era.until ?? '',
					predecessor_codes: (era.predecessors.get(u.code) ?? []).map((p) => p.code).join(';')
				}
			: {})
	}));
	return {
		name: 'units',
		title: { vi: 'Danh mục đơn vị hành chính', en: 'Administrative units' },
		description: {
			vi: `Mã và tên đơn vị theo Tổng cục Thống kê (${unitCounts(plan, geo, 'vi')}).`,
			en: `GSO unit codes and names (${unitCounts(plan, geo, 'en')}).`
		},
		columns: describeColumns(plan, Object.keys(rows[0])),
		rows
	};
}

/** "Tỉnh: 1, Huyện, thành phố: 10, Xã, phường, thị trấn: 102", from the plan's levels and the list. */
export function unitCounts(plan: Plan, geo: Geography, lang: 'vi' | 'en'): string {
	const n = [1, geo.districts.length, geo.communes.length];
	return plan.spec.geography.levels.map((l, i) => `${l.label[lang]}: ${n[i] ?? 0}`).join(', ');
}
