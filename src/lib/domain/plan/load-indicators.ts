/** Checks the indicators of a plan file and their targets (see load.ts). */
import type { Label } from '../breakdowns';
import { sumOf, type Checker } from './check';
import type * as T from './types';

const W = (vi: string, en: string): Label => ({ vi, en });
const LEVELS = W('các cấp (geography.levels)', 'levels (geography.levels)');
const PHASES = W('các giai đoạn (phases)', 'phases');
const MEASURES = W('các số đo (measures)', 'measures');
const BASES = W('các văn bản (legalBasis)', 'legal bases (legalBasis)');

export interface Declared {
	levelIds: Set<string>;
	phaseIds: Set<string>;
	measureIds: Set<string>;
	measureById: Map<string, T.Measure>;
	bases: Set<string>;
}

export function checkIndicators(c: Checker, list: unknown, d: Declared): T.Indicator[] {
	const { levelIds, phaseIds, measureIds, measureById, bases } = d;
	const flagAt = (id: string | undefined, path: string, level?: string) => {
		if (!c.ref(id, path, measureIds, MEASURES)) return;
		const m = measureById.get(id!)!;
		if (m.type !== 'flag')
			c.error(
				path,
				`"${id}" là số đếm, không phải cờ có/không (type "flag").`,
				`"${id}" is a count, not a yes/no flag (type "flag").`
			);
		else if (level && !m.levels.includes(level))
			c.error(
				path,
				`Cờ "${id}" không được báo cáo ở cấp "${level}" (xem measures.levels).`,
				`Flag "${id}" is not reported at level "${level}" (see its measures levels).`
			);
	};
	const countsOf = (ids: string[], path: string) =>
		ids.forEach((m, j) => {
			if (c.ref(m, `${path}[${j}]`, measureIds, MEASURES) && measureById.get(m)!.type !== 'count')
				c.error(
					`${path}[${j}]`,
					`"${m}" là cờ có/không: tỷ lệ cần số đếm.`,
					`"${m}" is a yes/no flag: a rate needs counts.`
				);
		});

	const indicators = c.arr(list, 'indicators', { nonEmpty: true }).map((v, i): T.Indicator => {
		const p = `indicators[${i}]`;
		const o = c.obj(v, p) ?? {};
		const kind = c.oneOf(o.kind, `${p}.kind`, [
			'rate',
			'unit_count',
			'count',
			'milestone'
		] as const);
		const scheme = c.str(o.scheme, `${p}.scheme`, { optional: true });
		if (scheme) c.ref(scheme, `${p}.scheme`, bases, BASES);
		const level = kind && kind !== 'rate' ? c.str(o.level, `${p}.level`) : undefined;
		if (level) c.ref(level, `${p}.level`, levelIds, LEVELS);
		const targets = c
			.arr(o.targets, `${p}.targets`)
			.map((tv, j) => target(c, tv, `${p}.targets[${j}]`, kind, level, flagAt));
		c.unique(
			targets.map((t) => t.phase),
			(j) => `${p}.targets[${j}].phase`
		);
		targets.forEach((t, j) => c.ref(t.phase, `${p}.targets[${j}].phase`, phaseIds, PHASES));
		const base = {
			id: c.str(o.id, `${p}.id`) ?? '',
			label: c.label(o.label, `${p}.label`)!,
			shortLabel: c.label(o.shortLabel, `${p}.shortLabel`)!,
			scheme,
			direction:
				c.oneOf(o.direction, `${p}.direction`, ['increase', 'decrease'] as const) ?? 'increase',
			targets
		};
		if (kind === 'rate') {
			const numerator = sumOf(c, o.numerator, `${p}.numerator`);
			const denominator = sumOf(c, o.denominator, `${p}.denominator`);
			countsOf(numerator, `${p}.numerator`);
			countsOf(denominator, `${p}.denominator`);
			return { ...base, kind, numerator, denominator };
		}
		if (kind === 'count') {
			const measure = sumOf(c, o.measure, `${p}.measure`);
			measure.forEach((m, j) => c.ref(m, `${p}.measure[${j}]`, measureIds, MEASURES));
			return { ...base, kind, level: level ?? '', measure };
		}
		if (!kind) return { ...base, kind: 'milestone', level: '', flag: '' };
		const flag = c.str(o.flag, `${p}.flag`);
		flagAt(flag, `${p}.flag`, level);
		return {
			...base,
			kind: kind ?? 'milestone',
			level: level ?? '',
			flag: flag ?? ''
		} as T.Indicator;
	});
	c.unique(
		indicators.map((x) => x.id),
		(i) => `indicators[${i}].id`
	);

	return indicators;
}

function target(
	c: Checker,
	v: unknown,
	p: string,
	kind: T.Indicator['kind'] | undefined,
	level: string | undefined,
	flagAt: (id: string | undefined, path: string, level?: string) => void
): T.Target {
	const o = c.obj(v, p) ?? {};
	const value = c.num(o.value, `${p}.value`, { optional: true });
	const of = c.int(o.of, `${p}.of`, { optional: true, min: 1 });
	const test = c.oneOf(o.test, `${p}.test`, ['at_least', 'at_most', 'maintain'] as const, {
		optional: value === undefined
	});
	if (value !== undefined && kind === 'rate' && (value < 0 || value > 100))
		c.error(
			`${p}.value`,
			'Chỉ tiêu tỷ lệ tính bằng %: từ 0 đến 100.',
			'A rate target is a percentage: 0 to 100.'
		);
	if (value !== undefined && kind === 'milestone' && value !== 0 && value !== 1)
		c.error(
			`${p}.value`,
			'Mốc việc: 1 (hoàn thành) hoặc bỏ trống.',
			'A milestone: 1 (done) or leave it out.'
		);
	if (of !== undefined && kind !== 'unit_count')
		c.error(
			`${p}.of`,
			'Chỉ chỉ tiêu đếm đơn vị (unit_count) có "of".',
			'Only a unit_count target has "of".'
		);
	if (of !== undefined && value !== undefined && value > of && kind === 'unit_count')
		c.error(
			`${p}.value`,
			`Chỉ tiêu ${value} lớn hơn tổng số đơn vị ${of}.`,
			`Target ${value} exceeds the ${of} units it is out of.`
		);
	const flag = c.str(o.flag, `${p}.flag`, { optional: true });
	if (flag !== undefined) {
		if (kind !== 'unit_count' && kind !== 'milestone')
			c.error(
				`${p}.flag`,
				'Chỉ chỉ tiêu unit_count hoặc milestone có "flag".',
				'Only unit_count and milestone targets have "flag".'
			);
		else flagAt(flag, `${p}.flag`, level);
	}
	return {
		phase: c.str(o.phase, `${p}.phase`) ?? '',
		value,
		of,
		test: test ?? 'at_least',
		quote: c.str(o.quote, `${p}.quote`) ?? '',
		source: c.str(o.source, `${p}.source`) ?? '',
		flag,
		note: c.label(o.note, `${p}.note`, { optional: true })
	};
}
