/**
 * The reports folder, entry by entry (build time, Node): every entry is read or named in an
 * error. Only regular files are opened, never through a link (O_NOFOLLOW), never waiting on a
 * pipe (O_NONBLOCK, then fstat); CSV is streamed in pieces, so a report of any size is checked
 * in bounded memory; .xlsx is read with read-excel-file (Node only: it never reaches the browser).
 */
import { constants, type Dirent } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { readSheet } from 'read-excel-file/node';
import { CsvStream } from '../domain/intake/csv-stream';
import { detectEncoding, StreamDecoder } from '../domain/intake/decode';
import { shown, type IntakeIssue } from '../domain/intake/messages';
import {
	legacyEncodingIssue,
	ReportValidator,
	type IntakeContext,
	type ValidatedFile,
	type ValidatorOptions
} from '../domain/intake/validate';

export interface ReportEntry {
	/** path relative to the reports folder's parent, as messages show it */
	file: string;
	path: string;
	format: 'csv' | 'xlsx';
}

/** Bytes read at a time: the memory a CSV report takes, whatever its size, is about this plus one row. */
const PIECE = 1 << 20;
/** An .xlsx is read whole (it is a zip): past this size it is refused with a way out. */
export const MAX_XLSX_BYTES = 20 * 1024 * 1024;

const fileIssue = (file: string, vi: string, en: string): IntakeIssue => ({
	file,
	row: 0,
	column: '',
	value: '',
	severity: 'error',
	message: { vi, en }
});

const notRegular = (file: string, what: 'link' | 'folder' | 'special'): IntakeIssue =>
	what === 'link'
		? fileIssue(
				file,
				'Là một liên kết (symlink), không phải tệp: liên kết không được mở. Chép chính tệp vào thư mục báo cáo.',
				'Is a link (symlink), not a file: links are never followed. Copy the file itself into the reports folder.'
			)
		: what === 'folder'
			? fileIssue(
					file,
					'Là một thư mục, không phải tệp báo cáo: đưa các tệp trong đó ra thư mục báo cáo, hoặc chuyển thư mục đi nơi khác.',
					'Is a folder, not a report file: move its files up into the reports folder, or move the folder elsewhere.'
				)
			: fileIssue(
					file,
					'Không phải tệp thường (ống có tên, socket hoặc thiết bị): xóa nó khỏi thư mục báo cáo.',
					'Not a regular file (a named pipe, a socket or a device): remove it from the reports folder.'
				);

/** Sorts the folder's entries into report files, dataset.json, and issues for everything else. */
export function classifyEntries(
	folder: string,
	dir: string,
	entries: Dirent[]
): { reports: ReportEntry[]; issues: IntakeIssue[] } {
	const reports: ReportEntry[] = [];
	const issues: IntakeIssue[] = [];
	for (const e of [...entries].sort((a, b) => (a.name < b.name ? -1 : 1))) {
		const name = e.name;
		const file = path.posix.join(folder, name);
		if (e.isSymbolicLink()) issues.push(notRegular(file, 'link'));
		else if (e.isDirectory()) issues.push(notRegular(file, 'folder'));
		else if (!e.isFile()) issues.push(notRegular(file, 'special'));
		else if (name === 'dataset.json') continue;
		else if (/\.csv$/i.test(name) && name.trim() === name)
			reports.push({ file, path: path.join(dir, name), format: 'csv' });
		else if (/\.xlsx$/i.test(name) && name.trim() === name && !name.startsWith('~$'))
			reports.push({ file, path: path.join(dir, name), format: 'xlsx' });
		else issues.push(misnamed(file, name));
	}
	return { reports, issues };
}

