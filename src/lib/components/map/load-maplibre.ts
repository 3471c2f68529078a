/**
 * Loads MapLibre only when the map page asks for it, with its worker served from this site
 * (never a CDN). Returns null where WebGL is missing, so the SVG map stays.
 */
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

export function hasWebGL(): boolean {
	try {
		const c = document.createElement('canvas');
		return !!(c.getContext('webgl2') ?? c.getContext('webgl'));
	} catch {
		return false;
	}
}

export async function loadMapLibre() {
	if (!hasWebGL()) return null;
	const [maplibre] = await Promise.all([
		import('maplibre-gl'),
		import('maplibre-gl/dist/maplibre-gl.css')
	]);
	maplibre.setWorkerUrl(new URL(workerUrl, location.href).href);
	return maplibre;
}
