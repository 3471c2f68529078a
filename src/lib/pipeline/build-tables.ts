/**
 * Turns aggregated values into the published tables, protected: counts of 1–4 suppressed with
 * complementary suppression over every additive identity of the table, rates withheld when a
 * count they come from is, or their denominator is under 5.
 */
import { ALL, breakdownIds, childCountColumns, type Label } from '../domain/breakdowns';
import { dueDate, flagInYear, rateIndicators, type Plan } from '../domain/plan';
import type { Protection } from '../domain/published';
import { childrenOf, type Geography } from '../domain/units';
import type { UnitEra } from '../domain/unit-eras';
import type { CubeRow, UnitYear } from './aggregate';
import type { ReadUnit } from './audit/cell-system';
import { describeColumns, suppressedFlag, type ColumnSpec } from './columns';
import { rateCell, type TableShape } from './protect';
import { secureTable, type SecureResult } from './protect/secure';

export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;

export interface Table {
	name: string;
	title: Label;
	description: Label;
	columns: ColumnSpec[];
	rows: Row[];
	/** the additive identities the protection used; the disclosure tests re-check them */
	shape?: TableShape;
}

const unitHierarchy = (geo: Geography): TableShape['hierarchy'] => ({
	column: 'unit_code',
	childrenOf: new Map(
		[geo.province, ...geo.districts].map((u) => [
			u.code,
			childrenOf(geo, u.code).map((c) => c.code)
		])
	),
	ignore: ['level', 'district_code']
});

/** The unit list as the audit reads it: each unit and the unit it adds up to. */
export function unitTreeOf(geo: Geography): ReadUnit[] {
	return [
		{ code: geo.province.code, parent: null },
		...geo.districts.map((d) => ({ code: d.code, parent: geo.province.code })),
		...geo.communes.map((c) => ({ code: c.code, parent: c.district_code }))
	];
}

/** What protecting a table did, for the manifest. */
export interface Protected {
	table: string;
	result: SecureResult;
}

/**
 * Protects the plan's measures among `columns` in place (SECURITY.md, protect/secure.ts) and
 * adds their `_suppressed` flags. Which columns are protected comes from the plan, not a list.
 */
async function protectCounts(
	name: string,
	rows: Row[],
	columns: string[],
	shape: TableShape,
	plan: Plan,
	geo: Geography
): Promise<SecureResult> {
	const measures = plan.measures.map((m) => m.id).filter((m) => columns.includes(m));
	const result = await secureTable({
		name,
		rows,
		columns: describeColumns(plan, [...shape.dimensions, ...measures]),
		shape,
		measures,
		units: unitTreeOf(geo),
		rule: plan.publication.rule
	});
	if (result.remaining.length > 0)
		throw new ProtectionError(
			`${name}: ${result.remaining.length} small groups stay exposed after ${result.rounds} rounds of complementary suppression, e.g. ${result.remaining[0].key} (${result.remaining[0].conclusion})`
		);
	for (const col of measures)
		rows.forEach((r, i) => {
			const hidden = result.hidden[col][i];
			r[suppressedFlag(col)] = hidden;
			if (hidden) r[col] = null;
		});
	return result;
}

/** Protection could not be completed: nothing may be published. */
export class ProtectionError extends Error {}

/** Adds a rate column from two protected count columns of the same rows. */
function addRate(
	rows: Row[],
	name: string,
	num: string,
	den: string,
	raw: (i: number) => [number | null, number | null],
	minDenominator: number
) {
	rows.forEach((r, i) => {
		const [n, d] = raw(i);
		// a count without a flag has not been through protection: never publish a rate on it
		for (const c of [num, den])
			if (typeof r[suppressedFlag(c)] !== 'boolean')
				throw new Error(`rate ${name}: ${c} has no protection flag in this table`);
		const cell = rateCell(
			n,
			d,
			r[suppressedFlag(num)] === true,
			r[suppressedFlag(den)] === true,
			minDenominator
		);
		r[name] = cell.value;
		r[suppressedFlag(name)] = cell.suppressed;
	});
}