function misnamed(file: string, name: string): IntakeIssue {
	const trimmed = name.trim();
	if (trimmed !== name && /\.(csv|xlsx)$/i.test(trimmed))
		return fileIssue(
			file,
			`Tên tệp có dấu cách ở đầu hoặc cuối nên không được đọc: đổi tên thành "${shown(trimmed)}".`,
			`The file name starts or ends with a space, so it is not read: rename it to "${shown(trimmed)}".`
		);
	const base = trimmed.replace(/\.txt$/i, '');
	if (/\.(csv|xlsx)\.txt$/i.test(trimmed))
		return fileIssue(
			file,
			`Tên tệp có thêm đuôi .txt (Windows ẩn đuôi tệp) nên không được đọc: đổi tên thành "${shown(base)}".`,
			`The file name has an extra .txt (Windows hides extensions), so it is not read: rename it to "${shown(base)}".`
		);
	if (name.startsWith('~$'))
		return fileIssue(
			file,
			'Tệp khóa tạm của Excel (sổ đang mở): đóng Excel rồi chạy lại; nếu tệp vẫn còn, xóa nó.',
			"Excel's lock file (a workbook is open): close Excel and run again; if the file stays, delete it."
		);
	if (/\.(xls|xlsm|xlsb|ods)$/i.test(trimmed))
		return fileIssue(
			file,
			'Định dạng bảng tính này không đọc được: trong Excel chọn Lưu thành → "Sổ làm việc Excel (*.xlsx)" hoặc "CSV UTF-8 (Comma delimited)".',
			'This spreadsheet format cannot be read: in Excel choose Save As → "Excel Workbook (*.xlsx)" or "CSV UTF-8 (Comma delimited)".'
		);
	return fileIssue(
		file,
		'Không phải tệp báo cáo: thư mục này chỉ chứa các tệp báo cáo .csv hoặc .xlsx và dataset.json. Chuyển tệp này đi nơi khác, hoặc đổi đuôi thành .csv nếu nó là báo cáo.',
		'Not a report file: this folder holds only .csv or .xlsx reports and dataset.json. Move this file elsewhere, or give it a .csv extension if it is a report.'
	);
}

/**
 * Opens a regular file for reading, refusing links and anything else (a pipe called *.csv would
 * otherwise block forever); returns an issue instead of a handle when it cannot.
 */
