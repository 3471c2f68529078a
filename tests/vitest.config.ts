/** Browser tests only (the unit tests use the root vite.config.ts): `vitest run --config tests/vitest.config.ts`. */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		root: fileURLToPath(new URL('..', import.meta.url)),
		include: ['tests/**/*.test.ts'],
		environment: 'node',
		globalSetup: 'tests/global-setup.ts',
		testTimeout: 60_000,
		hookTimeout: 120_000,
		// One Chromium at a time: the machine has 2 cores.
		fileParallelism: false,
		// tests marked concurrent (pages.test's visits) run three at a time
		maxConcurrency: 3,
		reporters: ['default']
	}
});
