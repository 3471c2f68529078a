/**
 * What the map's and the charts' image downloads share, all in the browser: wrapping a line
 * of text to a width, turning SVG markup into an image, and a canvas into a PNG.
 */

/** `text` broken at spaces into lines no wider than `width` (a word longer than that stays whole). */
export function wrapLines(measure: (s: string) => number, text: string, width: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(' ')) {
		const next = line ? `${line} ${word}` : word;
		if (measure(next) > width && line) {
			lines.push(line);
			line = word;
		} else line = next;
	}
	lines.push(line);
	return lines;
}

/** Draws `text` wrapped to `width` from (x, y); returns the baseline after the last line. */
export function wrapText(
	ctx: CanvasRenderingContext2D,
	text: string,
	x: number,
	y: number,
	width: number,
	lineHeight: number
): number {
	for (const line of wrapLines((s) => ctx.measureText(s).width, text, width)) {
		ctx.fillText(line, x, y);
		y += lineHeight;
	}
	return y;
}

/** SVG markup as a decoded image, ready to draw on a canvas. */
export async function loadSvgImage(
	xml: string,
	width?: number,
	height?: number
): Promise<HTMLImageElement> {
	const url = URL.createObjectURL(new Blob([xml], { type: 'image/svg+xml' }));
	try {
		const img = new Image();
		if (width) img.width = width;
		if (height) img.height = height;
		await new Promise<void>((resolve, reject) => {
			img.onload = () => resolve();
			img.onerror = () => reject(new Error('SVG image failed to load'));
			img.src = url;
		});
		return img;
	} finally {
		URL.revokeObjectURL(url);
	}
}

export function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
	return new Promise<Blob>((resolve, reject) =>
		canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('no PNG'))), 'image/png')
	);
}
