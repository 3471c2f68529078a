/**
 * What the overview page needs, taken from the published tables at build time: every
 * indicator's province and district series, the units that count for unit-count targets,
 * and the reporting status of districts against the calendar.
 */
import type { Row } from './published';
import { indicatorSeries, type IndicatorValue } from './indicator-values';
import { currentPhase, type Plan } from './plan';
import type { ReportStatus } from './reporting';
import { namesOfYear, publishedEras, toUnitRows, yearsOfEra } from './unit-eras';

export interface UnitRef {
	code: string;
	name: string;
}

export interface OverviewModel {
	years: number[];
	defaultPhase: string;
	province: Record<string, IndicatorValue[]>;
	/** the districts as the plan's units name them (one per code, the reporters) */
	districts: UnitRef[];
	/**
	 * per year, each district code's name in the era of that year: a district up to the reform, the
	 * former area of the same ground after it ("Khu vực huyện Đắk Hà cũ")
	 */
	districtNames: Record<number, Record<string, string>>;
	/** the reform that ended the districts (its first day) and its first year, when the years reach it */
	districtsEnded: { from: string; year: number } | null;
	/** units per level of the plan's first unit list (the plan's level ids) */
	levelCounts: Record<string, number>;
	districtSeries: Record<string, Record<string, IndicatorValue[]>>;
	/** for unit-count indicators: per year, the units whose flag is set */
	counted: Record<string, Record<number, UnitRef[]>>;
	reporting: {
		code: string;
		year: number;
		period: string;
		status: ReportStatus;
		due: string;
		submitted: string | null;
	}[];
	reportingSummary: {
		year: number;
		period: string;
		expected: number;
		received: number;
		on_time: number;
		late: number;
		missing: number;
		completeness_rate: number | null;
		timeliness_rate: number | null;
	}[];
}

export function buildOverview(
	plan: Plan,
	tables: { indicators: Row[]; units: Row[]; reporting: Row[]; reportingSummary: Row[] },
	asOf: string
): OverviewModel {
	const provinceCode = plan.geography.province.code;
	const years = [...new Set(tables.indicators.map((r) => Number(r.year)))].sort((a, b) => a - b);
	// A code names a unit only with its era: each year's names are those of its era's units.
	const unitRows = toUnitRows(tables.units);
	const eras = publishedEras(unitRows);
	const namesByYear = new Map(years.map((y) => [y, namesOfYear(unitRows, y)]));
	const districts = eras[0].rows
		.filter((u) => u.level === 'district')
		.map((u) => ({ code: u.unit_code, name: u.name }));
	const districtNames: OverviewModel['districtNames'] = {};
	for (const y of years)
		districtNames[y] = Object.fromEntries(
			districts.map((d) => [d.code, namesByYear.get(y)!.get(d.code) ?? d.name])
		);
	const later = eras.find((e, i) => i > 0 && yearsOfEra(eras, e, years).length > 0);
	const districtsEnded = later
		? { from: later.from, year: yearsOfEra(eras, later, years)[0] }
		: null;
	const levelCounts: Record<string, number> = {};
	for (const u of eras[0].rows) levelCounts[u.level] = (levelCounts[u.level] ?? 0) + 1;
	const province: OverviewModel['province'] = {};
	const districtSeries: OverviewModel['districtSeries'] = {};
	const counted: OverviewModel['counted'] = {};
	for (const ind of plan.indicators) {
		province[ind.id] = indicatorSeries(ind, tables.indicators, provinceCode);
		districtSeries[ind.id] = Object.fromEntries(
			districts.map((d) => [d.code, indicatorSeries(ind, tables.indicators, d.code)])
		);
		if (ind.kind === 'unit_count') {
			counted[ind.id] = {};
			for (const y of years)
				counted[ind.id][y] = tables.indicators
					.filter(
						(r) => Number(r.year) === y && r.level === ind.level && r[`${ind.id}_count`] === 1
					)
					.map((r) => ({
						code: String(r.unit_code),
						name: namesByYear.get(y)!.get(String(r.unit_code)) ?? String(r.unit_code)
					}))
					.sort((a, b) => a.code.localeCompare(b.code));
		}
	}
	const asOfYear = Number(asOf.slice(0, 4));
	return {
		years,
		defaultPhase: currentPhase(plan, Math.min(asOfYear, years.at(-1) ?? asOfYear)).id,
		province,
		districts,
		districtNames,
		districtsEnded,
		levelCounts,
		districtSeries,
		counted,
		reporting: tables.reporting
			.filter((r) => r.level === 'district')
			.map((r) => ({
				code: String(r.unit_code),
				year: Number(r.year),
				period: String(r.period),
				status: r.status as ReportStatus,
				due: String(r.due_date),
				submitted: (r.submitted_date as string | null) ?? null
			})),
		reportingSummary: tables.reportingSummary
			.filter((r) => r.level === 'province' && r.reports_level === 'district')
			.map((r) => ({
				year: Number(r.year),
				period: String(r.period),
				expected: Number(r.expected),
				received: Number(r.received),
				on_time: Number(r.on_time),
				late: Number(r.late),
				missing: Number(r.missing),
				completeness_rate: r.completeness_rate as number | null,
				timeliness_rate: r.timeliness_rate as number | null
			}))
	};
}
