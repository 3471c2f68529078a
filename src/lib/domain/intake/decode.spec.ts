import { describe, expect, it } from 'vitest';
import { decodeReport } from './decode';

const name = 'Xã Đắk Choong';

function utf16le(s: string, bom = true) {
	const out = new Uint8Array((bom ? 2 : 0) + s.length * 2);
	if (bom) out.set([0xff, 0xfe]);
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		out[(bom ? 2 : 0) + i * 2] = c & 0xff;
		out[(bom ? 2 : 0) + i * 2 + 1] = c >> 8;
	}
	return out;
}

describe('decodeReport', () => {
	it('reads UTF-8 with and without a BOM', () => {
		const plain = new TextEncoder().encode(`commune_code,name\n23335,${name}\n`);
		expect(decodeReport(plain)).toEqual({
			text: `commune_code,name\n23335,${name}\n`,
			encoding: 'utf-8'
		});
		const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...plain]);
		expect(decodeReport(bom).text.startsWith('commune_code')).toBe(true);
	});
	it('reads UTF-16 LE with and without a BOM (Excel "Unicode text")', () => {
		expect(decodeReport(utf16le(`a,b\n1,${name}`)).text).toBe(`a,b\n1,${name}`);
		expect(decodeReport(utf16le(`commune_code,b\n1,${name}`, false))).toEqual({
			text: `commune_code,b\n1,${name}`,
			encoding: 'utf-16le'
		});
	});
	it('makes decomposed Vietnamese (NFD) precomposed (NFC)', () => {
		const nfd = new TextEncoder().encode(name.normalize('NFD'));
		expect(decodeReport(nfd).text).toBe(name.normalize('NFC'));
		expect(decodeReport(nfd).text.length).toBe(name.length);
	});
	it('reads a legacy single-byte file as Windows-1258 and says so', () => {
		// Windows-1258 bytes of "Xă Đấk": X, ă (0xE3), space, Đ (0xD0), â (0xE2) + combining acute (0xEC), k
		const bytes = new Uint8Array([0x58, 0xe3, 0x20, 0xd0, 0xe2, 0xec, 0x6b]);
		const d = decodeReport(bytes);
		expect(d.encoding).toBe('windows-1258');
		expect(d.text).toBe('Xă Đấk');
	});
});
