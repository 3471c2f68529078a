import type { CoverageClass } from '$lib/domain/coverage';

/**
 * Rates: blue for met and close, orange for the communes that lag (a blue–orange diverging
 * scale from ColorBrewer, safe for colour-blind readers), darkest for who lags most. Orange for
 * "no" network. No data and suppressed are told apart by pattern and outline too; each class
 * is also named in the legend, tooltip and list.
 */
export const classFill: Record<CoverageClass, string> = {
	met: '#08519c',
	near: '#9ecae1',
	below: '#fdae6b',
	far: '#d94801',
	yes: '#08519c',
	no: '#fdae6b',
	no_data: '#ffffff',
	suppressed: '#d9d9d9'
};

/** SVG fill: a pattern for the two classes that must not read as a value. */
export function svgFill(cls: CoverageClass, patternPrefix: string): string {
	if (cls === 'no_data') return `url(#${patternPrefix}-nodata)`;
	if (cls === 'suppressed') return `url(#${patternPrefix}-suppressed)`;
	return classFill[cls];
}
