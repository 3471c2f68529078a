/**
 * Offline use: after one visit, the service worker has cached the shell, the pages and the
 * boundaries; with the network off, a reload still shows the overview, the map and a unit page.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser';

const baseURL = inject('baseURL');

describe('offline', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('shows the overview, the map and a unit page with the network off after one visit', async () => {
		const context = await browser.newContext({ serviceWorkers: 'allow' });
		try {
			const page = await context.newPage();
			await page.goto(baseURL, { waitUntil: 'load' });
			// Wait until the worker is installed and active (it precaches during install).
			await page.evaluate(async () => {
				const reg = await navigator.serviceWorker.ready;
				return reg.active?.state;
			});
			await expect
				.poll(() => page.evaluate(async () => (await caches.keys()).length), { timeout: 60_000 })
				.toBeGreaterThan(0);

			await context.setOffline(true);
			await page.reload({ waitUntil: 'load' });
			await page.locator('article.card').first().waitFor({ state: 'visible' });
			expect(await page.locator('article.card').count()).toBe(7);
			await page.locator('.offline.shown').waitFor({ state: 'visible', timeout: 10_000 });

			await page.goto(new URL('ban-do/', baseURL).href, { waitUntil: 'load' });
			// the latest year, 2025: the 40 units of the 2025 reform
			expect(await page.locator('svg.choropleth path[data-code]').count()).toBe(40);
			expect(await page.locator('tr[data-code]').count()).toBe(40);

			await page.goto(new URL('don-vi/23473/', baseURL).href, { waitUntil: 'load' });
			// the code's unit of now (the 2025 reform), and the old unit of the same code below it
			expect(await page.locator('h1').textContent()).toBe('Xã Măng Đen');
			expect(await page.locator('section.era h2').allTextContents()).toContain('Thị trấn Măng Đen');
		} finally {
			await context.close();
		}
	}, 120_000);
});
