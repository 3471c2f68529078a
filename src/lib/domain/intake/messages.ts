/** Intake errors: where, what, and how to fix it, in Vietnamese and English. */
import type { Label } from '../breakdowns';

export interface IntakeIssue {
	file: string;
	/** the worksheet of an .xlsx file */
	sheet?: string;
	/**
	 * 1-based line in the file, as a spreadsheet shows it; the header line for a missing column;
	 * 0 for an issue about the whole file (its name, its kind, a count of further errors)
	 */
	row: number;
	/** '' when the issue is about no one column */
	column: string;
	value: string;
	message: Label;
	severity: 'error' | 'warning';
}

/** Values echoed in a message are cut to this many characters: a message names, it does not quote. */
export const MAX_ECHO = 80;

/**
 * Control characters, shown escaped: a cell or a file name must not clear a terminal, retitle it,
 * or forge lines in a build log (ANSI escapes, CR, LF, bidirectional overrides).
 */
export function escapeControl(s: string): string {
	// eslint-disable-next-line no-control-regex
	return s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => {
		if (c === '\n') return '\\n';
		if (c === '\r') return '\\r';
		if (c === '\t') return '\\t';
		const code = c.charCodeAt(0);
		return code < 0x100
			? `\\x${code.toString(16).padStart(2, '0')}`
			: `\\u${code.toString(16).padStart(4, '0')}`;
	});
}

/** A value cut to a readable length, saying how long it was. */
export function clip(s: string, max = MAX_ECHO): string {
	return s.length <= max ? s : `${s.slice(0, max)}… (${s.length})`;
}

/** Text from a file or a file name, safe to print: cut, then control characters escaped. */
export const shown = (s: string, max = MAX_ECHO) => escapeControl(clip(s, max));

export function formatIssue(issue: IntakeIssue, lang: 'vi' | 'en'): string {
	const vi = lang === 'vi';
	const parts = [shown(issue.file, 200)];
	if (issue.sheet !== undefined) parts.push(`${vi ? 'trang' : 'sheet'} "${shown(issue.sheet)}"`);
	if (issue.row > 0) parts.push(`${vi ? 'dòng' : 'row'} ${issue.row}`);
	if (issue.column !== '') parts.push(`${vi ? 'cột' : 'column'} "${shown(issue.column)}"`);
	const value = issue.value === '' ? '' : ` (${vi ? 'giá trị' : 'value'} "${shown(issue.value)}")`;
	return `${parts.join(', ')}${value}: ${escapeControl(issue.message[lang])}`;
}

/**
 * The same key (unit, year and, for children, every breakdown) in two report files: said on the
 * later file's row, naming the earlier one's, with the columns that form the key and the fix.
 */
export function crossFileDuplicate(
	first: { file: string; line: number },
	second: { file: string; line: number },
	keyColumns: string[],
	key: string
): IntakeIssue {
	const where = `${shown(first.file, 200)}`;
	return {
		file: second.file,
		row: second.line,
		column: keyColumns.join(', '),
		value: key,
		severity: 'error',
		message: {
			vi: `Dòng này trùng khóa (${keyColumns.join(', ')}) với tệp ${where}, dòng ${first.line}: mỗi đơn vị, năm và ô chỉ được báo cáo trong một tệp. Xóa dòng ở một trong hai tệp; nếu hai dòng là hai phần của cùng một số liệu, gộp thành một dòng.`,
			en: `This row has the same key (${keyColumns.join(', ')}) as ${where}, row ${first.line}: each unit, year and cell is reported in one file only. Delete the row from one of the two files; if the two rows are parts of one figure, merge them into one row.`
		}
	};
}
