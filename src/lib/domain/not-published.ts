/**
 * What a page says where a breakdown is not published at a level: the level, what that level
 * publishes (read from the manifest's `protection.breakdownDepth`, never restated here), what
 * the figures asked for would combine, and which coarser level publishes them.
 */
import { breakdowns, type BreakdownId, type Lang } from './breakdowns';
import { t, tf, type MessageKey } from './i18n';

export type Level = 'province' | 'district' | 'commune';

const levelWord: Record<Level, MessageKey> = {
	province: 'levelWordProvince',
	district: 'levelWordDistrict',
	commune: 'levelWordCommune'
};

/** "tỉnh" / "district": a level inside a sentence. */
export function levelName(level: Level, lang: Lang): string {
	return t(lang, levelWord[level]);
}

/** What a level publishes, given how many breakdowns a cell may combine there. */
export function depthText(allowed: number, lang: Lang): string {
	if (allowed <= 0) return t(lang, 'depthTotalsOnly');
	if (allowed === 1) return t(lang, 'depthOneAtATime');
	return tf(lang, 'depthUpTo', { n: allowed });
}

/** "chia theo 1 phân tổ (dạng tật)" / "combine 2 breakdowns (sex, ethnicity)". */
export function neededText(ids: BreakdownId[], lang: Lang): string {
	const list = ids
		.map((id) => breakdowns.find((b) => b.id === id)!.label[lang].toLocaleLowerCase(lang))
		.join(', ');
	return tf(lang, ids.length === 1 ? 'neededOne' : 'neededMany', { n: ids.length, list });
}

export interface NotPublished {
	/** the level where the figures are not published */
	level: Level;
	/** the breakdowns the figures would combine */
	breakdowns: BreakdownId[];
	/** how many that level publishes */
	allowed: number;
	/** the nearest coarser level that publishes them, if any */
	answeredBy: Level | null;
}

/**
 * The title and the sentences of the message. `upload`: the analyst's own file, which is not
 * protected but is computed to fixed depths too; it says "not computed", not "to protect".
 */
export function notPublishedText(
	p: NotPublished,
	lang: Lang,
	upload = false
): { title: string; body: string; answer: string } {
	const level = levelName(p.level, lang);
	const vars = {
		level,
		depth: depthText(p.allowed, lang),
		needed: neededText(p.breakdowns, lang)
	};
	return {
		title: tf(lang, upload ? 'notComputedTitle' : 'notPublishedTitle', { level }),
		body: tf(lang, upload ? 'uploadDepthBody' : 'notPublishedBody', vars),
		answer: p.answeredBy
			? tf(lang, 'notPublishedAnswer', { level: levelName(p.answeredBy, lang) })
			: t(lang, 'notPublishedNoAnswer')
	};
}
