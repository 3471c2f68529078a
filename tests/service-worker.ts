/** The built service worker (build/service-worker.js), run in Node to read what it precaches. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';

/**
 * Runs the worker's code with a stand-in `self` and `caches`, fires its `install` event and
 * returns the URLs it hands to `cache.addAll` (site at the origin's root).
 */
export async function precacheList(buildDir: string): Promise<string[]> {
	const source = readFileSync(join(buildDir, 'service-worker.js'), 'utf8');
	const handlers = new Map<string, (event: unknown) => void>();
	let list: string[] | undefined;
	const location = new URL('http://site.test/service-worker.js');
	const self = {
		location,
		addEventListener: (type: string, handler: (event: unknown) => void) =>
			handlers.set(type, handler),
		skipWaiting: async () => undefined,
		clients: { claim: async () => undefined }
	};
	const caches = {
		open: async () => ({
			addAll: async (urls: string[]) => {
				list = urls;
			}
		}),
		keys: async () => [],
		match: async () => undefined
	};
	const context = vm.createContext({ self, caches, location, URL, console });
	vm.runInContext(source, context);
	const install = handlers.get('install');
	if (!install) throw new Error('service-worker.js registers no install handler');
	let done: Promise<unknown> | undefined;
	install({ waitUntil: (promise: Promise<unknown>) => (done = promise) });
	await done;
	if (!list) throw new Error('service-worker.js precached nothing on install');
	return list;
}

/** The build file a precached URL is answered with (`/x/` → `x/index.html`, `/404` → `404.html`). */
export function fileOfUrl(url: string, exists: (file: string) => boolean): string | undefined {
	const rel = decodeURIComponent(url).replace(/^\//, '');
	const candidates = rel === '' || rel.endsWith('/') ? [`${rel}index.html`] : [rel, `${rel}.html`];
	return candidates.find(exists);
}
