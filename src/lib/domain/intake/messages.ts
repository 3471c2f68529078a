/** Intake errors: where, what, and how to fix it, in Vietnamese and English. */
import type { Label } from '../breakdowns';

export interface IntakeIssue {
	file: string;
	/** 1-based line in the file, as a spreadsheet shows it; the header line for a missing column */
	row: number;
	column: string;
	value: string;
	message: Label;
	severity: 'error' | 'warning';
}

export function formatIssue(issue: IntakeIssue, lang: 'vi' | 'en'): string {
	const where =
		lang === 'vi'
			? `${issue.file}, dòng ${issue.row}, cột "${issue.column}"`
			: `${issue.file}, row ${issue.row}, column "${issue.column}"`;
	const value =
		issue.value === ''
			? ''
			: lang === 'vi'
				? ` (giá trị "${issue.value}")`
				: ` (value "${issue.value}")`;
	return `${where}${value}: ${issue.message[lang]}`;
}
