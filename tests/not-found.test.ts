/**
 * The not-found pages (build/404.html, build/en/404.html): sent with status 404 for unknown
 * addresses at any depth, in the address's language, with the site's header and navigation
 * and a search over the published unit list (a list of links without JavaScript).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser, openPage, runAxe } from './browser';
import { readTable } from './feature';

const baseURL = inject('baseURL');
const buildDir = inject('buildDir');
const units = readTable(buildDir, 'units').filter((u) => u.level !== 'province');

const NAV_VI = [
	['Tổng quan', '/'],
	['Bản đồ', '/ban-do/']
] as const;
const CASES = [
	{ path: '/khong-co/', lang: 'vi', title: 'Không tìm thấy trang', nav: NAV_VI },
	{
		path: '/en/nothing/',
		lang: 'en',
		title: 'Page not found',
		nav: [
			['Overview', '/en/'],
			['Map', '/en/ban-do/']
		]
	},
	// at any depth, its stylesheets and links still resolve
	{ path: '/a/b/c/d', lang: 'vi', title: 'Không tìm thấy trang', nav: NAV_VI }
] as const;

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

describe('not found', () => {
	test.each(CASES)('$path: 404, the site page in its language', async (c) => {
		const url = new URL(c.path.slice(1), baseURL).href;
		for (const javaScriptEnabled of [false, true]) {
			const opened = await openPage(browser, url, { javaScriptEnabled });
			const { page } = opened;
			try {
				expect(opened.status).toBe(404);
				// Chromium logs the page's own 404 as an error: that one is the point.
				const ownStatus = `status of 404 (Not Found) (${url}:1)`;
				expect(opened.consoleErrors.filter((e) => !e.endsWith(ownStatus))).toEqual([]);
				expect(await page.locator('html').getAttribute('lang')).toBe(c.lang);
				expect(await page.locator('h1').innerText()).toBe(c.title);
				// The site's header, styled (its stylesheet found from this depth), and navigation.
				const header = page.locator('header.site-header');
				expect(await header.evaluate((h) => getComputedStyle(h).backgroundColor)).toBe(
					'rgb(11, 83, 148)'
				);
				const nav = page.getByRole('navigation', {
					name: c.lang === 'vi' ? 'Điều hướng chính' : 'Main navigation'
				});
				for (const [name, path] of c.nav) {
					const href = await nav.getByRole('link', { name, exact: true }).getAttribute('href');
					expect(new URL(href!, url).pathname, name).toBe(path);
				}
				// Every published district and commune, each linking to its page (which exists).
				const links = await page
					.locator('[data-unit-search] a')
					.evaluateAll((as) =>
						as.map((a) => [a.textContent!.trim(), (a as HTMLAnchorElement).href])
					);
				expect(links.map(([name]) => name).sort()).toEqual(units.map((u) => String(u.name)).sort());
				// (a name may come back in both eras of the units, under another code: each has its link)
				const paths = links.map(([name, href]) => `${name} ${new URL(href).pathname}`);
				for (const u of units)
					expect(paths).toContain(
						`${u.name} ${c.lang === 'en' ? '/en' : ''}/don-vi/${u.unit_code}/`
					);
				const search = page.getByRole('searchbox');
				if (!javaScriptEnabled) {
					expect(await search.isVisible()).toBe(false);
				} else {
					// Diacritics and case ignored: "dak ha" finds "Huyện Đắk Hà" and its communes.
					await search.fill('dak ha');
					const shown = await page.locator('[data-unit-search] a:visible').allInnerTexts();
					const district = units.find((u) => u.name === 'Huyện Đắk Hà')!;
					// Units of two eras (the 2025 reform): a unit is also found by the name of the
					// units it became or came from (old Xã Đăk Hà of Tu Mơ Rông → new Xã Tu Mơ Rông).
					const era = (u: (typeof units)[number]) => String(u.valid_from ?? '');
					const named = (u: (typeof units)[number]) =>
						String(u.name_ascii).toLowerCase().includes('dak ha');
					const related = (u: (typeof units)[number]) =>
						u.level === 'commune' &&
						units.some(
							(o) =>
								o.level === 'commune' &&
								named(o) &&
								era(o) !== era(u) &&
								(String(u.predecessor_codes ?? '')
									.split(';')
									.includes(String(o.unit_code)) ||
									String(o.predecessor_codes ?? '')
										.split(';')
										.includes(String(u.unit_code)))
						);
					const matched = units.filter(
						(u) => u.district_code === district.unit_code || named(u) || related(u)
					);
					// a matching commune shows under its district's name (of its own era)
					const contexts = units.filter(
						(d) =>
							d.level === 'district' &&
							!matched.includes(d) &&
							matched.some((m) => m.district_code === d.unit_code && era(m) === era(d))
					);
					expect(shown.sort()).toEqual([...matched, ...contexts].map((u) => String(u.name)).sort());
					expect(await page.locator('[data-count]').innerText()).toBe(String(matched.length));
					await search.fill('');
				}
				expect(await runAxe(page)).toEqual([]);
			} finally {
				await opened.close();
			}
		}
	});

	test('a missing unit reached inside the app shows the site page too', async () => {
		const opened = await openPage(browser, new URL('ban-do/', baseURL).href);
		const { page } = opened;
		try {
			// A link the client router takes (it matches /don-vi/[code]/), to a unit that is not published.
			await page.evaluate((href) => {
				const a = document.createElement('a');
				a.href = href;
				a.textContent = 'x';
				a.id = 'missing';
				document.body.append(a);
			}, new URL('don-vi/99999/', baseURL).href);
			await page.click('#missing');
			await page.waitForURL((u) => u.pathname === '/don-vi/99999/');
			await page.locator('header.site-header').waitFor();
			expect(await page.locator('h1').innerText()).toBe('Không tìm thấy trang');
			expect(await page.locator('[data-unit-search] a').count()).toBe(units.length);
		} finally {
			await opened.close();
		}
	});
});
