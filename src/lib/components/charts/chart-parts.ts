/**
 * Parts every chart drawing shares, as markup (markup.ts): the <svg> root with its title, the
 * value axis's grid lines and labels, the year labels. Written once so the three charts read
 * alike and a fix to one reaches all.
 */
import type { ScaleLinear, ScalePoint } from 'd3';
import { CHART_FONT, CHART_FONT_FAMILY } from '$lib/domain/chart-layout';
import { h, type Child, type Markup } from './markup';

const F = CHART_FONT;
const AXIS_TEXT = '#4a5561';

/** The drawing's root: sized to its layout, named by its <title> (`titleId`). */
export function chartSvg(
	size: { width: number; height: number },
	attrs: { class: string; indicator: string; titleId: string; title: string },
	...children: Child[]
): Markup {
	return h(
		'svg',
		{
			viewBox: `0 0 ${size.width} ${size.height}`,
			width: size.width,
			height: size.height,
			role: 'img',
			'aria-labelledby': attrs.titleId,
			class: attrs.class,
			'data-indicator': attrs.indicator,
			'font-family': CHART_FONT_FAMILY,
			'font-size': F
		},
		h('title', { id: attrs.titleId }, attrs.title),
		...children
	);
}

/** A grid line and its label per tick of the value axis, from `left` to `right`. */
export function valueGrid(
	ticks: number[],
	y: ScaleLinear<number, number>,
	left: number,
	right: number,
	unit: string
): Markup[] {
	return ticks.map((tick) =>
		h(
			'g',
			{ class: 'tick' },
			h('line', { x1: left, x2: right, y1: y(tick), y2: y(tick), stroke: '#e1e4e8' }),
			h(
				'text',
				{ x: left - 6, y: y(tick), dy: '0.32em', 'text-anchor': 'end', fill: AXIS_TEXT },
				`${tick}${unit}`
			)
		)
	);
}

/** The years under the axis at `axisY`, every `stride`-th one (they must not touch). */
export function yearLabels(
	years: number[],
	x: ScalePoint<number>,
	axisY: number,
	stride: number
): (Markup | false)[] {
	return years.map(
		(yr, i) =>
			i % stride === 0 &&
			h(
				'text',
				{ class: 'year', x: x(yr), y: axisY + F * 1.55, 'text-anchor': 'middle', fill: AXIS_TEXT },
				yr
			)
	);
}

/** A target's dashed line (in the drawing, or its sample in the key) from x1 to x2 at height y. */
export function targetLine(x1: number, x2: number, y: number, cls?: string): Markup {
	return h('line', {
		class: cls,
		x1,
		x2,
		y1: y,
		y2: y,
		stroke: '#1b1f24',
		'stroke-width': '1.5',
		'stroke-dasharray': '5 3'
	});
}
