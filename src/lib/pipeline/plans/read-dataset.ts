/**
 * A plan's dataset folder (data/datasets/<plan id>/), entry by entry: dataset.json, the report
 * files the plan's intake format names and calibration.json (what illustrative data was generated
 * from, not read here) (`<prefix>-<year>.csv|.xlsx`); anything else is an error
 * naming the expected names. Files are read whole (a plan's reports are small) into rows of text
 * with the line (or sheet row) each came from; checking the values is validate.ts's work.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { readSheet } from 'read-excel-file/node';
import { readCsvText } from '../../domain/intake/csv-stream';
import { decodeReport } from '../../domain/intake/decode';
import type { IntakeIssue } from '../../domain/intake/messages';
import {
	expectedNames,
	matchFile,
	type IntakeFile,
	type IntakeFormat
} from '../../domain/plan/intake-format';
import { readDataset, type Dataset } from '../read-inputs';
import { classifyEntries, MAX_XLSX_BYTES, openRegular } from '../report-files';

export interface ReadFile {
	/** as messages show it: <folder>/<name> */
	file: string;
	spec: IntakeFile;
	year: number;
	sheet?: string;
	header: string[];
	/** the header's line */
	headerLine: number;
	rows: { line: number; cells: string[] }[];
}

export const fileIssue = (
	file: string,
	vi: string,
	en: string,
	row = 0,
	column = ''
): IntakeIssue => ({
	file,
	row,
	column,
	value: '',
	severity: 'error',
	message: { vi, en }
});

export async function readDatasetFolder(
	dir: string,
	format: IntakeFormat
): Promise<{ dataset?: Dataset; files: ReadFile[]; issues: IntakeIssue[] }> {
	const folder = path.basename(dir);
	const issues: IntakeIssue[] = [];
	let entries;
	try {
		entries = await readdir(dir, { withFileTypes: true });
	} catch (e) {
		const code = (e as NodeJS.ErrnoException).code;
		return {
			files: [],
			issues: [
				fileIssue(
					folder,
					`Không đọc được thư mục số liệu ${dir} (${code}).`,
					`The dataset folder ${dir} cannot be read (${code}).`
				)
			]
		};
	}
	const { reports, issues: entryIssues } = classifyEntries(folder, dir, entries);
	const expected = expectedNames(format).join(', ');
	// calibration.json: the figures an illustrative dataset was generated from (npm run generate:plans)
	for (const i of entryIssues.filter((i) => path.posix.basename(i.file) !== 'calibration.json'))
		issues.push({
			...i,
			message: {
				vi: `${i.message.vi} Tên tệp cần có: ${expected}.`,
				en: `${i.message.en} Expected names: ${expected}.`
			}
		});
	const dataset = await readDataset(path.posix.join(folder, 'dataset.json'), dir);
	if ('issue' in dataset) issues.push(dataset.issue);
	const files: ReadFile[] = [];
	const seen = new Map<string, string>();
	for (const r of reports) {
		const name = path.basename(r.path);
		const m = matchFile(format, name);
		if (!m) {
			issues.push(
				fileIssue(
					r.file,
					`Tên tệp không đúng mẫu của kế hoạch này: cần một trong ${expected} (thay <year> bằng năm, ví dụ ${format.files[0]?.prefix}-2024.csv).`,
					`This file name is not one this plan asks for: use one of ${expected} (<year> is the year, e.g. ${format.files[0]?.prefix}-2024.csv).`
				)
			);
			continue;
		}
		const key = `${m.file.prefix}-${m.year}`;
		if (seen.has(key)) {
			issues.push(
				fileIssue(
					r.file,
					`Năm ${m.year} đã có tệp ${seen.get(key)}: mỗi loại báo cáo một tệp mỗi năm; xóa một trong hai.`,
					`${seen.get(key)} already holds ${m.year}: one file per kind of report and year; remove one of the two.`
				)
			);
			continue;
		}
		seen.set(key, r.file);
		const read =
			m.ext === 'csv' ? await readCsvFile(r.file, r.path) : await readXlsxFile(r.file, r.path);
		if ('issue' in read) issues.push(read.issue);
		else files.push({ ...read, file: r.file, spec: m.file, year: m.year });
	}
	return { dataset: 'dataset' in dataset ? dataset.dataset : undefined, files, issues };
}

