/** Every prerendered page: loads without console errors or foreign requests, and passes axe. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser, listPages, openPage, runAxe } from './browser';

const baseURL = inject('baseURL');
const pages = listPages(inject('buildDir'));

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

	test.each(pages)('%s', async (path) => {
		const opened = await openPage(browser, new URL(path.slice(1), baseURL).href);
		try {
			expect.soft(opened.status, 'HTTP status').toBe(200);
			expect.soft(opened.consoleErrors, 'console errors').toEqual([]);
			expect.soft(opened.foreignRequests, 'requests to other origins').toEqual([]);
			expect.soft(await runAxe(opened.page), 'axe violations').toEqual([]);
		} finally {
			await opened.close();
		}
	});
});
