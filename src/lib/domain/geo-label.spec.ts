import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	geometryBounds,
	labelPoint,
	poleOfInaccessibility,
	shortUnitName,
	signedDistance,
	unionBounds
} from './geo-label';

const square = [
	[
		[0, 0],
		[10, 0],
		[10, 10],
		[0, 10],
		[0, 0]
	]
];
// a U: its bounding box's centre (5, 5) lies in the notch, outside the shape
const u = [
	[
		[0, 0],
		[10, 0],
		[10, 10],
		[7, 10],
		[7, 3],
		[3, 3],
		[3, 10],
		[0, 10],
		[0, 0]
	]
];

describe('label points', () => {
	it('measures the distance to the edge, signed by inside/outside', () => {
		expect(signedDistance(5, 5, square)).toBe(5);
		expect(signedDistance(2, 5, square)).toBe(2);
		expect(signedDistance(15, 5, square)).toBe(-5);
		expect(signedDistance(5, 5, u)).toBe(-2);
	});
	it('finds the centre of a square and a point well inside a U', () => {
		const [x, y] = poleOfInaccessibility(square, 0.01);
		expect(x).toBeCloseTo(5, 1);
		expect(y).toBeCloseTo(5, 1);
		const [ux, uy] = poleOfInaccessibility(u, 0.01);
		// the U's widest part is its base, 3 high: the best point is 1.5 from its edges
		expect(signedDistance(ux, uy, u)).toBeGreaterThan(1.45);
		expect(uy).toBeLessThan(3);
	});
	it('labels a multipolygon in its largest part', () => {
		const small = [
			[
				[20, 20],
				[21, 20],
				[21, 21],
				[20, 21],
				[20, 20]
			]
		];
		const [x, y] = labelPoint({ type: 'MultiPolygon', coordinates: [small, square] }, 0.01);
		expect(x).toBeCloseTo(5, 1);
		expect(y).toBeCloseTo(5, 1);
		expect(geometryBounds({ type: 'MultiPolygon', coordinates: [small, square] })).toEqual([
			0, 0, 21, 21
		]);
		expect(
			unionBounds([
				[0, 1, 2, 3],
				[-1, 2, 1, 5]
			])
		).toEqual([-1, 1, 2, 5]);
	});
	it('puts every Kon Tum commune and district label inside its own shape', () => {
		for (const f of ['communes', 'districts']) {
			const fc = JSON.parse(readFileSync(`data/geo/kontum-${f}.geojson`, 'utf8'));
			for (const feat of fc.features) {
				const [x, y] = labelPoint(feat.geometry, 0.001);
				const polys =
					feat.geometry.type === 'Polygon'
						? [feat.geometry.coordinates]
						: feat.geometry.coordinates;
				expect(
					Math.max(...polys.map((p: number[][][]) => signedDistance(x, y, p))),
					feat.properties.code
				).toBeGreaterThan(0);
			}
		}
	});
	it('shortens unit names to the place name', () => {
		expect(shortUnitName('Huyện Đắk Glei')).toBe('Đắk Glei');
		expect(shortUnitName('Thành phố Kon Tum')).toBe('Kon Tum');
		// a former district after the 2025 reform: named as the area it was, "cũ" kept
		expect(shortUnitName('Khu vực huyện Đắk Glei cũ')).toBe('Đắk Glei cũ');
		expect(shortUnitName('Khu vực thành phố Kon Tum cũ')).toBe('Kon Tum cũ');
		expect(shortUnitName("Khu vực huyện Ia H' Drai cũ")).toBe("Ia H' Drai cũ");
		expect(shortUnitName('Thị trấn Plei Kần')).toBe('Plei Kần');
		expect(shortUnitName('Xã Ia Đal')).toBe('Ia Đal');
	});
});