type Parsed = Pick<ReadFile, 'header' | 'headerLine' | 'rows' | 'sheet'>;

async function bytesOf(
	file: string,
	full: string,
	max?: number
): Promise<Uint8Array | { issue: IntakeIssue }> {
	const opened = await openRegular(file, full);
	if ('issue' in opened) return opened;
	try {
		if (max !== undefined && opened.size > max)
			return {
				issue: fileIssue(
					file,
					'Tệp .xlsx quá lớn: lưu thành "CSV UTF-8".',
					'The .xlsx file is too large: save it as "CSV UTF-8".'
				)
			};
		return new Uint8Array(await opened.fh.readFile());
	} finally {
		await opened.fh.close();
	}
}

async function readCsvFile(file: string, full: string): Promise<Parsed | { issue: IntakeIssue }> {
	const bytes = await bytesOf(file, full);
	if ('issue' in bytes) return bytes;
	const { text } = decodeReport(bytes);
	const out: Parsed = { header: [], headerLine: 0, rows: [] };
	let problem: IntakeIssue | undefined;
	readCsvText(text, {
		header(cells, line) {
			out.header = cells;
			out.headerLine = line;
		},
		row(line, cells) {
			out.rows.push({ line, cells });
		},
		broken(line) {
			problem ??= fileIssue(
				file,
				'Dòng không đọc được (dấu ngoặc kép chưa đóng hoặc dòng quá dài): sửa trong Excel rồi lưu lại thành CSV UTF-8.',
				'A row cannot be read (an unclosed quote or an over-long row): fix it in a spreadsheet and save as CSV UTF-8.',
				line
			);
		}
	});
	if (problem) return { issue: problem };
	if (out.headerLine === 0)
		return {
			issue: fileIssue(
				file,
				'Tệp trống: cần dòng tiêu đề.',
				'The file is empty: it needs the header row.'
			)
		};
	return out;
}

function cellText(v: unknown): string {
	if (v === null || v === undefined) return '';
	if (v instanceof Date) return isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
	return String(v);
}

async function readXlsxFile(file: string, full: string): Promise<Parsed | { issue: IntakeIssue }> {
	const bytes = await bytesOf(file, full, MAX_XLSX_BYTES);
	if ('issue' in bytes) return bytes;
	let rows: unknown[][];
	try {
		rows = (await readSheet(Buffer.from(bytes), 1, {
			parseNumber: (s: string) => s
		})) as unknown[][];
	} catch {
		return {
			issue: fileIssue(
				file,
				'Không đọc được tệp .xlsx: mở lại trong Excel và lưu thành "Sổ làm việc Excel (*.xlsx)" hoặc "CSV UTF-8".',
				'The .xlsx file cannot be read: open it in a spreadsheet and save it as "Excel Workbook (*.xlsx)" or "CSV UTF-8".'
			)
		};
	}
	const out: Parsed = { header: [], headerLine: 0, rows: [], sheet: '1' };
	rows.forEach((r, i) => {
		const cells = r.map(cellText);
		if (out.headerLine === 0) {
			if (cells[0]?.startsWith('#') || cells.every((c) => c.trim() === '')) return;
			out.header = cells.map((c) => c.trim());
			out.headerLine = i + 1;
		} else if (cells.some((c) => c.trim() !== '')) out.rows.push({ line: i + 1, cells });
	});
	if (out.headerLine === 0)
		return {
			issue: fileIssue(
				file,
				'Trang tính trống: cần dòng tiêu đề.',
				'The sheet is empty: it needs the header row.'
			)
		};
	return out;
}
