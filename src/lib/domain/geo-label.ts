/**
 * Where a map writes a unit's name, and what box a unit occupies. A centroid can fall outside a
 * crescent-shaped commune, so labels sit at the pole of inaccessibility: the point inside the
 * polygon farthest from its edge (the "polylabel" search of Agafonkin, 2016, ISC licence),
 * found by subdividing cells and keeping those that could still hold a better point.
 */
import type { MultiPolygon, Polygon } from 'geojson';

export type Ring = number[][];
/** [west, south, east, north], or [minX, minY, maxX, maxY] in pixels */
export type Bounds = [number, number, number, number];

export function ringsBounds(rings: Iterable<Ring>): Bounds {
	const b: Bounds = [Infinity, Infinity, -Infinity, -Infinity];
	for (const ring of rings)
		for (const [x, y] of ring) {
			if (x < b[0]) b[0] = x;
			if (y < b[1]) b[1] = y;
			if (x > b[2]) b[2] = x;
			if (y > b[3]) b[3] = y;
		}
	return b;
}

export function polygonsOf(g: Polygon | MultiPolygon): Ring[][] {
	return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

export function geometryBounds(g: Polygon | MultiPolygon): Bounds {
	return ringsBounds(polygonsOf(g).flat());
}

export function unionBounds(all: Bounds[]): Bounds {
	return all.reduce<Bounds>(
		(u, b) => [
			Math.min(u[0], b[0]),
			Math.min(u[1], b[1]),
			Math.max(u[2], b[2]),
			Math.max(u[3], b[3])
		],
		[Infinity, Infinity, -Infinity, -Infinity]
	);
}

/** Signed distance from (x, y) to the polygon's edge: positive inside, negative outside. */
export function signedDistance(x: number, y: number, polygon: Ring[]): number {
	let inside = false;
	let min = Infinity;
	for (const ring of polygon) {
		for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
			const [ax, ay] = ring[i];
			const [bx, by] = ring[j];
			if (ay > y !== by > y && x < ((bx - ax) * (y - ay)) / (by - ay) + ax) inside = !inside;
			min = Math.min(min, segmentDistSq(x, y, ax, ay, bx, by));
		}
	}
	return (inside ? 1 : -1) * Math.sqrt(min);
}

function segmentDistSq(px: number, py: number, ax: number, ay: number, bx: number, by: number) {
	let x = ax;
	let y = ay;
	let dx = bx - x;
	let dy = by - y;
	if (dx !== 0 || dy !== 0) {
		const t = ((px - x) * dx + (py - y) * dy) / (dx * dx + dy * dy);
		if (t > 1) {
			x = bx;
			y = by;
		} else if (t > 0) {
			x += dx * t;
			y += dy * t;
		}
	}
	dx = px - x;
	dy = py - y;
	return dx * dx + dy * dy;
}

function ringArea(ring: Ring): number {
	let a = 0;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
		a += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
	return Math.abs(a / 2);
}

interface Cell {
	x: number;
	y: number;
	h: number;
	d: number;
	max: number;
}

/** The pole of inaccessibility of one polygon (outer ring first, then holes), to `precision`. */
export function poleOfInaccessibility(polygon: Ring[], precision: number): [number, number] {
	const [minX, minY, maxX, maxY] = ringsBounds([polygon[0]]);
	const size = Math.min(maxX - minX, maxY - minY);
	if (size === 0) return [minX, minY];
	const cell = (x: number, y: number, h: number): Cell => {
		const d = signedDistance(x, y, polygon);
		return { x, y, h, d, max: d + h * Math.SQRT2 };
	};
	const queue: Cell[] = [];
	for (let x = minX; x < maxX; x += size)
		for (let y = minY; y < maxY; y += size) queue.push(cell(x + size / 2, y + size / 2, size / 2));
	// start from the bounding box's centre; the area-weighted centroid would need its own pass
	let best = cell((minX + maxX) / 2, (minY + maxY) / 2, 0);
	while (queue.length) {
		// the cell that could hold the farthest point first (a linear scan: queues stay small)
		let k = 0;
		for (let i = 1; i < queue.length; i++) if (queue[i].max > queue[k].max) k = i;
		const c = queue.splice(k, 1)[0];
		if (c.d > best.d) best = c;
		if (c.max - best.d <= precision) continue;
		const h = c.h / 2;
		queue.push(cell(c.x - h, c.y - h, h), cell(c.x + h, c.y - h, h));
		queue.push(cell(c.x - h, c.y + h, h), cell(c.x + h, c.y + h, h));
	}
	return [best.x, best.y];
}

/** A label point inside the geometry: the pole of its largest polygon. */
export function labelPoint(g: Polygon | MultiPolygon, precision: number): [number, number] {
	const polys = polygonsOf(g);
	const largest = polys.reduce((a, b) => (ringArea(b[0]) > ringArea(a[0]) ? b : a));
	return poleOfInaccessibility(largest, precision);
}

/** "Huyện Đắk Glei" → "Đắk Glei": a map labels the place; the level is the map's own. */
export function shortUnitName(name: string): string {
	// a former area after a reform keeps its "cũ": "Khu vực huyện Đắk Glei cũ" → "Đắk Glei cũ"
	const former = /^Khu vực (?:tỉnh|thành phố|thị xã|huyện)\s+(.+ cũ)$/u.exec(name);
	if (former) return former[1];
	return name.replace(/^(Tỉnh|Thành phố|Thị xã|Huyện|Thị trấn|Phường|Xã)\s+/u, '');
}

export interface UnitPlace {
	code: string;
	name: string;
	bounds: Bounds;
	/** [lon, lat] inside the unit */
	label: [number, number];
}

/** Bounds and label point of every feature of a boundary file (lon/lat, ~100 m precision). */
export function unitPlaces(fc: {
	features: { properties: Record<string, unknown> | null; geometry: unknown }[];
}): UnitPlace[] {
	return fc.features.map((f) => {
		const g = f.geometry as Polygon | MultiPolygon;
		return {
			code: String(f.properties?.code),
			name: String(f.properties?.name ?? ''),
			bounds: geometryBounds(g),
			label: labelPoint(g, 0.001)
		};
	});
}
