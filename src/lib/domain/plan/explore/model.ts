/**
 * What a plan's explorer offers, read from the plan file and its published manifest (contract
 * §3): the tables (each records cube and unit_facts), the measures and rate indicators an analyst
 * may pick, the breakdowns each of them can be cut by, and the levels with their publication
 * depth. Pure and JSON-serialisable: built at prerender time, shipped to the page as it is.
 * Nothing here names a plan, a level, a breakdown or a measure.
 */
import type { Label } from '../../breakdowns';
import type { Manifest } from '../../published';
import type { UnitRow } from '../plan-units';
import type { PlanSpec } from '../types';

export interface ExploreBreakdown {
	id: string;
	label: Label;
	/** published as one binary dim per category (`<id>_<code>` ∈ 1, 0, all) */
	overlapping: boolean;
	categories: { code: string; label: Label }[];
}

export interface ExploreTable {
	/** the published table's name: `cube_<population>` or `unit_facts` */
	name: string;
	/** the JSON file under the plan's published folder */
	file: string;
	breakdowns: string[];
	measures: string[];
	/** measures published with a `<m>_suppressed` column (the others are counts of units) */
	protectedMeasures: string[];
}

export interface ExploreChoice {
	/** `m:<measure id>` or `r:<indicator id>` (the URL's value) */
	key: string;
	kind: 'measure' | 'rate';
	label: Label;
	/** a measure: [itself]; a rate: its numerator's measures */
	numerator: string[];
	/** a rate: its denominator's measures; a measure: [] */
	denominator: string[];
	/** breakdowns every one of its tables is cut by, in plan order */
	breakdowns: string[];
}

export interface ExploreLevel {
	id: string;
	label: Label;
	/** how many breakdowns a published cell of this level combines at most */
	depth: number;
}

export interface ExploreModel {
	planId: string;
	years: number[];
	levels: ExploreLevel[];
	breakdowns: ExploreBreakdown[];
	tables: ExploreTable[];
	choices: ExploreChoice[];
	units: UnitRow[];
	rule: { min: number; max: number; minDenominator: number };
	/** the published CSVs' notice line (illustrative data), without its '#' */
	notice: string | null;
}

const cubePrefix = 'cube_';

const numeratorOf: Label = { vi: 'Tử số của', en: 'Numerator of' };
const denominatorOf: Label = { vi: 'Mẫu số của', en: 'Denominator of' };
const prefixed = (p: Label, l: Label): Label => ({
	vi: `${p.vi}: ${l.vi}`,
	en: `${p.en}: ${l.en}`
});

/**
 * A measure's name in the plan's own words: its label; else the count indicator of it alone;
 * else its population's name when it is that population's first count; else the rate it is the
 * numerator (or denominator) of. Undefined: only the manifest's column label is left.
 */
export function measureLabel(spec: PlanSpec, m: string): Label | undefined {
	const measure = spec.measures.find((x) => x.id === m);
	if (measure?.label) return measure.label;
	const counted = spec.indicators.find(
		(i) => i.kind === 'count' && i.measure.length === 1 && i.measure[0] === m
	);
	if (counted) return counted.label;
	const population = spec.populations.find((p) => p.id === measure?.population);
	const first = spec.measures.find((x) => x.population === population?.id && x.type === 'count');
	if (population && first?.id === m) return population.label;
	for (const side of ['numerator', 'denominator'] as const) {
		const rate = spec.indicators.find((i) => i.kind === 'rate' && i[side].includes(m));
		if (rate) return prefixed(side === 'numerator' ? numeratorOf : denominatorOf, rate.label);
	}
	return undefined;
}

/** The explorer's model; null when nothing is published or nothing can be explored. */
export function exploreModel(
	spec: PlanSpec,
	manifest: Manifest & { years?: number[] },
	units: UnitRow[],
	notice: string | null
): ExploreModel | null {
	const tables: ExploreTable[] = [];
	for (const t of manifest.tables) {
		const json = t.files.find((f) => f.format === 'json');
		if (!json) continue;
		const columns = new Set(t.columns.map((c) => c.name));
		const population = t.name.startsWith(cubePrefix)
			? spec.populations.find((p) => p.id === t.name.slice(cubePrefix.length))
			: null;
		if (t.name !== 'unit_facts' && !population) continue;
		const measures = spec.measures
			.filter((m) => m.type === 'count' && columns.has(m.id))
			.filter((m) => (population ? m.population === population.id : true))
			.map((m) => m.id);
		if (measures.length === 0) continue;
		tables.push({
			name: t.name,
			file: json.path,
			breakdowns: population?.breakdowns ?? [],
			measures,
			protectedMeasures: measures.filter((m) => columns.has(`${m}_suppressed`))
		});
	}
	const tableOf = (m: string) => tables.find((t) => t.measures.includes(m));
	const common = (ms: string[]) => {
		const ts = ms.map(tableOf);
		if (ts.some((t) => !t)) return null;
		return spec.breakdowns
			.map((b) => b.id)
			.filter((b) => ts.every((t) => t!.breakdowns.includes(b)));
	};
	const manifestLabel = (m: string): Label | undefined =>
		manifest.tables.flatMap((t) => t.columns).find((c) => c.name === m)?.label;
	const choices: ExploreChoice[] = [];
	for (const ind of spec.indicators) {
		if (ind.kind !== 'rate') continue;
		const bs = common([...ind.numerator, ...ind.denominator]);
		if (!bs) continue;
		choices.push({
			key: `r:${ind.id}`,
			kind: 'rate',
			label: ind.label,
			numerator: ind.numerator,
			denominator: ind.denominator,
			breakdowns: bs
		});
	}
	for (const t of tables)
		for (const m of t.measures)
			choices.push({
				key: `m:${m}`,
				kind: 'measure',
				label: measureLabel(spec, m) ?? manifestLabel(m) ?? { vi: m, en: m },
				numerator: [m],
				denominator: [],
				breakdowns: t.breakdowns
			});
	const years = [...(manifest.years ?? [])].sort((a, b) => a - b);
	if (choices.length === 0 || years.length === 0) return null;
	const listed = new Set(units.map((u) => u.level));
	return {
		planId: spec.id,
		years,
		levels: spec.geography.levels
			.filter((l) => listed.has(l.id))
			.map((l) => ({
				id: l.id,
				label: l.label,
				depth: spec.publication.breakdownDepth[l.id] ?? 0
			})),
		breakdowns: spec.breakdowns.map((b) => ({
			id: b.id,
			label: b.label,
			overlapping: b.overlapping,
			categories: b.categories
		})),
		tables,
		choices,
		units,
		rule: spec.publication.rule,
		notice
	};
}
