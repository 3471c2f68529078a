/**
 * What the coverage map and unit pages need, taken from the published tables: the units, and
 * per year and unit only the columns the map's measures read (nulls and false flags dropped).
 */
import { breakdownIds, mainBreakdown } from './breakdowns';
import type { Row } from './published';
import { measureOf, type MapMeasure, type UnitMeasure } from './coverage';
import { rateIndicators, type Plan } from './plan';
import { foldDiacritics, type UnitLevel } from './units';
import { predecessorRows, publishedEraOfYear, publishedEras, type UnitRow } from './unit-eras';

export interface MapUnit {
	code: string;
	name: string;
	level: UnitLevel;
	district_code: string;
	name_ascii: string;
	/** for a unit a reform made: the old units it took in (their codes and names, from the era before) */
	predecessors?: { code: string; name: string }[];
}

/**
 * The units of one span of time (the units table's valid_from .. valid_to): the map of a year
 * shows the units of the era in force on the year's last day, and joins its figures to them.
 */
export interface MapEra {
	/** first day (ISO), '' for the plan's first units */
	from: string;
	/** last day (ISO), '' while the era holds */
	to: string;
	units: MapUnit[];
}

export interface MapModel {
	years: number[];
	/**
	 * every unit of every era, as the units table lists them (a code may appear once per era:
	 * new units reuse old codes). A year's units are those of its era: unitsOfYear().
	 */
	units: MapUnit[];
	/** the units per era, oldest first */
	eras: MapEra[];
	/** values[year][unit code]: a trimmed indicators row */
	values: Record<number, Record<string, Row>>;
	/** share of the unit's own reports for the year that arrived on time (%), null if none was due */
	timeliness: Record<number, Record<string, number | null>>;
}

export function mapColumns(plan: Plan): string[] {
	const cols = new Set<string>();
	for (const ind of rateIndicators(plan))
		for (const c of [`${ind.id}_rate`, ind.numerator, ind.denominator]) {
			cols.add(c);
			cols.add(`${c}_suppressed`);
		}
	for (const ind of plan.indicators)
		if (ind.kind === 'unit_count') cols.add(`${ind.id}_count`).add(`${ind.id}_units`);
	return [...cols];
}

export function buildMapModel(
	plan: Plan,
	tables: { indicators: Row[]; units: Row[]; reporting: Row[] }
): MapModel {
	const cols = mapColumns(plan);
	const years = [...new Set(tables.indicators.map((r) => Number(r.year)))].sort((a, b) => a - b);
	const mapUnit = (u: Row): MapUnit => ({
		code: String(u.unit_code),
		name: String(u.name),
		level: u.level as UnitLevel,
		district_code: String(u.district_code),
		name_ascii: String(u.name_ascii)
	});
	const units = tables.units.filter((u) => u.level !== 'province').map(mapUnit);
	const unitRows = tables.units.map((u) => ({
		...u,
		unit_code: String(u.unit_code),
		name: String(u.name),
		level: String(u.level),
		district_code: String(u.district_code ?? '')
	})) as UnitRow[];
	const published = publishedEras(unitRows);
	const eras: MapEra[] = published.map((era) => ({
		from: era.from,
		to: era.to,
		units: era.rows
			.filter((r) => r.level !== 'province')
			.map((r) => {
				const olds = predecessorRows(published, era, r.unit_code);
				const u = mapUnit(r as Row);
				return olds.length === 0
					? u
					: { ...u, predecessors: olds.map((o) => ({ code: o.unit_code, name: o.name })) };
			})
	}));
	const values: MapModel['values'] = {};
	for (const r of tables.indicators) {
		const trimmed: Row = {};
		for (const c of cols)
			if (r[c] !== null && r[c] !== false && r[c] !== undefined) trimmed[c] = r[c];
		(values[Number(r.year)] ??= {})[String(r.unit_code)] = trimmed;
	}
	const timeliness: MapModel['timeliness'] = {};
	const tally = new Map<string, { due: number; onTime: number }>();
	for (const r of tables.reporting) {
		if (r.status === 'not_due') continue;
		const k = `${r.year}|${r.unit_code}`;
		const t = tally.get(k) ?? { due: 0, onTime: 0 };
		t.due++;
		if (r.status === 'on_time') t.onTime++;
		tally.set(k, t);
	}
	for (const y of years) {
		timeliness[y] = {};
		for (const u of units) {
			const t = tally.get(`${y}|${u.code}`);
			timeliness[y][u.code] = t && t.due > 0 ? Math.round((t.onTime * 1000) / t.due) / 10 : null;
		}
	}
	return { years, units, eras, values, timeliness };
}

/**
 * The published files of an era's units, under data/geo/ (the pipeline's names,
 * src/lib/pipeline/run.ts): the plan's first communes in communes.geojson, a reform's in
 * communes-<from>.geojson, with the crosswalk from the old units in crosswalk-<from>.csv.
 */
export function eraFiles(from: string): {
	communes: 'communes' | `communes-${string}`;
	crosswalk: string | null;
} {
	return from === ''
		? { communes: 'communes', crosswalk: null }
		: { communes: `communes-${from}`, crosswalk: `crosswalk-${from}.csv` };
}

/** What the map's functions read of a model (a model built before eras has its units only). */
export type MapModelView = Pick<MapModel, 'values' | 'timeliness'> & {
	units?: MapUnit[];
	eras?: MapEra[];
};

