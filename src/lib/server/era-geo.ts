/**
 * Build-time boundaries of the units of an era: the plan's first communes
 * (static/data/geo/communes.geojson) or those a reform opened (communes-<from>.geojson, as the
 * pipeline publishes them).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const cache = new Map<string, GeoJSON.FeatureCollection | null>();

/** The communes of the era that begins on `from` ('' for the first), or null when not published. */
export function eraCommunesGeoJson(from: string): GeoJSON.FeatureCollection | null {
	if (!cache.has(from)) {
		const file = path.join(
			process.cwd(),
			'static',
			'data',
			'geo',
			from === '' ? 'communes.geojson' : `communes-${from}.geojson`
		);
		cache.set(from, existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);
	}
	return cache.get(from)!;
}
