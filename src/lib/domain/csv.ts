/**
 * Writes CSV the way this site publishes it: UTF-8 with a BOM so Excel shows Vietnamese
 * correctly, CRLF-free, optional '#' notice lines, and text cells that a spreadsheet would run
 * as a formula (=, +, -, @, tab, CR) neutralised with a leading apostrophe. Spreadsheets skip
 * leading whitespace before a formula (spaces, no-break space, tab, CR, LF), so those count too.
 */
export type CsvCell = string | number | boolean | null | undefined;

// \s covers space, U+00A0 (no-break), tab, CR, LF and the other Unicode spaces.
const FORMULA_START = /^[\t\r]|^\s*[=+\-@]/;

export function csvCell(value: CsvCell): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	if (typeof value === 'boolean') return value ? 'true' : 'false';
	const text = FORMULA_START.test(value) ? `'${value}` : value;
	return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(
	columns: string[],
	rows: Record<string, CsvCell>[],
	opts: { bom?: boolean; notice?: string[] } = {}
): string {
	const lines = [
		...(opts.notice ?? []).map((n) => `# ${n}`),
		columns.map(csvCell).join(','),
		...rows.map((r) => columns.map((c) => csvCell(r[c])).join(','))
	];
	return (opts.bom === false ? '' : '\uFEFF') + lines.join('\n') + '\n';
}
