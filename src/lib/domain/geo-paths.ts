/**
 * Projects boundary polygons to compact SVG paths at build time: coordinates rounded to the
 * pixel and repeated points dropped, so the prerendered map stays small on slow connections.
 */
import { geoArea, geoMercator } from 'd3';
import { labelPoint } from './geo-label';
import type { Feature, FeatureCollection, Polygon, MultiPolygon } from 'geojson';

export interface ProjectedShape {
	code: string;
	d: string;
	/** label anchor: a point inside the shape, far from its edges (in pixels) */
	cx: number;
	cy: number;
}

export interface ProjectedLayer {
	width: number;
	height: number;
	shapes: ProjectedShape[];
}

function ringPath(
	ring: number[][],
	project: (p: [number, number]) => [number, number] | null,
	scale: number
) {
	let d = '';
	let px = NaN;
	let py = NaN;
	let n = 0;
	for (const pt of ring) {
		const xy = project([pt[0], pt[1]]);
		if (!xy) continue;
		const x = Math.round(xy[0] * scale);
		const y = Math.round(xy[1] * scale);
		if (x === px && y === py) continue;
		d += n === 0 ? `M${x / scale} ${y / scale}` : `l${(x - px) / scale} ${(y - py) / scale}`;
		px = x;
		py = y;
		n++;
	}
	return n >= 3 ? `${d}z` : '';
}

/**
 * d3-geo is spherical and reads a ring's winding the other way round from RFC 7946: a
 * counter-clockwise exterior ring would mean "the whole globe but this". Reverse such rings.
 */
export function rewindForD3(fc: FeatureCollection): FeatureCollection {
	return {
		...fc,
		features: fc.features.map((f) => {
			if (geoArea(f as never) <= 2 * Math.PI) return f;
			const g = f.geometry as Polygon | MultiPolygon;
			const rev = (poly: number[][][]) => poly.map((ring) => [...ring].reverse());
			const geometry =
				g.type === 'Polygon'
					? { ...g, coordinates: rev(g.coordinates) }
					: { ...g, coordinates: g.coordinates.map(rev) };
			return { ...f, geometry } as Feature;
		})
	};
}

/** Fits the collection into width × height and returns one path per feature, keyed by `code`. */
export function projectLayer(
	fc: FeatureCollection,
	width: number,
	height: number,
	opts: { fitTo?: FeatureCollection; precision?: number } = {}
): ProjectedLayer {
	const projection = geoMercator().fitSize([width, height], rewindForD3(opts.fitTo ?? fc) as never);
	const scale = opts.precision ?? 1;
	const project = (p: [number, number]) => projection(p) as [number, number] | null;
	const shapes = fc.features.map((f: Feature) => {
		const g = f.geometry as Polygon | MultiPolygon;
		const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
		const d = polys.flatMap((poly) => poly.map((ring) => ringPath(ring, project, scale))).join('');
		// label anchor inside the shape (its largest part's pole of inaccessibility), in pixels
		const projected = polys.map((poly) =>
			poly.map((ring) => ring.map((p) => project([p[0], p[1]])).filter((xy) => xy !== null))
		);
		const [cx, cy] = labelPoint({ type: 'MultiPolygon', coordinates: projected }, 0.5);
		return { code: String(f.properties?.code), d, cx: Math.round(cx), cy: Math.round(cy) };
	});
	return { width, height, shapes };
}
