/**
 * A minimal .xlsx (Office Open XML) workbook of one sheet: inline strings and numbers, no styles.
 * Enough for a report template that Excel, LibreOffice and read-excel-file open. The zip is
 * written here, entries stored uncompressed (a template is a few hundred bytes): fflate and
 * read-excel-file stay build-time pipeline libraries (src/lib/pipeline/node-only.spec.ts).
 */

export type XlsxCell = string | number | null;

const escXml = (s: string) =>
	s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** A1-style column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnName(i: number): string {
	let s = '';
	for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26))
		s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
	return s;
}

function sheetXml(rows: XlsxCell[][]): string {
	const body = rows
		.map((row, r) => {
			const cells = row
				.map((v, c) => {
					const ref = `${columnName(c)}${r + 1}`;
					if (v === null || v === '') return '';
					if (typeof v === 'number') return `<c r="${ref}"><v>${v}</v></c>`;
					return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escXml(v)}</t></is></c>`;
				})
				.join('');
			return `<row r="${r + 1}">${cells}</row>`;
		})
		.join('');
	return (
		'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
		'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
		`<sheetData>${body}</sheetData></worksheet>`
	);
}

/** The workbook's bytes: one sheet named `sheetName` holding `rows`. */
export function xlsxWorkbook(sheetName: string, rows: XlsxCell[][]): Uint8Array {
	const files: Record<string, string> = {
		'[Content_Types].xml':
			'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
			'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
			'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
			'<Default Extension="xml" ContentType="application/xml"/>' +
			'<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
			'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
			'</Types>',
		'_rels/.rels':
			'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
			'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
			'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
			'</Relationships>',
		'xl/workbook.xml':
			'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
			'<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
			`<sheets><sheet name="${escXml(sheetName.slice(0, 31))}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		'xl/_rels/workbook.xml.rels':
			'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
			'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
			'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
			'</Relationships>',
		'xl/worksheets/sheet1.xml': sheetXml(rows)
	};
	return storedZip(Object.entries(files).map(([name, text]) => [name, utf8.encode(text)]));
}

const utf8 = new TextEncoder();

let crcTable: Uint32Array | undefined;
/** CRC-32 (IEEE), as zip entries carry it. */
export function crc32(bytes: Uint8Array): number {
	crcTable ??= Uint32Array.from({ length: 256 }, (_, n) => {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		return c >>> 0;
	});
	let crc = 0xffffffff;
	for (const b of bytes) crc = crcTable[(crc ^ b) & 0xff] ^ (crc >>> 8);
	return (crc ^ 0xffffffff) >>> 0;
}

/**
 * A zip archive of `entries`, stored (method 0), dated 1 Jan 2020 so the same plan gives the same
 * bytes on every build.
 */
export function storedZip(entries: [name: string, data: Uint8Array][]): Uint8Array {
	const DOS_TIME = 0;
	const DOS_DATE = ((2020 - 1980) << 9) | (1 << 5) | 1;
	const parts: Uint8Array[] = [];
	const central: Uint8Array[] = [];
	let offset = 0;
	for (const [name, data] of entries) {
		const n = utf8.encode(name);
		const crc = crc32(data);
		const local = new DataView(new ArrayBuffer(30));
		local.setUint32(0, 0x04034b50, true);
		local.setUint16(4, 20, true); // version needed
		local.setUint16(6, 0x0800, true); // names in UTF-8
		local.setUint16(8, 0, true); // stored
		local.setUint16(10, DOS_TIME, true);
		local.setUint16(12, DOS_DATE, true);
		local.setUint32(14, crc, true);
		local.setUint32(18, data.length, true);
		local.setUint32(22, data.length, true);
		local.setUint16(26, n.length, true);
		local.setUint16(28, 0, true);
		const dir = new DataView(new ArrayBuffer(46));
		dir.setUint32(0, 0x02014b50, true);
		dir.setUint16(4, 20, true);
		dir.setUint16(6, 20, true);
		dir.setUint16(8, 0x0800, true);
		dir.setUint16(10, 0, true);
		dir.setUint16(12, DOS_TIME, true);
		dir.setUint16(14, DOS_DATE, true);
		dir.setUint32(16, crc, true);
		dir.setUint32(20, data.length, true);
		dir.setUint32(24, data.length, true);
		dir.setUint16(28, n.length, true);
		dir.setUint32(42, offset, true);
		parts.push(new Uint8Array(local.buffer), n, data);
		central.push(new Uint8Array(dir.buffer), n);
		offset += 30 + n.length + data.length;
	}
	const size = central.reduce((s, p) => s + p.length, 0);
	const end = new DataView(new ArrayBuffer(22));
	end.setUint32(0, 0x06054b50, true);
	end.setUint16(8, entries.length, true);
	end.setUint16(10, entries.length, true);
	end.setUint32(12, size, true);
	end.setUint32(16, offset, true);
	const all = [...parts, ...central, new Uint8Array(end.buffer)];
	const out = new Uint8Array(all.reduce((s, p) => s + p.length, 0));
	let at = 0;
	for (const p of all) (out.set(p, at), (at += p.length));
	return out;
}
