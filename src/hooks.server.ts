import type { Handle } from '@sveltejs/kit';
import { absoluteUrls } from '$lib/server/absolute-urls';
import { startAfterFirstPaint } from '$lib/server/after-paint';

/** Pages where DuckDB-WASM runs and so may compile WebAssembly. */
const wasmPages = /^\/(en\/)?phan-tich(\/|$)/;
/**
 * Pages whose scripts are the point (MapLibre, DuckDB-WASM) and whose hydration is heavy: they
 * keep SvelteKit's usual start, modules preloaded from the <head> and run before the first
 * paint. Deferring them there moves their long hydration task after the first paint, where
 * Lighthouse counts it as blocking time (explorer: performance 96 → 87).
 */
const hydrateFirst = /^\/(en\/)?(ban-do|phan-tich)(\/|$)/;
/** The "not found" pages (build/404.html, build/en/404.html): sent at any address. */
const notFound = /^\/(en\/)?404$/;
/** Where the site lives on its host (SITE_URL's path), for the not-found pages' absolute URLs. */
const sitePath = process.env.SITE_URL
	? new URL(process.env.SITE_URL).pathname.replace(/\/$/, '')
	: '';

export const handle: Handle = ({ event, resolve }) => {
	const path = event.url.pathname;
	const lang = /^\/en(\/|$)/.test(path) ? 'en' : 'vi';
	return resolve(event, {
		transformPageChunk: ({ html }) => {
			// The page's language goes on <html lang>: English under /en, Vietnamese elsewhere.
			let out = html.replace('%lang%', lang);
			if (!wasmPages.test(path)) out = out.replace(/ 'wasm-unsafe-eval'/g, '');
			if (notFound.test(path)) return absoluteUrls(out, path, sitePath);
			// Paint the prerendered page first, then hydrate (see after-paint.ts).
			return hydrateFirst.test(path) ? out : startAfterFirstPaint(out);
		}
	});
};
