/**
 * Checks a parsed plan file and returns the typed plan, or every error found, each naming the
 * JSON path and what to fix (vi + en). Defaults are filled here so the rest of the code reads one
 * shape: a sum is always a list, `strict` is set, reporters always have both lists.
 */
import type { Label } from '../breakdowns';
import { Checker, type PlanError } from './check';
import { checkIndicators } from './load-indicators';
import { checkDuties } from './load-reporting';
import type * as T from './types';

export type { PlanError } from './check';

export type LoadResult =
	{ ok: true; plan: T.PlanSpec; warnings: PlanError[] } | { ok: false; errors: PlanError[] };

const W = (vi: string, en: string): Label => ({ vi, en });
const LEVELS = W('các cấp (geography.levels)', 'levels (geography.levels)');
const POPS = W('các nhóm đối tượng (populations)', 'populations');
const BDS = W('các cách phân tổ (breakdowns)', 'breakdowns');
const MEASURES = W('các số đo (measures)', 'measures');

/** Who reports after a reform: levels and/or agencies, as a duty's reporters are written. */
function reformReporters(c: Checker, v: unknown, p: string): T.Reform['reporters'] {
	if (v === undefined) return undefined;
	const o = c.obj(v, p) ?? {};
	return {
		levels: c
			.arr(o.levels, `${p}.levels`, { optional: true })
			.map((l, j) => c.str(l, `${p}.levels[${j}]`) ?? ''),
		agencies: c
			.arr(o.agencies, `${p}.agencies`, { optional: true })
			.map((a, j) => c.label(a, `${p}.agencies[${j}]`)!)
	};
}

