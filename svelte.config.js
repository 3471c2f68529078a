import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// Every page is prerendered. The .br/.gz twins that let a static host (and our own server)
		// send them compressed are written by scripts/precompress.ts after the build, in parallel
		// and faster than the adapter's own `precompress` (see there).
		adapter: adapter({
			pages: 'build',
			assets: 'build',
			fallback: undefined,
			precompress: false,
			strict: true
		}),
		prerender: {
			// Embeds are not linked from the pages (they live in other sites' iframes): list them.
			entries: ['*', '/embed/ban-do/', '/en/embed/ban-do/'],
			handleHttpError: 'fail',
			handleMissingId: 'fail',
			handleEntryGeneratorMismatch: 'fail'
		},
		paths: { relative: true },
		// Each page's own small stylesheets go inline in its <head> (the overview's five come to
		// about 9 KB, 4 KB compressed): no render-blocking request before the first paint. Bigger
		// files (MapLibre's 70 KB) stay separate. CSP: style-src already allows inline styles.
		inlineStyleThreshold: 5000,
		// A Content-Security-Policy <meta> on every page: only this origin; SvelteKit adds the
		// hashes of its own inline scripts. 'wasm-unsafe-eval' is needed by DuckDB-WASM and is
		// removed again from every page but the explorer (src/hooks.server.ts).
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self', 'wasm-unsafe-eval'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'worker-src': ['self', 'blob:'],
				'frame-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
