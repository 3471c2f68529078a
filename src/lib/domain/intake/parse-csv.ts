/**
 * Reads a report file's text into rows with their line numbers, the way a spreadsheet numbers
 * them, so every error can point at the row a person sees. Shared by the build pipeline and the
 * browser upload: no Node, no DOM.
 */
import Papa from 'papaparse';

export interface CsvRow {
	/** 1-based line of the file where the row starts */
	line: number;
	cells: string[];
}

export interface ParsedCsv {
	header: string[];
	headerLine: number;
	rows: CsvRow[];
	delimiter: ',' | ';';
	/** lines starting with # before the header */
	comments: string[];
}

/** Semicolons are what Excel writes on Vietnamese (and most European) Windows. */
export function detectDelimiter(headerLine: string): ',' | ';' {
	const count = (ch: string) => headerLine.split(ch).length - 1;
	return count(';') > count(',') ? ';' : ',';
}

export function parseCsv(text: string): ParsedCsv {
	const clean = text.replace(/^\uFEFF/, '');
	const lines = clean.split(/\r\n|\n|\r/);
	const comments: string[] = [];
	let headerIndex = 0;
	while (headerIndex < lines.length) {
		const l = lines[headerIndex];
		if (l.startsWith('#')) comments.push(l.slice(1).trim());
		else if (l.trim() !== '') break;
		headerIndex++;
	}
	const delimiter = detectDelimiter(lines[headerIndex] ?? '');
	const body = lines.slice(headerIndex).join('\n');
	const result = Papa.parse<string[]>(body, { delimiter, skipEmptyLines: false });
	// Papa gives no line numbers; rows here never span lines unless quoted, so count newlines per row.
	const rows: CsvRow[] = [];
	let line = headerIndex + 1;
	let header: string[] = [];
	result.data.forEach((cells, i) => {
		const span = cells.reduce((n, c) => n + (c.match(/\n/g)?.length ?? 0), 0);
		if (i === 0) header = cells.map((h) => h.trim());
		else if (cells.some((c) => c.trim() !== '')) rows.push({ line, cells });
		line += 1 + span;
	});
	return { header, headerLine: headerIndex + 1, rows, delimiter, comments };
}
