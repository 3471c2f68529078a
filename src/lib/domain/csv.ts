/**
 * Writes CSV the way this site publishes it: UTF-8 with a BOM so Excel shows Vietnamese
 * correctly, CRLF-free, optional '#' notice lines, and text cells that a spreadsheet would run
 * as a formula (=, +, -, @, tab, CR) neutralised with a leading apostrophe.
 */
export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

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
