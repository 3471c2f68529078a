/**
 * The explorer tests' oracle: contract §3 read again, apart from the code under test: a cell is
 * the published row of exactly that combination, `_suppressed` reads "Đã ẩn", a rate needs two
 * published counts and a denominator ≥ minDenominator.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from './feature';

export type Lang = 'vi' | 'en';
type Cell = string | number | boolean | null;
export interface PlanJson {
	id: string;
	populations: { id: string; breakdowns?: string[] }[];
	breakdowns: { id: string; overlapping?: boolean; categories: { code: string }[] }[];
	measures: { id: string; population: string }[];
	indicators: {
		id: string;
		kind: string;
		numerator?: string | string[];
		denominator?: string | string[];
	}[];
	publication: { rule: { minDenominator: number } };
}

function table(dir: string, name: string): Record<string, Cell>[] {
	const t = JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as {
		columns: string[];
		rows: Cell[][];
	};
	return t.rows.map((r) => Object.fromEntries(t.columns.map((c, i) => [c, r[i]])));
}

export const WORDS = {
	hidden: { vi: 'Đã ẩn', en: 'Hidden' },
	small: { vi: 'Mẫu số nhỏ', en: 'Small denominator' },
	notPublished: { vi: 'Không công bố', en: 'Not published' },
	missing: { vi: 'Không có số liệu', en: 'No data' }
};
export const number = (v: number, lang: Lang) =>
	String(v).replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'vi' ? '.' : ',');
export const percent = (v: number, lang: Lang) =>
	`${String(Math.round(v * 10) / 10).replace('.', lang === 'vi' ? ',' : '.')}%`;

export interface View {
	choice: string;
	year: number;
	level: string;
	split: string;
	filters: Record<string, string>;
}

/** The oracle: what the cell of `unit` × `category` (null: total) should read, from the JSON. */
export function expectedCell(
	plan: PlanJson,
	dir: string,
	v: View,
	unit: string,
	category: string | null,
	lang: Lang
) {
	const selection = { ...v.filters, ...(category === null ? {} : { [v.split]: category }) };
	type Sum = { n: number } | { word: keyof typeof WORDS };
	const part = (m: string): Sum => {
		const pop = plan.populations.find(
			(p) => p.id === plan.measures.find((x) => x.id === m)!.population
		)!;
		const bs = pop.breakdowns ?? [];
		const rows = table(dir, bs.length ? `cube_${pop.id}` : 'unit_facts');
		const row = rows.find(
			(r) =>
				r.year === v.year &&
				r.unit_code === unit &&
				bs.every((b) => {
					const bd = plan.breakdowns.find((x) => x.id === b)!;
					return bd.overlapping
						? bd.categories.every(
								(c) =>
									r[`${b}_${c.code}`] ===
									(selection[b] === c.code ? '1' : selection[b] === `!${c.code}` ? '0' : 'all')
							)
						: r[b] === (selection[b] ?? 'all');
				})
		);
		if (!row) return { word: 'notPublished' };
		if (row[`${m}_suppressed`] === true) return { word: 'hidden' };
		return typeof row[m] === 'number' ? { n: row[m] as number } : { word: 'missing' };
	};
	const sum = (ms: string[]): Sum => {
		const parts = ms.map(part);
		for (const w of ['notPublished', 'hidden', 'missing'] as const)
			if (parts.some((p) => 'word' in p && p.word === w)) return { word: w };
		return { n: parts.reduce((a, p) => a + (p as { n: number }).n, 0) };
	};
	const [kind, id] = v.choice.split(':');
	if (kind === 'm') {
		const s = sum([id]);
		return 'n' in s ? number(s.n, lang) : WORDS[s.word][lang];
	}
	const ind = plan.indicators.find((i) => i.id === id)!;
	const n = sum([ind.numerator!].flat());
	const d = sum([ind.denominator!].flat());
	if (!('n' in n)) return WORDS[n.word][lang];
	if (!('n' in d)) return WORDS[d.word][lang];
	if (d.n < plan.publication.rule.minDenominator || d.n === 0) return WORDS.small[lang];
	return percent((100 * n.n) / d.n, lang);
}

/** The units of a level in a year, from the published units.csv (versions valid in the year). */
export function unitsOf(dir: string, level: string, year: number): string[] {
	const { header, rows } = parseCsv(readFileSync(join(dir, 'units.csv'), 'utf8'));
	const at = (r: string[], c: string) => r[header.indexOf(c)];
	return [
		...new Set(
			rows
				.filter(
					(r) =>
						at(r, 'level') === level &&
						(at(r, 'valid_from') === '' || at(r, 'valid_from') <= `${year}-12-31`) &&
						(at(r, 'valid_to') === '' || at(r, 'valid_to') >= `${year}-01-01`)
				)
				.map((r) => at(r, 'code'))
		)
	].sort();
}
