/**
 * Reads CSV text pushed in pieces, row by row, with the line each row starts on, the way a
 * spreadsheet numbers them: memory holds one row, never the file. Shared by the build pipeline
 * and the browser upload: no Node, no DOM.
 *
 * Before the header: '#' comment lines and blank lines. The header line sets the separator
 * (',' or ';', what Excel on Vietnamese Windows writes). Quoted cells may hold separators,
 * quotes ("") and line breaks. Blank rows are skipped (their lines still count).
 */

/** What a reader does with the rows. */
export interface CsvSink {
	header(cells: string[], line: number, delimiter: ',' | ';'): void;
	row(line: number, cells: string[]): void;
	comment?(text: string): void;
	/** The text cannot be read on from here (`fatal`) or this one row cannot (the rest can). */
	broken(line: number, problem: CsvProblem, fatal: boolean): void;
}

export type CsvProblem =
	| { kind: 'unclosed-quote'; start: string }
	| { kind: 'row-too-long'; start: string; chars: number };

/** No report row is anywhere near this long: past it, a quote was left open or lines lost their breaks. */
export const MAX_ROW_CHARS = 1 << 20;

/** Semicolons are what Excel writes on Vietnamese (and most European) Windows. */
export function detectDelimiter(headerLine: string): ',' | ';' {
	const count = (ch: string) => headerLine.split(ch).length - 1;
	return count(';') > count(',') ? ';' : ',';
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

export class CsvStream {
	private pending = '';
	private line = 1;
	private delimiter: ',' | ';' | null = null;
	private delimCode = 44;
	/** set after a fatal problem: the rest of the text is not read */
	stopped = false;
	/** when skipping the rest of an over-long row: true until its line break */
	private skipping = false;

	constructor(
		private readonly sink: CsvSink,
		private readonly maxRow = MAX_ROW_CHARS
	) {}

	push(text: string): void {
		if (this.stopped || text === '') return;
		if (this.line === 1 && this.pending === '' && text.charCodeAt(0) === 0xfeff)
			text = text.slice(1);
		this.pending += text;
		this.drain(false);
	}

	end(): void {
		if (this.stopped) return;
		this.drain(true);
		this.stopped = true;
	}

	private drain(final: boolean) {
		if (this.delimiter === null && !this.preamble(final)) return;
		this.body(final);
	}

	/** Comment and blank lines, then the header line. False while the header line is incomplete. */
	private preamble(final: boolean): boolean {
		let pos = 0;
		const text = this.pending;
		for (;;) {
			let nl = text.indexOf('\n', pos);
			const cr = text.indexOf('\r', pos);
			if (cr !== -1 && (nl === -1 || cr < nl)) nl = cr;
			if (nl === -1 && !final) {
				this.pending = text.slice(pos);
				if (this.pending.length > this.maxRow) this.tooLong(this.pending, true);
				return false;
			}
			// a CR at the very end may be the first half of CRLF
			if (nl === text.length - 1 && text[nl] === '\r' && !final) {
				this.pending = text.slice(pos);
				return false;
			}
			const end = nl === -1 ? text.length : nl;
			const l = text.slice(pos, end);
			const next =
				nl === -1 ? text.length : text[nl] === '\r' && text[nl + 1] === '\n' ? nl + 2 : nl + 1;
			if (l.startsWith('#')) this.sink.comment?.(l.slice(1).trim());
			else if (l.trim() !== '') {
				this.delimiter = detectDelimiter(l);
				this.delimCode = this.delimiter.charCodeAt(0);
				// the header is read as a row of the body, from its own line
				this.pending = text.slice(pos);
				return true;
			}
			if (nl === -1) {
				this.pending = '';
				return false;
			}
			this.line++;
			pos = next;
		}
	}

	private tooLong(start: string, fatal: boolean) {
		this.sink.broken(
			this.line,
			{ kind: 'row-too-long', start: start.slice(0, 200), chars: start.length },
			fatal
		);
		if (fatal) this.stopped = true;
	}

	private body(final: boolean) {
		const text = this.pending;
		const n = text.length;
		const d = this.delimCode;
		let pos = 0;
		if (this.skipping) {
			const nl = text.search(/[\r\n]/);
			if (nl === -1) {
				this.pending = '';
				return;
			}
			this.skipping = false;
			pos = nl;
		}
		for (;;) {
			// one row from pos; commit it only when it ends inside the text seen so far
			const start = pos;
			let p = pos;
			let lines = 0;
			const cells: string[] = [];
			let complete = false;
			let quoteOpen = false;
			let atRowEnd = false;
			while (p < n) {
				// one cell
				if (text.charCodeAt(p) === QUOTE) {
					let buf = '';
					let q = p + 1;
					quoteOpen = true;
					while (q < n) {
						const c = text.charCodeAt(q);
						if (c === QUOTE) {
							if (q + 1 < n && text.charCodeAt(q + 1) === QUOTE) {
								buf += text.slice(p + 1, q + 1);
								p = q + 1;
								q += 2;
								continue;
							}
							if (q + 1 >= n && !final) break; // might be the first of a "" pair
							quoteOpen = false;
							break;
						}
						if (c === LF || (c === CR && text.charCodeAt(q + 1) !== LF)) lines++;
						q++;
					}
					if (quoteOpen || q >= n) {
						if (quoteOpen && final) {
							this.sink.broken(
								this.line,
								{ kind: 'unclosed-quote', start: text.slice(start, start + 200) },
								true
							);
							this.stopped = true;
							this.pending = '';
							return;
						}
						break; // incomplete: wait for more text
					}
					buf += text.slice(p + 1, q);
					p = q + 1;
					// anything after the closing quote up to the separator is kept, as spreadsheets do
					let e = p;
					while (e < n) {
						const c = text.charCodeAt(e);
						if (c === d || c === LF || c === CR) break;
						e++;
					}
					buf += text.slice(p, e);
					cells.push(buf);
					p = e;
				} else {
					let e = p;
					while (e < n) {
						const c = text.charCodeAt(e);
						if (c === d || c === LF || c === CR) break;
						e++;
					}
					cells.push(text.slice(p, e));
					p = e;
				}
				if (p >= n) {
					if (final) {
						complete = true;
						atRowEnd = true;
					}
					break;
				}
				const c = text.charCodeAt(p);
				if (c === d) {
					p++;
					if (p >= n && final) {
						cells.push('');
						complete = true;
						atRowEnd = true;
					}
					continue;
				}
				// a line break ends the row; CR at the very end may be half of CRLF
				if (c === CR) {
					if (p + 1 >= n && !final) break;
					p += text.charCodeAt(p + 1) === LF ? 2 : 1;
				} else p++;
				complete = true;
				break;
			}
			if (!complete) {
				this.pending = text.slice(start);
				if (this.pending.length > this.maxRow) {
					if (quoteOpen) {
						this.sink.broken(
							this.line,
							{ kind: 'unclosed-quote', start: this.pending.slice(0, 200) },
							true
						);
						this.stopped = true;
						this.pending = '';
					} else {
						this.tooLong(this.pending, false);
						this.skipping = true;
						this.pending = '';
						this.line += lines;
					}
				}
				return;
			}
			const line = this.line;
			this.line += lines + (atRowEnd ? 0 : 1);
			this.emit(line, cells);
			pos = p;
			if (this.stopped) return;
			if (pos >= n) {
				this.pending = '';
				return;
			}
		}
	}

	private headerDone = false;

	private emit(line: number, cells: string[]) {
		if (!this.headerDone) {
			this.headerDone = true;
			this.sink.header(
				cells.map((h) => h.trim()),
				line,
				this.delimiter!
			);
			return;
		}
		for (const c of cells) if (c.trim() !== '') return this.sink.row(line, cells);
	}
}

/** Reads a whole text through CsvStream. */
export function readCsvText(text: string, sink: CsvSink): void {
	const s = new CsvStream(sink);
	s.push(text);
	s.end();
}