export async function buildCubeTable(
	cube: CubeRow[],
	plan: Plan,
	geo: Geography,
	report: Protected[]
): Promise<Table> {
	const counts = [...childCountColumns];
	const rows: Row[] = cube.map((r) => ({ ...r }));
	const raw = cube;
	const shape: TableShape = {
		dimensions: ['year', 'level', 'unit_code', 'district_code', ...breakdownIds],
		marginals: Object.fromEntries(breakdownIds.map((d) => [d, ALL])),
		hierarchy: unitHierarchy(geo)
	};
	report.push({
		table: 'children_cube',
		result: await protectCounts('children_cube', rows, counts, shape, plan, geo)
	});
	const rates = rateIndicators(plan).filter(
		(i) =>
			(counts as string[]).includes(i.numerator) && (counts as string[]).includes(i.denominator)
	);
	for (const ind of rates)
		addRate(
			rows,
			`${ind.id}_rate`,
			ind.numerator,
			ind.denominator,
			(i) => [
				raw[i][ind.numerator as keyof CubeRow] as number,
				raw[i][ind.denominator as keyof CubeRow] as number
			],
			plan.publication.rule.minDenominator
		);
	const names = [...shape.dimensions, ...counts, ...rates.map((i) => `${i.id}_rate`)];
	return {
		name: 'children_cube',
		title: {
			vi: 'TEKT theo dạng tật, mức độ, giới tính, nhóm tuổi, dân tộc',
			en: 'Children with disabilities by type, severity, sex, age band and ethnicity'
		},
		description: cubeDescription(plan),
		columns: describeColumns(
			plan,
			withFlags(names, [...counts, ...rates.map((i) => `${i.id}_rate`)])
		),
		rows,
		shape
	};
}

/** What each level publishes, from the plan's breakdown depth. */
function cubeDescription(plan: Plan): Label {
	const d = plan.publication.breakdownDepth;
	const vi = (n: number) =>
		n === 0
			? 'chỉ dòng tổng'
			: n === 1
				? 'dòng tổng và từng phân tổ một'
				: `dòng tổng và tổ hợp tối đa ${n} phân tổ`;
	const en = (n: number) =>
		n === 0
			? 'totals only'
			: n === 1
				? 'totals and one breakdown at a time'
				: `totals and combinations of up to ${n} breakdowns`;
	return {
		vi: `Tỉnh: ${vi(d.province)}. Huyện: ${vi(d.district)}. Xã: ${vi(d.commune)}. Dòng tổng của một phân tổ có giá trị "all".`,
		en: `Province: ${en(d.province)}. Districts: ${en(d.district)}. Communes: ${en(d.commune)}. A breakdown's total has the value "all".`
	};
}

function withFlags(names: string[], protectedCols: string[]): string[] {
	return [...names, ...protectedCols.map(suppressedFlag)];
}

/**
 * One row per unit and year with every indicator of the plan. Children counts come from the
 * protected cube's total rows, so a value is hidden the same way wherever it is published.
 */