/** The era a year's figures belong to: the one in force on the year's last day. */
export function mapEraOfYear(model: Pick<MapModelView, 'eras' | 'units'>, year: number): MapEra {
	if (!model.eras || model.eras.length === 0) return { from: '', to: '', units: model.units ?? [] };
	// the same rule as the units table's readers (unit-eras): an era holds from its first day on
	const spans = model.eras.map((e) => ({ from: e.from, to: e.to, rows: [] }));
	return model.eras[spans.indexOf(publishedEraOfYear(spans, year))];
}

/** The units a year's figures are keyed by (codes mean a unit only within their era). */
export const unitsOfYear = (model: Pick<MapModelView, 'eras' | 'units'>, year: number): MapUnit[] =>
	mapEraOfYear(model, year).units;

/** Whether two years are keyed by the same units (a unit's trend spans only such years). */
export const sameEra = (
	model: Pick<MapModelView, 'eras' | 'units'>,
	a: number,
	b: number
): boolean => mapEraOfYear(model, a) === mapEraOfYear(model, b);

/** Vietnamese collation for unit names ("Xã Đắk …" sorts after "Xã Dục …" as Vietnamese expect). */
export const unitCollator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Diacritic- and case-insensitive search: "dak choong" finds "Xã Đắk Choong". */
export function matchesUnit(
	unit: Pick<MapUnit, 'name' | 'name_ascii' | 'code'>,
	query: string
): boolean {
	const q = fold(query).trim();
	if (q === '') return true;
	return fold(unit.name).includes(q) || unit.code.startsWith(q);
}

const fold = (s: string) => foldDiacritics(s).toLowerCase().replace(/\s+/g, ' ');

/**
 * Children by the plan's first breakdown (Kon Tum: disability type) per year and unit, from the
 * protected cube (null: suppressed), in the order of `typeCodes`.
 * Only units whose level publishes the breakdown have cells for it (the manifest's breakdown
 * depth): a commune has none when communes publish totals only. A cell without its flag is a
 * bug: it stops the build, it is never shown as "not hidden".
 */
export function childrenByType(
	cube: Row[],
	typeCodes: string[],
	by = mainBreakdown.id
): Record<number, Record<string, (number | null)[]>> {
	const out: Record<number, Record<string, (number | null)[]>> = {};
	const others = breakdownIds.filter((d) => d !== by);
	for (const r of cube) {
		if (r[by] === 'all') continue;
		if (others.some((d) => r[d] !== 'all')) continue;
		const flag = r.children_suppressed;
		if (flag !== true && flag !== false && flag !== null)
			throw new Error(`children_cube: children_suppressed missing (${r.year}, ${r.unit_code})`);
		const y = Number(r.year);
		const arr = ((out[y] ??= {})[String(r.unit_code)] ??= typeCodes.map(() => null));
		// a flag left empty counts as hidden
		arr[typeCodes.indexOf(String(r[by]))] =
			flag === false && typeof r.children === 'number' ? r.children : null;
	}
	return out;
}

/** Every unit of a level with its measure and class for one year, judged against that year's phase. */
export function mapView(
	model: MapModelView,
	plan: Pick<Plan, 'phases'>,
	measure: MapMeasure,
	year: number,
	level: 'commune' | 'district'
): { phaseId: string; units: (MapUnit & UnitMeasure)[] } {
	const phaseId = (
		plan.phases.find((p) => year >= p.startYear && year <= p.endYear) ?? plan.phases.at(-1)!
	).id;
	const units = unitsOfYear(model, year)
		.filter((u) => u.level === level)
		.map((u) => ({
			...u,
			...measureOf(measure, model.values[year]?.[u.code], phaseId, model.timeliness[year]?.[u.code])
		}));
	return { phaseId, units };
}

/** "51/102 xã, phường, thị trấn có mạng lưới liên kết dịch vụ (mục tiêu 2025: 51/102)". */
export function networkSentence(
	model: MapModelView,
	plan: Pick<Plan, 'phases' | 'indicators'>,
	year: number,
	lang: 'vi' | 'en'
): string {
	const ind = plan.indicators.find((i) => i.kind === 'unit_count' && i.level === 'commune');
	const era = mapEraOfYear(model, year);
	const communes = era.units.filter((u) => u.level === 'commune');
	// a commune's own count is its flag for the year's phase (services maintained, then a network)
	const withNetwork = communes.filter(
		(u) => ind && model.values[year]?.[u.code]?.[`${ind.id}_count`] === 1
	).length;
	const phase =
		plan.phases.find((p) => year >= p.startYear && year <= p.endYear) ?? plan.phases.at(-1)!;
	const target = ind?.targets.find((t) => t.phase === phase.id);
	const tgt = target ? `${target.value}/${target.of ?? communes.length}` : '–';
	// a target counted on the units of an earlier era says so (51/102: of the communes before 2025)
	const earlier = era.from !== '' && target?.of !== undefined;
	// what is counted changes with the phase: the plan's words for the phase's flag
	const what = target?.flagLabel ?? {
		vi: 'có mạng lưới liên kết dịch vụ',
		en: 'have a linked service network'
	};
	return lang === 'vi'
		? `Năm ${year}: ${withNetwork}/${communes.length} xã, phường, thị trấn ${what.vi} (mục tiêu ${phase.endYear}: ${tgt}${earlier ? ' xã, phường, thị trấn trước sắp xếp' : ''}).`
		: `${year}: ${withNetwork}/${communes.length} communes ${what.en} (target ${phase.endYear}: ${tgt}${earlier ? ' communes before the reorganisation' : ''}).`;
}
