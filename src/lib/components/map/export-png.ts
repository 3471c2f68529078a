/**
 * "Tải ảnh PNG": draws the SVG choropleth with its title, year, legend, source line and (while
 * it applies) the illustrative-data notice onto one canvas, all in the browser.
 */
import type { CoverageClass } from '$lib/domain/coverage';
import { canvasToPng, loadSvgImage, wrapText as wrap } from '../image-export';
import { classFill } from './palette';

export interface PngSpec {
	svg: SVGSVGElement;
	title: string;
	subtitle: string;
	legend: { cls: CoverageClass; label: string }[];
	source: string;
	notice?: string;
	fileName: string;
}

export async function exportMapPng(spec: PngSpec): Promise<Blob> {
	const scale = 2;
	const mapW = 520;
	const mapH = 640;
	const W = 860;
	const H = 780;
	const canvas = document.createElement('canvas');
	canvas.width = W * scale;
	canvas.height = H * scale;
	const ctx = canvas.getContext('2d')!;
	ctx.scale(scale, scale);
	ctx.fillStyle = '#ffffff';
	ctx.fillRect(0, 0, W, H);
	ctx.fillStyle = '#1b1f24';
	ctx.font = 'bold 20px system-ui, sans-serif';
	ctx.fillText(spec.title, 20, 32);
	ctx.font = '15px system-ui, sans-serif';
	ctx.fillText(spec.subtitle, 20, 56);

	const xml = new XMLSerializer().serializeToString(spec.svg);
	const img = await loadSvgImage(xml, mapW, mapH);
	ctx.drawImage(img, 20, 70, mapW, mapH * (mapW / mapW));

	let y = 90;
	ctx.font = '14px system-ui, sans-serif';
	for (const item of spec.legend) {
		ctx.fillStyle = classFill[item.cls];
		ctx.fillRect(560, y - 12, 22, 16);
		ctx.strokeStyle = item.cls === 'suppressed' ? '#252525' : '#737373';
		ctx.lineWidth = item.cls === 'suppressed' ? 2 : 1;
		ctx.strokeRect(560, y - 12, 22, 16);
		if (item.cls === 'no_data') {
			ctx.beginPath();
			ctx.moveTo(560, y + 4);
			ctx.lineTo(582, y - 12);
			ctx.stroke();
		}
		ctx.fillStyle = '#1b1f24';
		ctx.fillText(item.label, 590, y);
		y += 26;
	}
	ctx.font = '12px system-ui, sans-serif';
	ctx.fillStyle = '#4a5561';
	let sy = 720;
	if (spec.notice) {
		ctx.fillStyle = '#7d4e00';
		ctx.font = 'bold 13px system-ui, sans-serif';
		sy = wrap(ctx, spec.notice, 20, sy, W - 40, 16);
		ctx.font = '12px system-ui, sans-serif';
		ctx.fillStyle = '#4a5561';
	}
	wrap(ctx, spec.source, 20, sy, W - 40, 15);
	return canvasToPng(canvas);
}
