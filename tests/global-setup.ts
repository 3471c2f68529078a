/** Vitest global setup for the browser tests: checks prerequisites, serves the build. */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startServer } from '../scripts/serve';
import { assertChromium, BUILD_DIR, setupError } from './browser';

declare module 'vitest' {
	export interface ProvidedContext {
		/** Base URL of the static server, with a trailing slash. */
		baseURL: string;
		/** Absolute path of the build being served. */
		buildDir: string;
	}
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
	assertChromium();
	const buildDir = resolve(BUILD_DIR);
	if (!existsSync(join(buildDir, 'index.html'))) {
		throw setupError(
			`${join(BUILD_DIR, 'index.html')} not found: run "npm run build" first, then run the tests again.`
		);
	}
	const server = await startServer({ dir: buildDir, port: 0, host: '127.0.0.1' });
	project.provide('baseURL', server.url);
	project.provide('buildDir', buildDir);
	return () => server.close();
}
