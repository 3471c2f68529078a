import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// Every page is prerendered; .br/.gz twins let a static host (and our own server) send them compressed.
		adapter: adapter({
			pages: 'build',
			assets: 'build',
			fallback: undefined,
			precompress: true,
			strict: true
		}),
		prerender: {
			// Embeds are not linked from the pages (they live in other sites' iframes): list them.
			entries: ['*', '/embed/ban-do/', '/en/embed/ban-do/'],
			handleHttpError: 'fail',
			handleMissingId: 'fail',
			handleEntryGeneratorMismatch: 'fail'
		},
		paths: { relative: true }
	}
};

export default config;
