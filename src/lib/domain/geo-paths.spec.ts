import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { projectLayer } from './geo-paths';

const communes = JSON.parse(readFileSync('data/geo/kontum-communes.geojson', 'utf8'));
const districts = JSON.parse(readFileSync('data/geo/kontum-districts.geojson', 'utf8'));

describe('projectLayer', () => {
	it('draws every commune inside the frame (RFC 7946 winding read correctly)', () => {
		const layer = projectLayer(communes, 520, 640, { fitTo: districts, precision: 2 });
		expect(layer.shapes).toHaveLength(102);
		for (const s of layer.shapes) {
			expect(s.d.length, s.code).toBeGreaterThan(20);
			expect(s.cx).toBeGreaterThanOrEqual(0);
			expect(s.cx).toBeLessThanOrEqual(520);
			expect(s.cy).toBeGreaterThanOrEqual(0);
			expect(s.cy).toBeLessThanOrEqual(640);
		}
	});
	it('fills the frame: the province spans most of its width or height', () => {
		const layer = projectLayer(districts, 200, 246);
		const xs = layer.shapes.map((s) => s.cx);
		expect(Math.max(...xs) - Math.min(...xs)).toBeGreaterThan(80);
	});
	it('keeps the paths small (pixel rounding, repeated points dropped)', () => {
		const layer = projectLayer(communes, 520, 640, { fitTo: districts, precision: 2 });
		const bytes = layer.shapes.reduce((n, s) => n + s.d.length, 0);
		expect(bytes).toBeLessThan(120_000);
	});
});