export function loadPlan(json: unknown): LoadResult {
	const c = new Checker();
	const warnings: PlanError[] = [];
	const root = c.obj(json, '$');
	if (!root) return { ok: false, errors: c.errors };

	const id = c.str(root.id, 'id');
	if (id && !/^[a-z0-9][a-z0-9-]*$/.test(id))
		c.error(
			'id',
			'Chỉ dùng chữ thường không dấu, số và dấu "-".',
			'Use lower-case a–z, digits and "-" only.'
		);
	const doc = root.document === undefined ? {} : (c.obj(root.document, 'document') ?? {});
	const document = {
		number: c.str(doc.number, 'document.number', { optional: true }),
		date: c.date(doc.date, 'document.date', { optional: true }),
		signedBy: c.str(doc.signedBy, 'document.signedBy', { optional: true }),
		source: c.str(doc.source, 'document.source', { optional: true })
	};
	const legalBasis = c.arr(root.legalBasis, 'legalBasis').map((v, i): T.LegalBasis => {
		const p = `legalBasis[${i}]`;
		const o = c.obj(v, p) ?? {};
		return {
			id: c.str(o.id, `${p}.id`) ?? '',
			number: c.str(o.number, `${p}.number`, { optional: true }),
			date: c.date(o.date, `${p}.date`, { optional: true }),
			issuer: c.label(o.issuer, `${p}.issuer`)!,
			role: c.label(o.role, `${p}.role`)!
		};
	});
	const bases = c.unique(
		legalBasis.map((b) => b.id),
		(i) => `legalBasis[${i}].id`
	);

	// geography
	const g = c.obj(root.geography, 'geography') ?? {};
	const area = c.obj(g.area, 'geography.area') ?? {};
	const levels = c
		.arr(g.levels, 'geography.levels', { nonEmpty: true })
		.map((v, i): T.PlanLevel => {
			const p = `geography.levels[${i}]`;
			const o = c.obj(v, p) ?? {};
			return {
				id: c.str(o.id, `${p}.id`) ?? '',
				label: c.label(o.label, `${p}.label`)!,
				codes: c.oneOf(o.codes, `${p}.codes`, ['gso', 'local'] as const) ?? 'gso',
				boundaries: c.str(o.boundaries, `${p}.boundaries`, { optional: true })
			};
		});
	const levelIds = c.unique(
		levels.map((l) => l.id),
		(i) => `geography.levels[${i}].id`
	);
	const changes = c
		.arr(g.changes, 'geography.changes', { optional: true })
		.map((v, i): T.UnitChange => {
			const p = `geography.changes[${i}]`;
			const o = c.obj(v, p) ?? {};
			const state = (s: unknown, sp: string): T.UnitState => {
				const so = c.obj(s, sp) ?? {};
				const out = {
					name: c.str(so.name, `${sp}.name`, { optional: true }),
					type: c.str(so.type, `${sp}.type`, { optional: true }),
					parent: c.str(so.parent, `${sp}.parent`, { optional: true })
				};
				if (!out.name && !out.type && !out.parent)
					c.error(
						sp,
						'Ghi ít nhất một trong name, type, parent.',
						'Give at least one of name, type, parent.'
					);
				return out;
			};
			return {
				code: c.str(o.code, `${p}.code`) ?? '',
				until: c.date(o.until, `${p}.until`) ?? '',
				before: state(o.before, `${p}.before`),
				after: state(o.after, `${p}.after`),
				note: c.str(o.note, `${p}.note`, { optional: true })
			};
		});
	const reforms = c
		.arr(g.reforms, 'geography.reforms', { optional: true })
		.map((v, i): T.Reform => {
			const p = `geography.reforms[${i}]`;
			const o = c.obj(v, p) ?? {};
			return {
				from: c.date(o.from, `${p}.from`) ?? '',
				label: c.label(o.label, `${p}.label`)!,
				crosswalk: c.str(o.crosswalk, `${p}.crosswalk`) ?? '',
				source: c.str(o.source, `${p}.source`) ?? '',
				licence: c.str(o.licence, `${p}.licence`) ?? '',
				units: c.str(o.units, `${p}.units`, { optional: true }),
				boundaries: c.str(o.boundaries, `${p}.boundaries`, { optional: true }),
				area: c.label(o.area, `${p}.area`, { optional: true }),
				reporters: reformReporters(c, o.reporters, `${p}.reporters`)
			};
		});
	const geography: T.Geography = {
		area: {
			code: c.str(area.code, 'geography.area.code') ?? '',
			name: c.label(area.name, 'geography.area.name')!
		},
		levels,
		unitsFile: c.str(g.unitsFile, 'geography.unitsFile', { optional: true }),
		attribution: c.str(g.attribution, 'geography.attribution', { optional: true }),
		changes,
		reforms
	};

	// calendar
	const y = c.obj(root.years, 'years') ?? {};
	const years = {
		first: c.int(y.first, 'years.first', { min: 1900 }) ?? 0,
		last: c.int(y.last, 'years.last', { min: 1900 }) ?? 0
	};
	if (years.first > years.last)
		c.error(
			'years',
			'Năm đầu (first) phải ≤ năm cuối (last).',
			'The first year must be ≤ the last year.'
		);
	const inYears = (v: number | undefined) =>
		v === undefined || (v >= years.first && v <= years.last);
	const phases = c.arr(root.phases, 'phases', { nonEmpty: true }).map((v, i): T.Phase => {
		const p = `phases[${i}]`;
		const o = c.obj(v, p) ?? {};
		const phase: T.Phase = {
			id: c.str(o.id, `${p}.id`) ?? '',
			label: c.label(o.label, `${p}.label`)!,
			startYear: c.int(o.startYear, `${p}.startYear`) ?? 0,
			endYear: c.int(o.endYear, `${p}.endYear`) ?? 0,
			baselineYear: c.int(o.baselineYear, `${p}.baselineYear`) ?? 0,
			review: c.label(o.review, `${p}.review`, { optional: true }),
			reviewYear: c.int(o.reviewYear, `${p}.reviewYear`, { optional: true })
		};
		if (phase.startYear > phase.endYear || !inYears(phase.startYear) || !inYears(phase.endYear))
			c.error(
				p,
				`Giai đoạn phải nằm trong ${years.first}–${years.last}, năm đầu ≤ năm cuối.`,
				`A phase must lie within ${years.first}–${years.last}, start ≤ end.`
			);
		if (
			years.first <= years.last &&
			(phase.baselineYear > phase.startYear || phase.baselineYear < years.first)
		)
			c.error(
				`${p}.baselineYear`,
				'Năm gốc phải ≤ năm đầu giai đoạn và trong kỳ kế hoạch.',
				"The baseline year must be ≤ the phase's start and inside the plan's years."
			);
		const prev = i > 0 ? (root.phases as { endYear?: number }[])[i - 1] : undefined;
		if (prev && typeof prev.endYear === 'number' && phase.startYear <= prev.endYear)
			c.error(
				`${p}.startYear`,
				'Các giai đoạn không được chồng nhau: bắt đầu sau năm cuối của giai đoạn trước.',
				"Phases must not overlap: start after the previous phase's end year."
			);
		return phase;
	});
	const phaseIds = c.unique(
		phases.map((p) => p.id),
		(i) => `phases[${i}].id`
	);

	// what is counted
	const breakdowns = c
		.arr(root.breakdowns, 'breakdowns', { optional: true })
		.map((v, i): T.PlanBreakdown => {
			const p = `breakdowns[${i}]`;
			const o = c.obj(v, p) ?? {};
			const categories = c.arr(o.categories, `${p}.categories`, { nonEmpty: true }).map((cv, j) => {
				const co = c.obj(cv, `${p}.categories[${j}]`) ?? {};
				return {
					code: c.str(co.code, `${p}.categories[${j}].code`) ?? '',
					label: c.label(co.label, `${p}.categories[${j}].label`)!
				};
			});
			c.unique(
				categories.map((x) => x.code),
				(j) => `${p}.categories[${j}].code`
			);
			return {
				id: c.str(o.id, `${p}.id`) ?? '',
				label: c.label(o.label, `${p}.label`)!,
				categories,
				overlapping: c.bool(o.overlapping, `${p}.overlapping`, false)
			};
		});
	const bdIds = c.unique(
		breakdowns.map((b) => b.id),
		(i) => `breakdowns[${i}].id`
	);
	const populations = c
		.arr(root.populations, 'populations', { nonEmpty: true })
		.map((v, i): T.Population => {
			const p = `populations[${i}]`;
			const o = c.obj(v, p) ?? {};
			const bds = c
				.arr(o.breakdowns, `${p}.breakdowns`, { optional: true })
				.map((b, j) => c.str(b, `${p}.breakdowns[${j}]`) ?? '');
			bds.forEach((b, j) => c.ref(b, `${p}.breakdowns[${j}]`, bdIds, BDS));
			return {
				id: c.str(o.id, `${p}.id`) ?? '',
				label: c.label(o.label, `${p}.label`)!,
				counts:
					c.oneOf(o.counts, `${p}.counts`, ['children', 'people', 'units'] as const) ?? 'people',
				breakdowns: bds
			};
		});
	const popIds = c.unique(
		populations.map((p) => p.id),
		(i) => `populations[${i}].id`
	);
	const measures = c.arr(root.measures, 'measures', { nonEmpty: true }).map((v, i): T.Measure => {
		const p = `measures[${i}]`;
		const o = c.obj(v, p) ?? {};
		const mLevels = c
			.arr(o.levels, `${p}.levels`, { nonEmpty: true })
			.map((l, j) => c.str(l, `${p}.levels[${j}]`) ?? '');
		mLevels.forEach((l, j) => c.ref(l, `${p}.levels[${j}]`, levelIds, LEVELS));
		const population = c.str(o.population, `${p}.population`) ?? '';
		c.ref(population, `${p}.population`, popIds, POPS);
		return {
			id: c.str(o.id, `${p}.id`) ?? '',
			population,
			type: c.oneOf(o.type, `${p}.type`, ['count', 'flag'] as const) ?? 'count',
			levels: mLevels,
			label: c.label(o.label, `${p}.label`, { optional: true }),
			atMost: c.str(o.atMost, `${p}.atMost`, { optional: true })
		};
	});
	const measureIds = c.unique(
		measures.map((m) => m.id),
		(i) => `measures[${i}].id`
	);
	const measureById = new Map(measures.map((m) => [m.id, m]));
	measures.forEach((m, i) => {
		if (!m.atMost || !c.ref(m.atMost, `measures[${i}].atMost`, measureIds, MEASURES)) return;
		const other = measureById.get(m.atMost)!.population;
		if (popIds.has(m.population) && popIds.has(other) && other !== m.population)
			c.error(
				`measures[${i}].atMost`,
				`"${m.atMost}" đếm một nhóm đối tượng khác: chỉ so với số đo cùng nhóm.`,
				`"${m.atMost}" counts another population: compare only within one population.`
			);
	});
	const indicators = checkIndicators(c, root.indicators, {
		levelIds,
		phaseIds,
		measureIds,
		measureById,
		bases
	});

	const r = c.obj(root.reporting, 'reporting') ?? {};
	const duties = checkDuties(c, r.duties, levelIds, document.date, warnings);

	const pub = c.obj(root.publication, 'publication') ?? {};
	const rule = c.obj(pub.rule, 'publication.rule') ?? {};
	const depth = c.obj(pub.breakdownDepth, 'publication.breakdownDepth') ?? {};
	const breakdownDepth: Record<string, number> = {};
	for (const [k, v] of Object.entries(depth)) {
		c.ref(k, `publication.breakdownDepth.${k}`, levelIds, LEVELS);
		breakdownDepth[k] = c.int(v, `publication.breakdownDepth.${k}`, { min: 0 }) ?? 0;
	}
	const publication: T.Publication = {
		rule: {
			min: c.int(rule.min, 'publication.rule.min', { min: 1 }) ?? 1,
			max: c.int(rule.max, 'publication.rule.max', { min: 1 }) ?? 1,
			minDenominator: c.int(rule.minDenominator, 'publication.rule.minDenominator', { min: 1 }) ?? 1
		},
		breakdownDepth
	};

	if (c.errors.length > 0) return { ok: false, errors: c.errors };
	const plan: T.PlanSpec = {
		id: id!,
		title: c.label(root.title, 'title')!,
		shortTitle: c.label(root.shortTitle, 'shortTitle')!,
		issuer: c.label(root.issuer, 'issuer')!,
		document,
		legalBasis,
		geography,
		years,
		phases,
		populations,
		breakdowns,
		measures,
		indicators,
		reporting: {
			submittedTo: c.label(r.submittedTo, 'reporting.submittedTo')!,
			submittedToLater: c
				.arr(r.submittedToLater, 'reporting.submittedToLater', { optional: true })
				.map((v, i) => {
					const p = `reporting.submittedToLater[${i}]`;
					const o = c.obj(v, p) ?? {};
					return {
						from: c.date(o.from, `${p}.from`) ?? '',
						label: c.label(o.label, `${p}.label`)!,
						note: c.str(o.note, `${p}.note`, { optional: true })
					};
				}),
			duties,
			source: c.str(r.source, 'reporting.source') ?? ''
		},
		publication
	};
	// labels read last are checked here too
	if (c.errors.length > 0) return { ok: false, errors: c.errors };
	return { ok: true, plan, warnings };
}
