import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
	barsLayout,
	CHART_FONT,
	CHART_MAX_WIDTH,
	CHART_WIDTHS,
	clampCentre,
	labelStride,
	spreadLabels,
	textWidth,
	variantMinWidth
} from './chart-layout';

/** The variant CSS shows for a box `w` wide: the last whose min width `w` reaches. */
const shownAt = (w: number) => CHART_WIDTHS.findLastIndex((_, i) => w >= variantMinWidth(i));

describe('chart variants', () => {
	it('keep chart text between 12 and 18 px at every box width from 240 to the cap', () => {
		for (let w = 240; w <= CHART_MAX_WIDTH; w += 0.5) {
			const px = (CHART_FONT * w) / CHART_WIDTHS[shownAt(w)];
			expect(px, `box ${w}`).toBeGreaterThanOrEqual(12);
			expect(px, `box ${w}`).toBeLessThanOrEqual(18);
		}
	});
	it('ChartVariants.svelte queries exactly these widths', () => {
		const css = readFileSync(
			fileURLToPath(new URL('../components/charts/ChartVariants.svelte', import.meta.url)),
			'utf8'
		);
		const queries = [...css.matchAll(/@container \(min-width: (\d+)px\)/g)].map((m) => +m[1]);
		expect(queries).toEqual(CHART_WIDTHS.slice(1).map((_, i) => variantMinWidth(i + 1)));
		expect(css).toContain(`max-width: ${CHART_MAX_WIDTH}px`);
		for (const w of CHART_WIDTHS) expect(css).toContain(`[data-width='${w}']`);
	});
});

describe('barsLayout', () => {
	const rows = [
		{ name: 'Thành phố Kon Tum', value: 92.1, label: '92,1% ✓' },
		{ name: "Huyện Ia H' Drai", value: 8, label: '8% ✗' },
		{ name: 'Huyện Tu Mơ Rông', value: null, label: 'Đã ẩn (<5)' }
	];
	it.each(CHART_WIDTHS)('at %i keeps names, plot and values apart', (width) => {
		const L = barsLayout(width, rows);
		const widest = Math.max(...rows.map((r) => textWidth(r.label)));
		// The value column starts right of the plot: a line at 0–100 % never reaches a value.
		expect(L.valueX - widest).toBeGreaterThan(L.x1);
		expect(L.valueX).toBeLessThanOrEqual(width);
		expect(L.x1).toBeGreaterThan(L.x0);
		if (L.stacked) {
			// Names on their own line, above their bar.
			for (const r of L.rows) expect(r.nameY + CHART_FONT * 0.3).toBeLessThan(r.barY - 1);
		} else {
			expect(L.nameX).toBeLessThan(L.x0);
			expect(L.nameX - Math.max(...rows.map((r) => textWidth(r.name)))).toBeGreaterThanOrEqual(0);
		}
		// Labels of the lines sit outside the plot's height.
		expect(L.topLabelY).toBeLessThan(L.plotTop);
		expect(L.bottomLabelY - CHART_FONT).toBeGreaterThan(L.plotBottom);
		expect(L.height).toBeGreaterThan(L.bottomLabelY);
	});
	it('stacks names above bars only where the drawing is narrow', () => {
		expect(barsLayout(280, rows).stacked).toBe(true);
		expect(barsLayout(768, rows).stacked).toBe(false);
	});
});

describe('helpers', () => {
	it('labelStride skips labels that would touch', () => {
		expect(labelStride(60, 32)).toBe(1);
		expect(labelStride(20, 32)).toBe(2);
		expect(labelStride(12, 32)).toBe(4);
	});
	it('clampCentre keeps a label inside its bounds', () => {
		expect(clampCentre(50, 40, 0, 100)).toBe(50);
		expect(clampCentre(95, 40, 0, 100)).toBe(80);
		expect(clampCentre(2, 40, 0, 100)).toBe(20);
	});
	it('textWidth grows with the text and with boldness', () => {
		expect(textWidth('Mục tiêu 2025: 90%')).toBeGreaterThan(textWidth('90%'));
		expect(textWidth('90%', 14, true)).toBeGreaterThan(textWidth('90%'));
	});
});

describe('spreadLabels', () => {
	it('keeps labels that do not collide where they are', () => {
		expect(spreadLabels([10, 50, 90], 14, 0, 100)).toEqual([10, 50, 90]);
	});
	it('moves close labels apart by the gap, in their order', () => {
		const ys = spreadLabels([50, 48, 52], 14, 0, 200);
		const sorted = [...ys].sort((a, b) => a - b);
		expect(sorted[1] - sorted[0]).toBeGreaterThanOrEqual(14);
		expect(sorted[2] - sorted[1]).toBeGreaterThanOrEqual(14);
		// 48 stays the highest, 52 the lowest
		expect(ys[1]).toBeLessThan(ys[0]);
		expect(ys[0]).toBeLessThan(ys[2]);
	});
	it('stays within its bounds when the run reaches the bottom', () => {
		const ys = spreadLabels([95, 96, 97], 10, 0, 100);
		expect(Math.max(...ys)).toBeLessThanOrEqual(100);
		expect(Math.min(...ys)).toBeGreaterThanOrEqual(0);
	});
});