export async function buildIndicatorTable(
	cubeTable: Table,
	cubeRaw: CubeRow[],
	unitYears: UnitYear[],
	plan: Plan,
	geo: Geography,
	report: Protected[],
	era?: UnitEra
): Promise<Table> {
	// the cube's measures the plan's rates use, and the group size: one row per unit carries them
	const cubeMeasures = new Set<string>(childCountColumns);
	const used = rateIndicators(plan).flatMap((i) => [i.numerator, i.denominator]);
	const childCols = plan.measures
		.map((m) => m.id)
		.filter((m) => cubeMeasures.has(m) && (used.includes(m) || m === 'children'));
	const totals = new Map<string, Row>();
	for (const r of cubeTable.rows)
		if (breakdownIds.every((d) => r[d] === ALL)) totals.set(`${r.unit_code}|${r.year}`, r);
	const unitCols = ['caregivers', 'caregivers_trained', 'staff', 'staff_trained'] as const;
	const rows: Row[] = unitYears.map((u) => {
		const t = totals.get(`${u.unit_code}|${u.year}`);
		const row: Row = {
			year: u.year,
			level: u.level,
			unit_code: u.unit_code,
			district_code: u.district_code
		};
		for (const c of childCols) {
			row[c] = (t?.[c] as number | null) ?? null;
			row[suppressedFlag(c)] = t?.[suppressedFlag(c)] === true;
		}
		for (const c of unitCols) row[c] = u[c];
		for (const f of plan.flags) row[f.id] = u.flags[f.id] ?? null;
		return row;
	});
	report.push({
		table: 'indicators',
		result: await protectCounts(
			'indicators',
			rows,
			[...unitCols],
			{
				dimensions: ['year', 'level', 'unit_code', 'district_code'],
				marginals: {},
				hierarchy: unitHierarchy(geo)
			},
			plan,
			geo
		)
	});

	// Raw (unprotected) values feed the rates; rateCell withholds any rate whose inputs are hidden.
	const raw = new Map<string, Record<string, unknown>>();
	for (const u of unitYears) raw.set(`${u.unit_code}|${u.year}`, { ...u });
	for (const r of cubeRaw)
		if (breakdownIds.every((d) => r[d] === ALL))
			Object.assign(raw.get(`${r.unit_code}|${r.year}`) ?? {}, r);
	const rateCols: string[] = [];
	for (const ind of rateIndicators(plan)) {
		const name = `${ind.id}_rate`;
		rateCols.push(name);
		addRate(
			rows,
			name,
			ind.numerator,
			ind.denominator,
			(i) => {
				const src = raw.get(`${rows[i].unit_code}|${rows[i].year}`);
				return [
					(src?.[ind.numerator] as number | null | undefined) ?? null,
					(src?.[ind.denominator] as number | null | undefined) ?? null
				];
			},
			plan.publication.rule.minDenominator
		);
	}

	// Unit counts (districts and communes with a network): counts of units, not of children.
	const countCols: string[] = [];
	for (const ind of plan.indicators) {
		if (ind.kind !== 'unit_count') continue;
		countCols.push(`${ind.id}_count`, `${ind.id}_units`);
		// the flag of the year's phase: services maintained in 2018–2020, a linked network after
		const flagOf = new Map(
			unitYears.map((u) => [`${u.unit_code}|${u.year}`, u.flags[flagInYear(plan, ind, u.year)]])
		);
		for (const r of rows) {
			const members =
				r.level === ind.level
					? [r.unit_code as string]
					: r.level === 'province'
						? (ind.level === 'district' ? geo.districts : geo.communes).map((u) => u.code)
						: r.level === 'district' && ind.level === 'commune'
							? childrenOf(geo, r.unit_code as string).map((u) => u.code)
							: [];
			// After a reform a target still counts the old units: an area's figure counts each new
			// unit as the old communes it took in (each went whole into one), so "51 of 102 communes"
			// reads the same in 2025; a unit's own row counts itself (docs/reform-rule in i18n).
			const weight = (m: string) =>
				r.level !== ind.level ? (era?.predecessors.get(m)?.length ?? 1) : 1;
			const flags = members.map((m) => ({ f: flagOf.get(`${m}|${r.year}`), w: weight(m) }));
			const known = flags.filter(({ f }) => f !== null && f !== undefined);
			r[`${ind.id}_count`] =
				members.length === 0 || known.length === 0
					? null
					: known.filter(({ f }) => f === 1).reduce((n, { w }) => n + w, 0);
			r[`${ind.id}_units`] = members.length === 0 ? null : flags.reduce((n, { w }) => n + w, 0);
		}
	}
	const names = [
		'year',
		'level',
		'unit_code',
		'district_code',
		...childCols,
		...unitCols,
		...plan.flags.map((f) => f.id),
		...rateCols,
		...countCols
	];
	return {
		name: 'indicators',
		title: { vi: 'Chỉ số theo đơn vị và năm', en: 'Indicators by unit and year' },
		description: {
			vi: 'Mỗi dòng là một đơn vị (tỉnh, huyện, xã) trong một năm, với tử số, mẫu số và tỷ lệ của từng chỉ tiêu.',
			en: "One row per unit (province, district, commune) and year, with each target's numerator, denominator and rate."
		},
		columns: describeColumns(plan, withFlags(names, [...childCols, ...unitCols, ...rateCols])),
		rows,
		shape: {
			dimensions: ['year', 'level', 'unit_code', 'district_code'],
			marginals: {},
			hierarchy: unitHierarchy(geo)
		}
	};
}

/** Cells per table for the manifest: published, hidden by the rule, hidden to protect others. */
export function cellsPublished(report: Protected[]): Protection['cells'] {
	const byTable = new Map<string, Protection['cells'][number]>();
	for (const { table, result } of report) {
		const t = byTable.get(table) ?? { table, cells: 0, published: 0, primary: 0, secondary: 0 };
		t.cells += result.cells;
		t.primary += result.primary;
		t.secondary += result.secondary;
		t.published = t.cells - t.primary - t.secondary;
		byTable.set(table, t);
	}
	return [...byTable.values()];
}
