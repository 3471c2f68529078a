/**
 * Words and figures for the disclosure model on the open-data page (`/du-lieu/`), in both
 * languages. Everything is read from the manifest's `protection` (the plan's `publication`
 * rule and depths, the cells the pipeline hid, its audit): nothing here restates a threshold.
 * A figure the manifest does not carry (yet) comes back as null, and the page omits its sentence.
 */
import { breakdowns, type Label, type Lang } from './breakdowns';
import { formatNumber, formatPercent } from './format';
import type { Manifest, Protection } from './published';

export type Level = keyof Protection['breakdownDepth'];
export const LEVELS: Level[] = ['province', 'district', 'commune'];

/** A level as the start of a definition: "Cấp tỉnh", "Each district". */
export const levelTerm: Record<Level, Label> = {
	province: { vi: 'Cấp tỉnh', en: 'The province' },
	district: { vi: 'Cấp huyện', en: 'Each district' },
	commune: { vi: 'Cấp xã', en: 'Each commune' }
};

const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** The five breakdowns in running text: "dạng tật, mức độ, …" / "disability type, severity, …". */
export function breakdownList(lang: Lang): string {
	return breakdowns.map((b) => b.label[lang].toLocaleLowerCase(lang)).join(', ');
}

/** What a level publishes, given how many breakdowns a cell combines at most there. */
export function depthWords(depth: number, lang: Lang): string {
	const n = breakdowns.length;
	const vi = lang === 'vi';
	if (depth <= 0) return vi ? 'chỉ có số tổng, không phân tổ' : 'totals only, no breakdown';
	if (depth === 1)
		return vi
			? 'số tổng và từng tiêu chí phân tổ riêng lẻ, không kết hợp với nhau'
			: 'totals and one breakdown at a time, never two combined';
	if (depth >= n)
		return vi
			? `số tổng và mọi tổ hợp của ${n} tiêu chí phân tổ`
			: `totals and every combination of the ${n} breakdowns`;
	return vi
		? `số tổng và tổ hợp của tối đa ${depth} tiêu chí phân tổ`
		: `totals and combinations of up to ${depth} breakdowns`;
}

/** "1 đến 4" / "1 to 4" (or one number when the rule hides a single size). */
export function ruleRange(rule: Protection['rule'], lang: Lang): string {
	if (rule.min === rule.max) return String(rule.min);
	return lang === 'vi' ? `${rule.min} đến ${rule.max}` : `${rule.min} to ${rule.max}`;
}

/** A share on 0–100 that never rounds to 0 % or 100 % when it is neither. */
export function formatShare(part: number, whole: number, lang: Lang): string {
	const share = (part / whole) * 100;
	if (part > 0 && share < 0.05) return `< ${formatPercent(0.1, lang)}`;
	if (part < whole && share >= 99.95) return `> ${formatPercent(99.9, lang)}`;
	return formatPercent(share, lang);
}

export interface CellShareRow {
	table: string;
	title: string;
	cells: string;
	published: string;
	share: string;
	primary: string;
	secondary: string;
}

/**
 * Cells of protected count columns per table, as the page prints them, and the share published
 * over all tables. Tables with no cell counted are left out; null when no table has any.
 */
export function cellShares(
	protection: Protection | undefined,
	tables: Manifest['tables'],
	lang: Lang
): { rows: CellShareRow[]; total: string } | null {
	const counted = (protection?.cells ?? []).filter(
		(c) => finite(c.cells) && c.cells > 0 && finite(c.published)
	);
	if (counted.length === 0) return null;
	const n = (x: number) => (finite(x) ? formatNumber(x, lang) : '–');
	const rows = counted.map((c) => ({
		table: c.table,
		title: tables.find((t) => t.name === c.table)?.title[lang] ?? c.table,
		cells: n(c.cells),
		published: n(c.published),
		share: formatShare(c.published, c.cells, lang),
		primary: n(c.primary),
		secondary: n(c.secondary)
	}));
	const cells = counted.reduce((s, c) => s + c.cells, 0);
	const published = counted.reduce((s, c) => s + c.published, 0);
	return { rows, total: formatShare(published, cells, lang) };
}

export interface AuditFigure {
	key: 'method' | 'hiddenValues' | 'smallGroups' | 'disclosures' | 'seconds';
	term: string;
	value: string;
}

/**
 * The audit's figures as terms and values, each left out when the manifest does not carry it.
 * An audit that has not run (no method, nothing checked, no time) gives no figure at all: its
 * zeros are placeholders, not findings.
 */
export function auditFigures(protection: Protection | undefined, lang: Lang): AuditFigure[] {
	const audit = protection?.audit;
	if (!protection || !audit) return [];
	const method = typeof audit.method === 'string' ? audit.method.trim() : '';
	const ran =
		method !== '' ||
		(finite(audit.hiddenValues) && audit.hiddenValues > 0) ||
		(finite(audit.seconds) && audit.seconds > 0);
	if (!ran) return [];
	const vi = lang === 'vi';
	const figures: AuditFigure[] = [];
	if (method !== '')
		figures.push({ key: 'method', term: vi ? 'Phương pháp' : 'Method', value: method });
	if (finite(audit.hiddenValues))
		figures.push({
			key: 'hiddenValues',
			term: vi ? 'Số giá trị ẩn đã kiểm tra' : 'Hidden values checked',
			value: formatNumber(audit.hiddenValues, lang)
		});
	if (finite(audit.smallGroups))
		figures.push({
			key: 'smallGroups',
			term: vi
				? `Trong đó, nhóm nhỏ (từ ${ruleRange(protection.rule, lang)} người)`
				: `Of which small groups (${ruleRange(protection.rule, lang)} people)`,
			value: formatNumber(audit.smallGroups, lang)
		});
	if (finite(audit.disclosures))
		figures.push({
			key: 'disclosures',
			term: vi ? 'Số trường hợp lộ thông tin phát hiện' : 'Disclosures found',
			value: formatNumber(audit.disclosures, lang)
		});
	if (finite(audit.seconds) && audit.seconds > 0)
		figures.push({
			key: 'seconds',
			term: vi ? 'Thời gian chạy' : 'Run time',
			value: formatSeconds(audit.seconds, lang)
		});
	return figures;
}

/** "2,4 giây" / "2.4 s"; one decimal under 10 s. */
export function formatSeconds(seconds: number, lang: Lang): string {
	const unit = lang === 'vi' ? 'giây' : 's';
	if (seconds < 0.05) return `< ${formatNumber(0.1, lang, 1)} ${unit}`;
	return `${formatNumber(seconds, lang, seconds < 10 ? 1 : 0)} ${unit}`;
}

/** A column's public rule, for the data dictionary: "≤ children", "accessed ÷ children × 100". */
export function columnRule(
	column: Manifest['tables'][number]['columns'][number],
	lang: Lang
): string | null {
	const parts: string[] = [];
	if (column.numerator && column.denominator)
		parts.push(`= ${column.numerator} ÷ ${column.denominator} × 100`);
	if (column.atMost) parts.push(`≤ ${column.atMost}`);
	if (column.protected) parts.push(lang === 'vi' ? 'được bảo vệ' : 'protected');
	return parts.length > 0 ? parts.join('; ') : null;
}

/** The section's title, also the text of links to it (`#bao-ve`). */
export const protectionTitle: Label = {
	vi: 'Bảo vệ trẻ em trong số liệu công bố',
	en: 'How the published figures protect children'
};
