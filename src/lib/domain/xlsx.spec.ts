import { describe, expect, it } from 'vitest';
import { columnName, crc32, storedZip, xlsxWorkbook } from './xlsx';

const text = (s: string) => new TextEncoder().encode(s);

describe('the .xlsx writer', () => {
	it('computes the zip CRC-32 (the standard check value of "123456789")', () => {
		expect(crc32(text('123456789')).toString(16)).toBe('cbf43926');
		expect(crc32(new Uint8Array())).toBe(0);
	});
	it('names columns as spreadsheets do', () => {
		expect([0, 25, 26, 27, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
	});
	it('writes a zip whose end record counts its entries and points at the directory', () => {
		const zip = storedZip([
			['a.txt', text('hello')],
			['b/c.xml', text('<x/>')]
		]);
		const view = new DataView(zip.buffer);
		const end = zip.length - 22;
		expect(view.getUint32(end, true)).toBe(0x06054b50);
		expect(view.getUint16(end + 10, true)).toBe(2);
		// local header 1: 30 + 5 + 5; local header 2: 30 + 7 + 4
		expect(view.getUint32(end + 16, true)).toBe(81);
		expect(view.getUint32(81, true)).toBe(0x02014b50);
	});
	it('holds the sheet with inline strings, numbers and escaped text', () => {
		const zip = xlsxWorkbook('units-2024', [
			['a<b', 'Phường'],
			[1, null]
		]);
		const body = new TextDecoder().decode(zip);
		expect(body).toContain(
			'<c r="A1" t="inlineStr"><is><t xml:space="preserve">a&lt;b</t></is></c>'
		);
		expect(body).toContain('<c r="A2"><v>1</v></c>');
		expect(body).not.toContain('r="B2"');
		expect(body).toContain('<sheet name="units-2024"');
	});
});
