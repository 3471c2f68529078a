/** What an explorer result says in words: its caption, each cell, the notes under the table. */
import type { Lang } from '../../breakdowns';
import { formatNumber, formatPercent } from '../../format';
import { xt, xtf } from '../../i18n-plans-explore';
import { unitsIn } from '../plan-units';
import type { ExploreModel } from './model';
import { NOT, type CellResult, type ExploreQuery, type ExploreResult } from './query';

/** A breakdown's category as a filter reads: "Nam"; "có Mồ côi" / "không có Mồ côi" for an overlapping group. */
export function categoryText(model: ExploreModel, b: string, code: string, lang: Lang): string {
	const bd = model.breakdowns.find((x) => x.id === b)!;
	const outside = bd.overlapping && code.startsWith(NOT);
	const plain = outside ? code.slice(NOT.length) : code;
	const label = bd.categories.find((c) => c.code === plain)?.label[lang] ?? code;
	if (!bd.overlapping) return label;
	return `${xt(lang, outside ? 'notInGroup' : 'inGroup')} ${label}`;
}

/** The result's caption: choice, year, level (and unit), split and filters. */
export function describeQuery(model: ExploreModel, q: ExploreQuery, lang: Lang): string {
	const choice = model.choices.find((c) => c.key === q.choice)!;
	const level = model.levels.find((l) => l.id === q.level)!;
	const unit = q.unit
		? unitsIn(model.units, q.year).find((u) => u.code === q.unit)?.name
		: undefined;
	const label = (b: string) => model.breakdowns.find((x) => x.id === b)!.label[lang];
	const parts = [
		choice.kind === 'rate' ? `${choice.label[lang]} (${xt(lang, 'percent')})` : choice.label[lang],
		String(q.year),
		unit ? `${level.label[lang]}: ${unit}` : level.label[lang],
		...(q.split ? [`${xt(lang, 'by')} ${label(q.split)}`] : []),
		...Object.entries(q.filters).map(([b, c]) => `${label(b)}: ${categoryText(model, b, c, lang)}`)
	];
	return parts.join(' · ');
}

/** A cell as the table shows it: the number, or the word for why there is none. */
export function cellText(cell: CellResult, rate: boolean, lang: Lang): string {
	switch (cell.status) {
		case 'value':
			return rate ? formatPercent(cell.value, lang) : formatNumber(cell.value, lang);
		case 'hidden':
			return xt(lang, 'hidden');
		case 'small_denominator':
			return xt(lang, 'small');
		case 'not_published':
			return xt(lang, 'notPublished');
		case 'missing':
			return xt(lang, 'missing');
	}
}

/** The reasons for the cells without a number, once each, in a fixed order. */
export function resultNotes(model: ExploreModel, r: ExploreResult, lang: Lang): string[] {
	const seen = new Set(r.rows.flatMap((row) => row.cells.map((c) => c.status)));
	const notes: string[] = [];
	if (seen.has('hidden')) notes.push(xtf(lang, 'hiddenWhy', model.rule));
	if (seen.has('small_denominator')) notes.push(xtf(lang, 'smallWhy', model.rule));
	if (seen.has('not_published')) notes.push(xt(lang, 'notPublishedWhy'));
	if (seen.has('missing')) notes.push(xt(lang, 'missingWhy'));
	const split = model.breakdowns.find((b) => b.id === r.query.split);
	if (split?.overlapping)
		notes.push(xtf(lang, 'overlapping', { breakdown: split.label[lang].toLowerCase() }));
	return notes;
}
