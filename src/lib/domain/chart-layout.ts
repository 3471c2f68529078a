/**
 * Chart geometry for a given drawing width. A chart's SVG scales with its box (viewBox), so
 * text drawn at 14 user units reads at 14 × (box width / drawing width) CSS px. Each chart is
 * laid out at a few widths and CSS container queries show the one whose scale stays between
 * 0.9 and 1.26: its text then reads at 12.6–17.6 px at any box width from 252 to 967 px,
 * with JavaScript or without (embeds ship none), and each width gets a layout that fits it
 * (fewer year labels, names above the bars on a phone).
 */

/** Text size in user units: 14 CSS px at scale 1. */
export const CHART_FONT = 14;
/** The charts' font stack: the same in the page, the SVG download and the PNG's canvas. */
export const CHART_FONT_FAMILY =
	"system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif";

/** Drawing widths, each 1.4× the one before (ChartVariants.svelte holds the matching queries). */
export const CHART_WIDTHS = [280, 392, 549, 768] as const;

/** The box width from which variant i shows: 0.9 × its width (the one before it then scales 1.26). */
export function variantMinWidth(i: number): number {
	return i === 0 ? 0 : Math.ceil(CHART_WIDTHS[i] * 0.9);
}

/** The widest box a chart may take: the last variant at scale 1.26. */
export const CHART_MAX_WIDTH = Math.floor(CHART_WIDTHS[CHART_WIDTHS.length - 1] * 1.26);

/**
 * A generous width estimate of a line of text in the system sans-serif at `size` (no DOM at
 * build time): wide enough that a label laid out with it never runs into its neighbours.
 */
export function textWidth(text: string, size = CHART_FONT, bold = false): number {
	let w = 0;
	for (const ch of text) {
		if (ch === ' ') w += 0.3;
		else if ('.,:;!|iIl1'.includes(ch)) w += 0.32;
		else if ('%MWmw✓✗'.includes(ch)) w += 0.95;
		else if (/[0-9]/.test(ch)) w += 0.64;
		else if (ch === ch.toUpperCase() && ch !== ch.toLowerCase()) w += 0.72;
		else w += 0.6;
	}
	return w * size * (bold ? 1.08 : 1);
}

/** Every `stride`-th label of `count`, so labels `step` apart and `labelWidth` wide do not touch. */
export function labelStride(step: number, labelWidth: number, gap = 8): number {
	return Math.max(1, Math.ceil((labelWidth + gap) / Math.max(step, 1)));
}

export interface BarRow {
	name: string;
	/** 0–100, or null when missing/suppressed */
	value: number | null;
	/** what the value column says, e.g. "72,3% ✓" */
	label: string;
}

export interface BarsLayout {
	width: number;
	height: number;
	/** names on their own line above each bar (narrow drawings) */
	stacked: boolean;
	/** x of 0 and of 100 */
	x0: number;
	x1: number;
	/** right edge of the value column (labels are anchored at their end there) */
	valueX: number;
	rows: { nameY: number; barY: number; barH: number; labelY: number }[];
	/** vertical extent of the plot (the target and province lines stay within it) */
	plotTop: number;
	plotBottom: number;
	/** baselines of the target label (above the plot) and the province label (below it) */
	topLabelY: number;
	bottomLabelY: number;
	nameX: number;
}

/**
 * District bars at `width`: names, bars on 0–100 %, a value column of its own to the right of
 * the plot (so the target and province lines, which stay inside the plot, never cross a
 * value), the target's label above the plot and the province's below it.
 */
export function barsLayout(width: number, rows: BarRow[]): BarsLayout {
	const f = CHART_FONT;
	const valueW = Math.max(...rows.map((r) => textWidth(r.label)), textWidth('100%')) + 10;
	const nameW = Math.max(...rows.map((r) => textWidth(r.name)), 0) + 8;
	const stacked = width - valueW - nameW < width * 0.4;
	const pad = 4;
	const top = f * 1.9;
	const bottom = f * 1.8;
	const x0 = stacked ? pad : nameW + pad;
	const x1 = width - valueW - pad;
	const barH = stacked ? 14 : 16;
	const rowH = stacked ? f * 1.5 + barH + 6 : Math.max(barH + 8, f * 1.6);
	const laid = rows.map((_, i) => {
		const y = top + i * rowH;
		const barY = stacked ? y + f * 1.5 : y + (rowH - barH) / 2;
		return {
			nameY: stacked ? y + f : barY + barH / 2,
			barY,
			barH,
			labelY: barY + barH / 2
		};
	});
	const plotTop = top - 2;
	const plotBottom = top + rows.length * rowH;
	return {
		width,
		height: plotBottom + bottom,
		stacked,
		x0,
		x1,
		valueX: width - pad,
		rows: laid,
		plotTop,
		plotBottom,
		topLabelY: plotTop - f * 0.6,
		bottomLabelY: plotBottom + f * 1.3,
		nameX: stacked ? pad : nameW
	};
}

/** A label's x so that `w` wide and anchored in its middle at `x`, it stays within [lo, hi]. */
export function clampCentre(x: number, w: number, lo: number, hi: number): number {
	return Math.min(Math.max(x, lo + w / 2), hi - w / 2);
}

/**
 * Label positions near `wanted` (sorted or not) moved apart by at least `gap`, within [lo, hi]:
 * the end labels of lines that finish close together, one under the other, order kept.
 */
export function spreadLabels(wanted: number[], gap: number, lo: number, hi: number): number[] {
	const order = wanted.map((y, i) => [y, i] as const).sort((a, b) => a[0] - b[0]);
	const ys = order.map(([y]) => Math.min(Math.max(y, lo), hi));
	for (let i = 1; i < ys.length; i++) ys[i] = Math.max(ys[i], ys[i - 1] + gap);
	// Pushed past the bottom: shift the run back up, keeping the gaps.
	if (ys.length && ys[ys.length - 1] > hi) {
		ys[ys.length - 1] = hi;
		for (let i = ys.length - 2; i >= 0; i--) ys[i] = Math.min(ys[i], ys[i + 1] - gap);
	}
	const out = new Array<number>(wanted.length);
	order.forEach(([, i], k) => (out[i] = ys[k]));
	return out;
}
