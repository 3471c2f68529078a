/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Offline use for district officers in communes without a stable connection: after the first
 * visit the app shell, the main pages, the unit pages and the boundary files are cached, so the
 * overview, the map and unit pages open with the network off. Everything else (data files, the
 * DuckDB-WASM engine) is cached the first time it is fetched.
 */
import { build, files, prerendered, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `tekt-${version}`;
const RUNTIME = `tekt-runtime-${version}`;

// The explorer's engine (~5 MB compressed) is cached when first used, not on every first visit.
const heavy = /duckdb|\.wasm$/;
const shell = build.filter((f) => !heavy.test(f));
const staticFiles = files.filter(
	(f) =>
		// print.css: every page links it for print (offline printing); unit-search.js: the
		// not-found page's search (the page itself is precached).
		/\/(favicon\.svg|print\.css|unit-search\.js|embed\/[^/]+\.js)$/.test(f) ||
		/\/data\/(geo\/[^/]+\.geojson|manifest\.json)$/.test(f)
);
// Pages for offline reading: every prerendered page but the embeds and the English unit pages.
// (The explorer's early views, data/explorer/<year>.json, are cached when first fetched; so are
// the other plans' pages, /ke-hoach/<id>/…: hundreds of pages a Kon Tum reader does not need
// offline; their catalogue, /ke-hoach/, is precached.)
const pages = prerendered.filter(
	(p) =>
		!/\/embed\//.test(p) &&
		!/^\/en\/don-vi\//.test(p) &&
		!/\/data\/explorer\//.test(p) &&
		!/^\/(en\/)?ke-hoach\/[^/]+\//.test(p)
);
const precache = [...shell, ...staticFiles, ...pages];

sw.addEventListener('install', (event) => {
	event.waitUntil(
		caches
			.open(CACHE)
			.then((cache) => cache.addAll(precache))
			.then(() => sw.skipWaiting())
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		caches
			.keys()
			.then((keys) =>
				Promise.all(keys.filter((k) => k !== CACHE && k !== RUNTIME).map((k) => caches.delete(k)))
			)
			.then(() => sw.clients.claim())
	);
});

sw.addEventListener('fetch', (event) => {
	const req = event.request;
	const url = new URL(req.url);
	if (req.method !== 'GET' || url.origin !== sw.location.origin) return;
	event.respondWith(respond(req, url));
});

async function respond(req: Request, url: URL): Promise<Response> {
	const cached = await caches.match(req, { ignoreSearch: true });
	// Immutable build files never change under the same name: the cache is always right.
	if (cached && (shell.includes(url.pathname) || /\/_app\/immutable\//.test(url.pathname)))
		return cached;
	try {
		const res = await fetch(req);
		if (res.ok && res.status === 200) {
			const copy = res.clone();
			caches.open(cached ? CACHE : RUNTIME).then((c) => c.put(req, copy));
		}
		return res;
	} catch (err) {
		if (cached) return cached;
		// A page asked for without its trailing slash, or its index.html.
		const alt = await caches.match(url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`);
		if (alt) return alt;
		throw err;
	}
}
