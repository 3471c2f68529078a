import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv';

describe('toCsv', () => {
	it('writes a BOM, the notice lines, the header and the rows', () => {
		const text = toCsv(
			['a', 'b'],
			[
				{ a: 'Xã Đắk Choong', b: 3 },
				{ a: null, b: 0.5 }
			],
			{
				notice: ['DỮ LIỆU MINH HỌA']
			}
		);
		expect(text).toBe('\uFEFF# DỮ LIỆU MINH HỌA\na,b\nXã Đắk Choong,3\n,0.5\n');
	});
	it('quotes separators and quotes', () => {
		expect(csvCell('Huyện Ia H\' Drai, "x"')).toBe('"Huyện Ia H\' Drai, ""x"""');
	});
	it('neutralises cells a spreadsheet would run as a formula', () => {
		for (const bad of ['=1+1', '+84', '-2', '@SUM(A1)', '\tx', '\rx'])
			expect(csvCell(bad).replace(/^"/, '').startsWith("'")).toBe(true);
		expect(csvCell(-2)).toBe('-2');
	});
	it('neutralises a formula behind leading whitespace', () => {
		expect(csvCell(' =1+1')).toBe("' =1+1");
		expect(csvCell('   +84 123')).toBe("'   +84 123");
		expect(csvCell('\u00a0=HYPERLINK("x")')).toBe('"\'\u00a0=HYPERLINK(""x"")"');
		expect(csvCell('\t-2')).toBe("'\t-2");
		expect(csvCell('\r@SUM(A1)')).toBe('"\'\r@SUM(A1)"');
		expect(csvCell('\n=1')).toBe('"\'\n=1"');
		expect(csvCell(' \n =cmd')).toBe('"\' \n =cmd"');
	});
	it('leaves text that only contains a formula sign further on', () => {
		expect(csvCell('Xã A = 3')).toBe('Xã A = 3');
		expect(csvCell(' Xã A-B')).toBe(' Xã A-B');
		expect(csvCell('a\n=1')).toBe('"a\n=1"');
	});
	it('leaves no NaN or Infinity in the output', () => {
		expect(csvCell(NaN)).toBe('');
		expect(csvCell(Infinity)).toBe('');
	});
});
