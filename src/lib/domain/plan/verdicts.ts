/**
 * Verdicts of any plan of the general model, per indicator × phase, from the published
 * `indicators.json` (contract §3) of the plan's area. The rules, stated to readers in the same words:
 *   - at_least / at_most: judged on the phase's end year (met / not met). Before the phase ends,
 *     the latest value in the phase is compared with the target itself: on track when it already
 *     reaches it, at risk when it does not (no trajectory: a plan of one year has no baseline).
 *   - maintain: held in every year of the phase (`judgeMaintain`): one year short decides it.
 *   - a target without a value is qualitative: shown with its words, never judged.
 *   - a hidden value (small group) or a missing year is "no data", never a guess.
 */
import { judgeMaintain } from './judge';
import type { Indicator, Phase, PlanSpec, Target } from './types';

export type Verdict =
	'met' | 'not_met' | 'on_track' | 'at_risk' | 'no_data' | 'qualitative' | 'not_judged';

/** Display order, best first; the catalogue counts in this order. */
export const verdictOrder: Verdict[] = [
	'met',
	'on_track',
	'at_risk',
	'not_met',
	'no_data',
	'qualitative',
	'not_judged'
];

/** One point of a published series (contract §3, indicators.json). */
export interface SeriesPoint {
	unit_code: string;
	year: number;
	numerator: number | null;
	denominator: number | null;
	value: number | null;
	hidden: boolean;
}
export interface PublishedIndicator {
	id: string;
	kind: string;
	series: SeriesPoint[];
}
export interface PublishedIndicators {
	indicators: PublishedIndicator[];
}

/** Which rule decided a verdict (the page says it in words). */
export type VerdictRule = 'end' | 'latest' | 'maintain' | 'qualitative' | 'none';

export interface PhaseVerdict {
	indicator: string;
	phase: string;
	verdict: Verdict;
	rule: VerdictRule;
	target: Target;
	/** the value judged and its year (null when none) */
	value: number | null;
	year: number | null;
	/** the judged year's value is hidden to protect a small group */
	hidden: boolean;
	/** maintain: the years that fell short */
	failedYears: number[];
}

/** The series of one unit for one indicator, by year (missing indicators give an empty list). */
export function unitSeries(
	data: PublishedIndicators | null,
	indicatorId: string,
	unitCode: string
): SeriesPoint[] {
	const ind = data?.indicators.find((i) => i.id === indicatorId);
	return (ind?.series ?? [])
		.filter((p) => p.unit_code === unitCode)
		.sort((a, b) => a.year - b.year);
}

const reaches = (value: number, target: number, test: 'at_least' | 'at_most') =>
	test === 'at_most' ? value <= target : value >= target;

/**
 * Judges one target of `ind` on `series` (the plan area's), with data published up to `lastYear`
 * (the last year of the published data; null when nothing is published).
 */
export function judgeTarget(
	ind: Pick<Indicator, 'id' | 'direction'>,
	target: Target,
	phase: Pick<Phase, 'id' | 'startYear' | 'endYear'>,
	series: SeriesPoint[],
	lastYear: number | null
): PhaseVerdict {
	const base = {
		indicator: ind.id,
		phase: phase.id,
		target,
		value: null,
		year: null,
		hidden: false,
		failedYears: []
	};
	if (target.value === undefined) return { ...base, verdict: 'qualitative', rule: 'qualitative' };
	if (lastYear === null || lastYear < phase.startYear)
		return { ...base, verdict: 'no_data', rule: 'none' };
	const inPhase = series.filter(
		(p) => p.year >= phase.startYear && p.year <= Math.min(lastYear, phase.endYear)
	);
	if (target.test === 'maintain') {
		const m = judgeMaintain(
			inPhase.map((p) => ({ year: p.year, value: p.hidden ? null : p.value })),
			target.value,
			phase,
			lastYear,
			ind.direction
		);
		const decisive =
			inPhase.find((p) => p.year === m.failedYears[0]) ??
			inPhase.filter((p) => p.value !== null).at(-1);
		return {
			...base,
			verdict: m.status,
			rule: 'maintain',
			value: decisive?.value ?? null,
			year: decisive?.year ?? null,
			hidden: decisive?.hidden ?? false,
			failedYears: m.failedYears
		};
	}
	const test = target.test;
	if (lastYear >= phase.endYear) {
		const end = inPhase.find((p) => p.year === phase.endYear);
		if (!end || end.value === null)
			return {
				...base,
				verdict: 'no_data',
				rule: 'end',
				year: phase.endYear,
				hidden: end?.hidden ?? false
			};
		return {
			...base,
			verdict: reaches(end.value, target.value, test) ? 'met' : 'not_met',
			rule: 'end',
			value: end.value,
			year: end.year
		};
	}
	const latest = [...inPhase].reverse().find((p) => p.value !== null);
	if (!latest) return { ...base, verdict: 'no_data', rule: 'latest' };
	return {
		...base,
		verdict: reaches(latest.value!, target.value, test) ? 'on_track' : 'at_risk',
		rule: 'latest',
		value: latest.value,
		year: latest.year
	};
}

/** Every target of the plan, in plan order, judged on the area's published series. */
export function planVerdicts(
	plan: Pick<PlanSpec, 'indicators' | 'phases' | 'geography'>,
	data: PublishedIndicators | null,
	lastYear: number | null
): PhaseVerdict[] {
	const area = plan.geography.area.code;
	const out: PhaseVerdict[] = [];
	for (const ind of plan.indicators) {
		const series = unitSeries(data, ind.id, area);
		for (const target of ind.targets) {
			const phase = plan.phases.find((p) => p.id === target.phase);
			if (!phase) continue;
			out.push(judgeTarget(ind, target, phase, series, data ? lastYear : null));
		}
	}
	return out;
}

/** How many targets fall under each verdict (every verdict present, zeros included). */
export function countVerdicts(verdicts: { verdict: Verdict }[]): Record<Verdict, number> {
	const counts = Object.fromEntries(verdictOrder.map((v) => [v, 0])) as Record<Verdict, number>;
	for (const v of verdicts) counts[v.verdict]++;
	return counts;
}
