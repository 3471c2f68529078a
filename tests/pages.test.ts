/** Every prerendered page loads without console errors or foreign requests; axe finds nothing. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser, listPages, openPage, runAxe } from './browser';

const baseURL = inject('baseURL');
// The plan pages (/ke-hoach/…, /embed/ke-hoach/…) are visited by tests/plans.test.ts, in one
// shared browser context, with the same checks (status, console, requests, axe).
const pages = listPages(inject('buildDir')).filter(
	(p) => !/^\/(en\/)?(embed\/)?ke-hoach\//.test(p)
);
// The 224 unit pages and 56 indicator embeds share two templates: axe checks every 8th of them
// (and every other page); all pages are still opened and checked for errors and requests.
const repeated = (path: string) => /\/(don-vi|embed\/chi-so)\//.test(path);
const axeChecked = new Set(pages.filter((p, i) => !repeated(p) || i % 8 === 0));

describe('prerendered pages', () => {
	let browser: Browser;

	beforeAll(async () => {
		browser = await launchBrowser();
	});

	afterAll(async () => {
		await browser?.close();
	});

	test('the build has pages', () => {
		expect(pages).toContain('/');
	});

	// A visit mostly waits (load, then the network quiet): three at a time overlap their waits.
	test.concurrent.for(pages)('%s', async (path, { expect }) => {
		const opened = await openPage(browser, new URL(path.slice(1), baseURL).href);
		try {
			expect.soft(opened.status, 'HTTP status').toBe(200);
			expect.soft(opened.consoleErrors, 'console errors').toEqual([]);
			expect.soft(opened.foreignRequests, 'requests to other origins').toEqual([]);
			if (axeChecked.has(path))
				expect.soft(await runAxe(opened.page), 'axe violations').toEqual([]);
		} finally {
			await opened.close();
		}
	});
});
