/**
 * "Tải ảnh SVG" / "Tải ảnh PNG" of a chart: its drawing framed by the title, the summary, the
 * illustrative-data notice (while it applies) and the source, so the image says what it shows
 * wherever it ends up. The SVG is built first; the PNG is that SVG drawn on a canvas.
 */
import { canvasToPng, loadSvgImage, wrapLines } from '../image-export';
import { CHART_FONT_FAMILY } from '$lib/domain/chart-layout';

export interface ChartImageSpec {
	/** the chart's drawing (colours as attributes, so it stands alone) */
	svg: SVGSVGElement;
	title: string;
	summary?: string;
	notice?: string;
	source: string;
}

const FONT = CHART_FONT_FAMILY;

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function chartSvg(spec: ChartImageSpec): { xml: string; width: number; height: number } {
	const view = spec.svg.viewBox.baseVal;
	const pad = 20;
	const width = Math.round(view.width + 2 * pad);
	const ctx = document.createElement('canvas').getContext('2d')!;
	const lines = (text: string, size: number, weight: string) => {
		ctx.font = `${weight} ${size}px ${FONT}`;
		return wrapLines((s) => ctx.measureText(s).width, text, width - 2 * pad);
	};
	const parts: string[] = [];
	let y = pad;
	const block = (text: string | undefined, size: number, weight: string, fill: string) => {
		if (!text) return;
		for (const line of lines(text, size, weight)) {
			y += size * 1.3;
			parts.push(
				`<text x="${pad}" y="${y.toFixed(1)}" font-size="${size}" font-weight="${weight}" fill="${fill}">${escapeXml(line)}</text>`
			);
		}
		y += size * 0.4;
	};
	block(spec.title, 20, '700', '#1b1f24');
	block(spec.summary, 14, '400', '#4a5561');
	y += 6;
	const chart = spec.svg.cloneNode(true) as SVGSVGElement;
	for (const a of ['role', 'aria-labelledby', 'class', 'style']) chart.removeAttribute(a);
	chart.setAttribute('x', String(pad));
	chart.setAttribute('y', y.toFixed(1));
	chart.setAttribute('width', String(view.width));
	chart.setAttribute('height', String(view.height));
	parts.push(new XMLSerializer().serializeToString(chart));
	y += view.height + 10;
	block(spec.notice ? `⚠ ${spec.notice}` : undefined, 14, '700', '#7d4e00');
	block(spec.source, 12, '400', '#4a5561');
	const height = Math.round(y + pad / 2);
	const xml =
		`<?xml version="1.0" encoding="UTF-8"?>\n` +
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(FONT)}">` +
		`<title>${escapeXml(spec.title)}</title>` +
		`<rect width="100%" height="100%" fill="#ffffff"/>` +
		parts.join('') +
		`</svg>`;
	return { xml, width, height };
}

export async function chartPng(spec: ChartImageSpec, scale = 2): Promise<Blob> {
	const { xml, width, height } = chartSvg(spec);
	const img = await loadSvgImage(xml, width, height);
	const canvas = document.createElement('canvas');
	canvas.width = width * scale;
	canvas.height = height * scale;
	const ctx = canvas.getContext('2d')!;
	ctx.fillStyle = '#ffffff';
	ctx.fillRect(0, 0, canvas.width, canvas.height);
	ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
	return canvasToPng(canvas);
}
