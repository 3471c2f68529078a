/**
 * CsvStream against the whole-text reading: the same rows and line numbers wherever the text is
 * cut into pieces; hostile text (an unclosed quote, a line without breaks) is one bounded message.
 */
import { describe, expect, it } from 'vitest';
import { CsvStream, type CsvProblem, type CsvSink } from './csv-stream';

type Event = [string, ...unknown[]];

function recorder(): CsvSink & { events: Event[] } {
	const events: Event[] = [];
	return {
		events,
		header: (cells, line, d) => events.push(['header', cells, line, d]),
		row: (line, cells) => events.push(['row', line, cells]),
		comment: (t) => events.push(['comment', t]),
		broken: (line, p: CsvProblem, fatal) => events.push(['broken', line, p.kind, fatal])
	};
}

function read(pieces: string[], maxRow?: number) {
	const r = recorder();
	const s = new CsvStream(r, maxRow);
	for (const p of pieces) s.push(p);
	s.end();
	return r.events;
}

const text =
	'\uFEFF# note one\r\n\r\n# note two\n' +
	'a;b;c\r\n' +
	'1;"x;y";3\r\n' +
	'\n' +
	'2;"he said ""hi""";\r' +
	'3;"two\r\nlines";z\n' +
	' ; ;\n' +
	'4;5;6';

describe('CsvStream', () => {
	it('reads comments, the header (";"), quotes, CRLF, CR, blank rows and line numbers', () => {
		expect(read([text])).toEqual([
			['comment', 'note one'],
			['comment', 'note two'],
			['header', ['a', 'b', 'c'], 4, ';'],
			['row', 5, ['1', 'x;y', '3']],
			['row', 7, ['2', 'he said "hi"', '']],
			['row', 8, ['3', 'two\r\nlines', 'z']],
			['row', 11, ['4', '5', '6']]
		]);
	});

	it('gives the same rows wherever the text is cut, even one character at a time', () => {
		const whole = read([text]);
		for (let i = 1; i < text.length; i++)
			expect(read([text.slice(0, i), text.slice(i)]), `cut at ${i}`).toEqual(whole);
		expect(read([...text])).toEqual(whole);
	});

	it('an unclosed quote is one fatal problem at its row, without reading on', () => {
		const body = 'a,b\n1,2\n3,"oops,4\n' + '5,6\n'.repeat(100_000);
		const r = recorder();
		const s = new CsvStream(r, 64 * 1024);
		for (let i = 0; i < body.length; i += 4096) s.push(body.slice(i, i + 4096));
		s.end();
		expect(r.events).toEqual([
			['header', ['a', 'b'], 1, ','],
			['row', 2, ['1', '2']],
			['broken', 3, 'unclosed-quote', true]
		]);
		expect(s.stopped).toBe(true);
		// the same at the end of a short file
		expect(read(['a,b\n1,"2\n3,4\n']).at(-1)).toEqual(['broken', 2, 'unclosed-quote', true]);
	});

	it('a line longer than a row can be is skipped with a problem; the rows after it are read', () => {
		const long = 'x'.repeat(5000);
		const events = read(['a,b\n1,2\n', long.slice(0, 2500), long.slice(2500) + '\n3,4\n'], 1000);
		expect(events).toEqual([
			['header', ['a', 'b'], 1, ','],
			['row', 2, ['1', '2']],
			['broken', 3, 'row-too-long', false],
			['row', 4, ['3', '4']]
		]);
	});
});
