/**
 * Turns the bytes of a report file into text, whatever Excel on Vietnamese Windows saved:
 * UTF-8 with or without BOM, UTF-16 ("Unicode text", with or without BOM), or a legacy
 * single-byte code page, which is read as Windows-1258 with a warning saying how to re-save.
 * Vietnamese may come decomposed (NFD, as macOS and Windows-1258 write it): it is made NFC.
 */
export interface DecodedReport {
	text: string;
	encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258';
}

function looksUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
	// ASCII text in UTF-16 has a zero byte in every pair: odd positions (LE) or even ones (BE).
	const n = Math.min(bytes.length, 400) & ~1;
	if (n < 4) return null;
	let evenZeros = 0;
	let oddZeros = 0;
	for (let i = 0; i < n; i += 2) {
		if (bytes[i] === 0) evenZeros++;
		if (bytes[i + 1] === 0) oddZeros++;
	}
	if (oddZeros > n / 2 / 2 && evenZeros === 0) return 'utf-16le';
	if (evenZeros > n / 2 / 2 && oddZeros === 0) return 'utf-16be';
	return null;
}

export function decodeReport(bytes: Uint8Array): DecodedReport {
	let text: string;
	let encoding: DecodedReport['encoding'];
	if (bytes[0] === 0xff && bytes[1] === 0xfe) {
		[text, encoding] = [new TextDecoder('utf-16le').decode(bytes.subarray(2)), 'utf-16le'];
	} else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
		[text, encoding] = [new TextDecoder('utf-16be').decode(bytes.subarray(2)), 'utf-16be'];
	} else {
		const utf16 = looksUtf16(bytes);
		if (utf16) [text, encoding] = [new TextDecoder(utf16).decode(bytes), utf16];
		else {
			try {
				[text, encoding] = [new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'utf-8'];
			} catch {
				[text, encoding] = [new TextDecoder('windows-1258').decode(bytes), 'windows-1258'];
			}
		}
	}
	return { text: text.replace(/^\uFEFF/, '').normalize('NFC'), encoding };
}

/** The encoding of a file from its first bytes (a BOM, or the zero bytes of UTF-16 text). */
export function detectEncoding(head: Uint8Array): DecodedReport['encoding'] {
	if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
	if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
	return looksUtf16(head) ?? 'utf-8';
}

/**
 * Decodes a file piece by piece in one encoding, as NFC text. UTF-8 is strict: a byte that is not
 * UTF-8 throws a TypeError, and the caller reads the file again as Windows-1258. Text is made NFC
 * up to its last line break, so a letter and its combining mark are never split between pieces.
 */
export class StreamDecoder {
	private readonly decoder: TextDecoder;
	private carry = '';

	constructor(readonly encoding: DecodedReport['encoding']) {
		this.decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
	}

	decode(bytes: Uint8Array, final = false): string {
		const text = this.carry + this.decoder.decode(bytes, { stream: !final });
		if (final) {
			this.carry = '';
			return text.normalize('NFC');
		}
		const cut = text.lastIndexOf('\n') + 1;
		// no line break in a whole piece: that line is broken anyway, do not hold it
		const at = cut === 0 ? text.length : cut;
		this.carry = text.slice(at);
		return text.slice(0, at).normalize('NFC');
	}
}
