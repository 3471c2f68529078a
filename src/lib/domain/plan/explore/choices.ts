/**
 * Which explorer choices a plan's published cube answers, and a query made to fit them: a level
 * publishes at most `breakdownDepth[level]` breakdowns in one cell, so the controls offer only
 * combinations that exist, and a query that asks for more (a shared link, a change of level)
 * drops breakdowns, saying which.
 */
import { depthOf, NOT, rowUnits, type ExploreQuery } from './query';
import type { ExploreChoice, ExploreModel } from './model';

/** The plan's first rate indicator (else its first measure) by its first breakdown, latest year. */
export function defaultQuery(model: ExploreModel): ExploreQuery {
	const choice = model.choices.find((c) => c.kind === 'rate') ?? model.choices[0];
	const split = choice.breakdowns[0] ?? '';
	// The deepest level that can still show the split (more units to compare), else the top one.
	const level = [...model.levels].reverse().find((l) => split && l.depth >= 1) ?? model.levels[0];
	return {
		choice: choice.key,
		year: model.years.at(-1)!,
		level: level.id,
		unit: '',
		split: level.depth >= 1 ? split : '',
		filters: {}
	};
}

export const choiceOf = (model: ExploreModel, key: string): ExploreChoice | undefined =>
	model.choices.find((c) => c.key === key);

export const depthAt = (model: ExploreModel, level: string): number =>
	model.levels.find((l) => l.id === level)?.depth ?? 0;

/** A query the published files answer, and the breakdowns dropped to get there. */
export function normaliseQuery(
	model: ExploreModel,
	raw: Partial<ExploreQuery>
): { query: ExploreQuery; dropped: string[] } {
	const d = defaultQuery(model);
	const choice = choiceOf(model, raw.choice ?? '') ?? choiceOf(model, d.choice)!;
	const year = model.years.includes(raw.year ?? NaN) ? raw.year! : d.year;
	const level = model.levels.some((l) => l.id === raw.level) ? raw.level! : d.level;
	const known = (b: string, code: string) => {
		const bd = model.breakdowns.find((x) => x.id === b);
		if (!bd || !choice.breakdowns.includes(b)) return false;
		const plain = bd.overlapping && code.startsWith(NOT) ? code.slice(NOT.length) : code;
		return bd.categories.some((c) => c.code === plain);
	};
	const asked = raw.split === undefined ? d.split : raw.split;
	let split = choice.breakdowns.includes(asked) ? asked : '';
	const filters: Record<string, string> = {};
	for (const b of choice.breakdowns) {
		const code = raw.filters?.[b];
		if (code && b !== split && known(b, code)) filters[b] = code;
	}
	const dropped: string[] = [];
	const depth = depthAt(model, level);
	for (const b of Object.keys(filters).reverse())
		if (depthOf({ split, filters }) > depth) {
			delete filters[b];
			dropped.push(b);
		}
	if (depthOf({ split, filters }) > depth) {
		// the default split goes without a word; one the analyst asked for is named
		if (raw.split !== undefined) dropped.push(split);
		split = '';
	}
	const q: ExploreQuery = { choice: choice.key, year, level, unit: '', split, filters };
	const unit = raw.unit && rowUnits(model, { ...q, unit: raw.unit }).length ? raw.unit : '';
	return { query: { ...q, unit }, dropped };
}

/** For each breakdown of the query's choice: whether it can split the columns or filter now. */
export function breakdownOptions(
	model: ExploreModel,
	q: ExploreQuery
): { id: string; canSplit: boolean; canFilter: boolean }[] {
	const choice = choiceOf(model, q.choice)!;
	const depth = depthAt(model, q.level);
	const nFilters = Object.keys(q.filters).length;
	return choice.breakdowns.map((b) => {
		const filtered = b in q.filters;
		return {
			id: b,
			// as the split it replaces the present split (if any) and stops filtering by itself
			canSplit: b === q.split || nFilters - (filtered ? 1 : 0) + 1 <= depth,
			canFilter: b !== q.split && (filtered || depthOf(q) + 1 <= depth)
		};
	});
}
