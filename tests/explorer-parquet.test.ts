/** "Tải Parquet" on /phan-tich/: a real Parquet file of exactly the filtered district table. */
import { readFileSync } from 'node:fs';
import { parquetReadObjects } from 'hyparquet';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage } from './browser';

const baseURL = inject('baseURL');

describe('explorer Parquet download', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchBrowser();
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('holds the 10 district rows of the filtered selection, hidden cells flagged', async () => {
		const opened = await openPage(browser, new URL('phan-tich/?disability_type=3', baseURL).href);
		try {
			const { page } = opened;
			await page.locator('p.engine[data-status="ready"]').waitFor({ timeout: 60_000 });
			await page.waitForFunction(
				() => document.querySelector('.views')?.getAttribute('aria-busy') === 'false'
			);
			const [dl] = await Promise.all([
				page.waitForEvent('download', { timeout: 10_000 }).catch((e) => {
					throw new Error(`${e.message}; console: ${opened.consoleErrors.join(' | ')}`);
				}),
				page.getByRole('button', { name: 'Tải Parquet' }).click()
			]);
			expect(opened.consoleErrors).toEqual([]);
			expect(dl.suggestedFilename()).toBe('phan-tich-2025.parquet');
			const bytes = readFileSync((await dl.path())!);
			expect(bytes.subarray(0, 4).toString()).toBe('PAR1');
			const buf = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
			const rows = (await parquetReadObjects({ file: buf })) as Record<string, unknown>[];
			expect(rows).toHaveLength(10);
			expect(rows.every((r) => String(r.filters).includes('Khuyết tật nhìn'))).toBe(true);
			// The table on screen and the file agree on the children counts, hidden ones included.
			const shown = await page
				.locator('[data-testid=explorer-table] tbody tr')
				.evaluateAll((trs) =>
					trs.map((tr) => tr.querySelectorAll('td')[0]?.textContent?.trim() ?? '')
				);
			rows.forEach((r, i) => {
				if (r.children_suppressed) expect(shown[i]).toBe('Đã ẩn (<5)');
				else expect(shown[i].replace(/\./g, '')).toBe(String(r.children));
			});
		} finally {
			await opened.close();
		}
	}, 120_000);
});