export async function openRegular(
	file: string,
	full: string
): Promise<{ fh: FileHandle; size: number } | { issue: IntakeIssue }> {
	let fh: FileHandle;
	try {
		fh = await open(full, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
	} catch (e) {
		const code = (e as NodeJS.ErrnoException).code;
		if (code === 'ELOOP') return { issue: notRegular(file, 'link') };
		if (code === 'ENOENT')
			return {
				issue: fileIssue(
					file,
					'Không tìm thấy tệp: tạo tệp này (xem data/README.md).',
					'File not found: create it (see data/README.md).'
				)
			};
		return {
			issue: fileIssue(
				file,
				`Không mở được tệp (${code ?? 'lỗi'}): kiểm tra quyền đọc tệp.`,
				`The file cannot be opened (${code ?? 'error'}): check it can be read.`
			)
		};
	}
	const st = await fh.stat();
	if (!st.isFile()) {
		await fh.close();
		return { issue: notRegular(file, st.isDirectory() ? 'folder' : 'special') };
	}
	return { fh, size: st.size };
}

async function* pieces(fh: FileHandle): AsyncGenerator<Uint8Array> {
	const buf = Buffer.alloc(PIECE);
	let pos = 0;
	for (;;) {
		const { bytesRead } = await fh.read(buf, 0, PIECE, pos);
		if (bytesRead === 0) return;
		pos += bytesRead;
		yield buf.subarray(0, bytesRead);
	}
}

/** Whether the whole file is UTF-8 (read once, keeping nothing). */
async function isUtf8(fh: FileHandle): Promise<boolean> {
	const d = new TextDecoder('utf-8', { fatal: true });
	try {
		for await (const p of pieces(fh)) d.decode(p, { stream: true });
		d.decode();
		return true;
	} catch {
		return false;
	}
}

/** Reads and validates one CSV report, streamed. */
async function readCsv(
	entry: ReportEntry,
	fh: FileHandle,
	ctx: IntakeContext,
	opts: ValidatorOptions
): Promise<ValidatedFile> {
	const head = Buffer.alloc(400);
	const { bytesRead } = await fh.read(head, 0, 400, 0);
	let encoding = detectEncoding(head.subarray(0, bytesRead));
	if (encoding === 'utf-8' && !(await isUtf8(fh))) encoding = 'windows-1258';
	const v = new ReportValidator(entry.file, ctx, opts);
	const csv = new CsvStream(v);
	const decoder = new StreamDecoder(encoding);
	for await (const p of pieces(fh)) {
		csv.push(decoder.decode(p));
		// nothing more to learn from the rest: a broken quote, or a header that cannot be used
		if (csv.stopped || v.done) break;
	}
	// (when reading stopped early, the piece's last character may be cut: it is not read)
	if (!csv.stopped && !v.done) csv.push(decoder.decode(new Uint8Array(), true));
	csv.end();
	const out = v.finish();
	if (encoding === 'windows-1258') out.issues.unshift(legacyEncodingIssue(entry.file));
	return out;
}

/** A cell of a sheet as the text a CSV would hold. */
function cellText(v: unknown): string {
	if (v === null || v === undefined) return '';
	if (v instanceof Date) return isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
	return String(v);
}

/** Reads and validates one .xlsx report: the first sheet, or the one dataset.json names. */
async function readXlsx(
	entry: ReportEntry,
	fh: FileHandle,
	size: number,
	ctx: IntakeContext,
	opts: ValidatorOptions & { sheetName?: string }
): Promise<ValidatedFile> {
	const fail = (issue: IntakeIssue): ValidatedFile => ({
		file: entry.file,
		kind: null,
		children: [],
		units: [],
		issues: [issue],
		comments: [],
		rows: 0
	});
	if (size > MAX_XLSX_BYTES)
		return fail(
			fileIssue(
				entry.file,
				`Tệp .xlsx lớn hơn ${MAX_XLSX_BYTES / 1024 / 1024} MB: trong Excel chọn Lưu thành → "CSV UTF-8 (Comma delimited)" (tệp CSV được đọc từng phần, không giới hạn cỡ).`,
				`The .xlsx file is over ${MAX_XLSX_BYTES / 1024 / 1024} MB: in Excel choose Save As → "CSV UTF-8 (Comma delimited)" (a CSV is read piece by piece, at any size).`
			)
		);
	let rows: unknown[][];
	const sheet = opts.sheetName;
	try {
		const bytes = await fh.readFile();
		rows = (await readSheet(bytes, sheet ?? 1, { parseNumber: (s: string) => s })) as unknown[][];
	} catch (e) {
		const name = (e as Error).name;
		if (name === 'SheetNotFoundError') {
			const sheets = shown(/Available sheets: (.*)$/.exec((e as Error).message)?.[1] ?? '?', 200);
			return fail(
				fileIssue(
					entry.file,
					`Không có trang tính "${shown(sheet ?? '1')}" (tên trang ghi trong dataset.json, mục format.sheet); sổ này có: ${sheets}. Đổi tên trang hoặc sửa dataset.json.`,
					`No sheet named "${shown(sheet ?? '1')}" (the sheet named in dataset.json, format.sheet); this workbook has: ${sheets}. Rename the sheet or fix dataset.json.`
				)
			);
		}
		return fail(
			fileIssue(
				entry.file,
				'Không đọc được tệp .xlsx (tệp hỏng hoặc không phải sổ Excel): mở lại trong Excel và lưu thành "Sổ làm việc Excel (*.xlsx)" hoặc "CSV UTF-8".',
				'The .xlsx file cannot be read (damaged, or not an Excel workbook): open it in Excel and save it as "Excel Workbook (*.xlsx)" or "CSV UTF-8".'
			)
		);
	}
	const v = new ReportValidator(entry.file, ctx, { ...opts, sheet: sheet ?? 'Sheet 1' });
	let width = 0;
	for (const [i, raw] of rows.entries()) {
		const cells = raw.map(cellText);
		const line = i + 1;
		if (width === 0) {
			if (cells[0]?.startsWith('#')) v.comment(cells[0].slice(1).trim());
			else if (cells.some((c) => c.trim() !== '')) {
				// a sheet's trailing empty header cells are not columns
				while (cells.length > 0 && cells[cells.length - 1].trim() === '') cells.pop();
				width = cells.length;
				v.header(
					cells.map((c) => c.trim()),
					line,
					','
				);
			}
		} else if (cells.some((c) => c.trim() !== '')) {
			// a sheet has no ragged rows: empty cells past the header are nothing, missing ones are empty
			while (cells.length > width && cells[cells.length - 1].trim() === '') cells.pop();
			while (cells.length < width) cells.push('');
			v.row(line, cells);
		}
		if (v.done) break;
	}
	return v.finish();
}

/** Reads and validates one report file of the folder, or says why it cannot. */
export async function readReportFile(
	entry: ReportEntry,
	ctx: IntakeContext,
	opts: ValidatorOptions & { sheetName?: string } = {}
): Promise<ValidatedFile> {
	const opened = await openRegular(entry.file, entry.path);
	if ('issue' in opened)
		return {
			file: entry.file,
			kind: null,
			children: [],
			units: [],
			issues: [opened.issue],
			comments: [],
			rows: 0
		};
	try {
		return entry.format === 'xlsx'
			? await readXlsx(entry, opened.fh, opened.size, ctx, opts)
			: await readCsv(entry, opened.fh, ctx, opts);
	} finally {
		await opened.fh.close();
	}
}
