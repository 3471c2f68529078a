/**
 * `/phan-tich/` on a phone (390×844): the answer comes first and stays in view. The filters fold
 * into a disclosure; after a tap the summary with the selection's number is on screen; every
 * checkbox's target is at least 24×24 px (WCAG 2.5.8).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser, openPage, type OpenedPage } from './browser';
import { readCube } from './feature';

const baseURL = inject('baseURL');
const buildDir = inject('buildDir');
const VIEWPORT = { width: 390, height: 844 };
const BREAKDOWNS = ['disability_type', 'severity', 'sex', 'age_band', 'ethnicity'];

/** The cube's province children, 2025, one breakdown value, the rest 'all'. */
function provinceChildren(id: string, code: string): number {
	const row = readCube(buildDir).find(
		(r) =>
			r.year === '2025' &&
			r.level === 'province' &&
			BREAKDOWNS.every((b) => r[b] === (b === id ? code : 'all'))
	);
	if (!row || row.children_suppressed !== 'false') throw new Error(`cube: ${id}=${code}`);
	return Number(row.children);
}

const digits = (text: string | null) => Number((text ?? '').replace(/\D/g, ''));

describe('explorer on a phone', () => {
	let browser: Browser;
	let opened: OpenedPage;

	beforeAll(async () => {
		browser = await launchBrowser();
		opened = await openPage(browser, new URL('phan-tich/', baseURL).href, { viewport: VIEWPORT });
		await opened.page.locator('p.engine[data-status=ready]').waitFor({ timeout: 60_000 });
	}, 90_000);
	afterAll(async () => {
		await opened?.close();
		await browser?.close();
	});

	test('the answer is on the first screen, the filters folded', async () => {
		const { page } = opened;
		const box = await page.getByTestId('summary').boundingBox();
		expect(box).not.toBeNull();
		expect(box!.y + box!.height).toBeLessThanOrEqual(VIEWPORT.height);
		expect(await page.getByRole('checkbox').first().isVisible()).toBe(false);
		const toggle = page.getByRole('button', { name: /^▸?\s*Bộ lọc/ });
		expect(await toggle.getAttribute('aria-expanded')).toBe('false');
	});

	test('after a tap deep in the filters, the summary with the right number is in view', async () => {
		const { page } = opened;
		await page
			.getByRole('button', { name: /Bộ lọc/ })
			.first()
			.click();
		// the last breakdown's last option: far below the first screen
		const box = page.getByRole('checkbox', { name: /^Dân tộc thiểu số|^Kinh/ }).last();
		await box.scrollIntoViewIfNeeded();
		const code = await box.getAttribute('value');
		await box.check();
		const expected = provinceChildren('ethnicity', code!);
		const summary = page.getByTestId('summary');
		await expect
			.poll(() => summary.locator('[data-testid=total-children] strong').textContent().then(digits))
			.toBe(expected);
		const rect = await summary.boundingBox();
		expect(rect!.y).toBeGreaterThanOrEqual(0);
		expect(rect!.y + rect!.height).toBeLessThanOrEqual(VIEWPORT.height);
		expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(VIEWPORT.height / 2);
	});

	test('every checkbox is a target of at least 24×24 px, and its own box too', async () => {
		const { page } = opened;
		const sizes = await page.getByRole('checkbox').evaluateAll((boxes) =>
			boxes.map((b) => {
				const own = b.getBoundingClientRect();
				const target = (b.closest('label') ?? b).getBoundingClientRect();
				return {
					name: b.closest('label')?.textContent?.trim() ?? '',
					own: [own.width, own.height],
					target: [target.width, target.height]
				};
			})
		);
		expect(sizes.length).toBeGreaterThanOrEqual(16 + 10);
		for (const s of sizes) {
			expect(Math.min(...s.target), s.name).toBeGreaterThanOrEqual(44);
			expect(Math.min(...s.own), s.name).toBeGreaterThanOrEqual(24);
		}
	});
});
