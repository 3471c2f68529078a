/**
 * The explorer's upload, before and after its validation: the size it accepts, and the issue
 * list cut to what a person can read (a 20 MB file with an unclosed quote once put 20.9 million
 * characters on the page). Pure: used by the page and by the validating worker.
 */
import type { IntakeIssue } from './intake/messages';

/**
 * Largest file the explorer reads: a province's yearly report is about 0.2 MB, so this holds
 * every year of a large province; past it the page would hold hundreds of MB while checking.
 */
export const UPLOAD_MAX_BYTES = 10 * 1024 * 1024;
/** Issues listed per file; the rest are counted. */
export const MAX_LISTED_ISSUES = 50;
/** Characters of a cell's value echoed in a message. */
export const MAX_VALUE_CHARS = 80;

/** The files over the size limit, with their sizes. */
export function oversized(
	files: { name: string; size: number }[],
	limit = UPLOAD_MAX_BYTES
): { name: string; size: number }[] {
	return files.filter((f) => f.size > limit).map((f) => ({ name: f.name, size: f.size }));
}

/** A value cut to a readable length, saying how long it was. */
export function cutValue(value: string, max = MAX_VALUE_CHARS): string {
	if (value.length <= max) return value;
	// never split a surrogate pair (an emoji, a rare Han character)
	let end = max;
	const code = value.charCodeAt(end - 1);
	if (code >= 0xd800 && code <= 0xdbff) end--;
	return `${value.slice(0, end)}…`;
}

export interface CappedIssues {
	issues: IntakeIssue[];
	/** issues of the file not listed */
	more: number;
}

/**
 * The first `max` issues of one file, their values cut, and how many more there are.
 * `unlisted`: issues the validator only counted (its list then ends with an "and K more" line,
 * left out here: the count is said once, with this list's own limit).
 */
export function capIssues(
	issues: IntakeIssue[],
	max = MAX_LISTED_ISSUES,
	unlisted = 0
): CappedIssues {
	const listed = unlisted > 0 ? issues.slice(0, -1) : issues;
	return {
		issues: listed.slice(0, max).map((i) => ({ ...i, value: cutValue(i.value) })),
		more: Math.max(0, listed.length - max) + unlisted
	};
}

/** Where a check stands: file `index` of `sizes`, and how far into its reading or its rows. */
export interface UploadProgress {
	/** 0-based file being checked */
	index: number;
	/** every file's size in bytes */
	sizes: number[];
	stage: 'read' | 'check';
	done: number;
	total: number;
}

/** Reading a file is quick next to checking its rows: a tenth of its share. */
const READ_SHARE = 0.1;

/** The share of the whole check done, 0 to 1, each file weighted by its size. */
export function uploadFraction(p: UploadProgress): number {
	const all = p.sizes.reduce((s, n) => s + n, 0);
	if (all === 0) return p.index / Math.max(1, p.sizes.length);
	const before = p.sizes.slice(0, p.index).reduce((s, n) => s + n, 0);
	const part = p.total > 0 ? Math.min(1, p.done / p.total) : 0;
	const stage = p.stage === 'read' ? READ_SHARE * part : READ_SHARE + (1 - READ_SHARE) * part;
	return Math.min(1, (before + (p.sizes[p.index] ?? 0) * stage) / all);
}
