/**
 * indicators.json (contract §3), from the protected tables only, so it tells an attacker nothing
 * the tables do not: a rate's numerator and denominator are sums of published measures (null
 * when any part is hidden or not reported), its value 100·n/d to 0.1, null under the plan's
 * minimum denominator; unit counts count flagged units under a unit; milestones are the flag.
 */
import type { Indicator, PlanSpec } from '../../domain/plan/types';

import { descendants, type YearUnits } from '../../domain/plan/unit-list';
import type { Row } from './aggregate';

export interface SeriesPoint {
	unit_code: string;
	year: number;
	numerator: number | null;
	denominator: number | null;
	value: number | null;
	hidden: boolean;
}

export interface IndicatorsFile {
	indicators: { id: string; kind: Indicator['kind']; series: SeriesPoint[] }[];
}

/** The flag an indicator counts in a year: its phase's target may name another. */
function flagIn(spec: PlanSpec, ind: Indicator & { flag: string }, year: number): string {
	const phase = spec.phases.find((p) => year >= p.startYear && year <= p.endYear);
	return ind.targets.find((t) => t.phase === phase?.id && t.flag)?.flag ?? ind.flag;
}

export function buildIndicators(
	spec: PlanSpec,
	/** per measure, the protected rows that carry its unit totals (cube `all` rows or unit_facts) */
	totals: Map<string, Map<string, Row>>,
	facts: Map<string, Row>,
	trees: Map<number, YearUnits>,
	years: number[]
): IndicatorsFile {
	const cell = (m: string, unit: string, year: number): { v: number | null; hidden: boolean } => {
		const r = totals.get(m)?.get(`${unit}|${year}`);
		if (!r) return { v: null, hidden: false };
		return { v: (r[m] as number | null) ?? null, hidden: r[`${m}_suppressed`] === true };
	};
	const sum = (ms: string[], unit: string, year: number) => {
		const parts = ms.map((m) => cell(m, unit, year));
		const hidden = parts.some((p) => p.hidden);
		const v =
			hidden || parts.some((p) => p.v === null) ? null : parts.reduce((s, p) => s + p.v!, 0);
		return { v, hidden };
	};
	const out: IndicatorsFile = { indicators: [] };
	for (const ind of spec.indicators) {
		const series: SeriesPoint[] = [];
		for (const year of years) {
			const tree = trees.get(year);
			if (!tree) continue;
			for (const u of tree.units) {
				const point = (
					numerator: number | null,
					denominator: number | null,
					value: number | null,
					hidden: boolean
				) => series.push({ unit_code: u.code, year, numerator, denominator, value, hidden });
				if (ind.kind === 'rate') {
					const n = sum(ind.numerator, u.code, year);
					const d = sum(ind.denominator, u.code, year);
					const value =
						n.v === null || d.v === null || d.v < spec.publication.rule.minDenominator
							? null
							: Math.round((1000 * n.v) / d.v) / 10;
					point(n.v, d.v, value, n.hidden || d.hidden);
				} else if (ind.kind === 'count') {
					const s = sum(ind.measure, u.code, year);
					point(s.v, null, s.v, s.hidden);
				} else {
					const flag = flagIn(spec, ind, year);
					const flagOf = (c: string) =>
						(facts.get(`${c}|${year}`)?.[flag] as number | null) ?? null;
					if (ind.kind === 'milestone') {
						if (u.level !== ind.level) continue;
						const f = flagOf(u.code);
						point(f, null, f, false);
					} else {
						const members = descendants(tree, u.code).filter(
							(c) => tree.byCode.get(c)?.level === ind.level
						);
						if (members.length === 0) continue;
						const known = members.map(flagOf).filter((f) => f !== null);
						const n = known.length === 0 ? null : known.filter((f) => f === 1).length;
						point(n, members.length, n, false);
					}
				}
			}
		}
		out.indicators.push({ id: ind.id, kind: ind.kind, series });
	}
	return out;
}
