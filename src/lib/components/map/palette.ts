import type { CoverageClass } from '$lib/domain/coverage';

/**
 * A sequential blue scale (ColorBrewer Blues, safe for colour-blind readers) for the ordered
 * classes; orange for "no". No data and suppressed are told apart by pattern and outline too.
 */
export const classFill: Record<CoverageClass, string> = {
	met: '#08519c',
	below: '#6baed6',
	low: '#c6dbef',
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
