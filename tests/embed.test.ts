/** Embeds (`/embed/...`): tiny first load, content in the HTML, height sent to the host page. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser, openPage, runAxe } from './browser';
import { fetchHtml, formatBytes, measureFirstLoad, readTable, staticDocument } from './feature';

const baseURL = inject('baseURL');
const buildDir = inject('buildDir');

/** The issue's budget for an embed's first load, compressed bytes on the wire. */
const EMBED_BUDGET = 60 * 1024;
const EMBEDS = ['embed/tong-quan/', 'embed/ban-do/', 'embed/chi-so/access/'];
const HEIGHT_MESSAGE = 'tekt-embed-height';

type Lang = 'vi' | 'en';
interface Target {
	phase: string;
	value: number;
	of?: number;
}
interface Phase {
	id: string;
	label: Record<Lang, string>;
	startYear: number;
	endYear: number;
}
interface Plan {
	phases: Phase[];
	indicators: { id: string; kind: 'rate' | 'unit_count' | 'count'; targets: Target[] }[];
}
const plan = JSON.parse(
	readFileSync(fileURLToPath(new URL('../data/plans/kontum-3430.json', import.meta.url)), 'utf8')
) as Plan;
const manifest = JSON.parse(readFileSync(join(buildDir, 'data', 'manifest.json'), 'utf8')) as {
	asOf: string;
	illustrative: boolean;
};

/** The current phase: the last one started by the data's year (as of date, capped by the data). */
const currentPhase = (() => {
	const lastDataYear = Math.max(...readTable(buildDir, 'indicators').map((r) => Number(r.year)));
	const year = Math.min(Number(manifest.asOf.slice(0, 4)), lastDataYear);
	return plan.phases.filter((p) => p.startYear <= year).at(-1) ?? plan.phases[0];
})();

const STATUSES = ['met', 'not_met', 'on_track', 'at_risk', 'off_track', 'no_data'];
const TEXT = {
	vi: {
		notice: 'Dữ liệu minh họa, không phải số liệu chính thức',
		full: 'Xem bảng theo dõi đầy đủ'
	},
	en: { notice: 'Illustrative data, not official statistics', full: 'See the full dashboard' }
};

/** A target as printed: 70 → "70%", 51 of 102 → "51/102", 1 → "1". */
function formatTarget(kind: Plan['indicators'][number]['kind'], t: Target, lang: Lang): string {
	const n = (v: number) => new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB').format(v);
	if (kind === 'rate') return `${n(t.value)}%`;
	if (kind === 'unit_count' && t.of) return `${n(t.value)}/${n(t.of)}`;
	return n(t.value);
}

/** `{ indicator: [target text, data-target, status of each badge] }` of an overview embed. */
function overviewRows(page: Page) {
	return page.locator('tr[data-indicator]').evaluateAll((rows) =>
		Object.fromEntries(
			rows.map((row) => [
				row.getAttribute('data-indicator') ?? '',
				{
					target: row.querySelector('td[data-target]')?.textContent?.trim(),
					value: row.querySelector('td[data-target]')?.getAttribute('data-target'),
					statuses: [...row.querySelectorAll('[data-status]')].map((b) =>
						b.getAttribute('data-status')
					)
				}
			])
		)
	);
}

/** A host page on the test server's origin that frames the overview embed. */
function hostPage(withHostScript: boolean): string {
	return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Host</title>
<script>
window.__msgs = [];
window.addEventListener('message', (e) => window.__msgs.push(e.data));
</script>
${withHostScript ? '<script src="embed/host.js"></script>' : ''}
</head><body>
<iframe src="embed/tong-quan/" title="Embed" style="width:360px;height:100px"></iframe>
</body></html>`;
}

describe('embeds', () => {
	let browser: Browser;

	beforeAll(async () => {
		browser = await launchBrowser();
	});

	afterAll(async () => {
		await browser?.close();
	});

	test.each(EMBEDS)(
		'/%s first load is at most 60 KB on the wire, without app JS, WASM or MapLibre',
		async (path) => {
			const load = await measureFirstLoad(browser, new URL(path, baseURL).href);
			try {
				console.log(
					`/${path}: ${formatBytes(load.total)} in ${load.transfers.length} responses (budget ${formatBytes(EMBED_BUDGET)})`
				);
				const paths = load.requests.map((u) => new URL(u).pathname);
				expect(paths).toContain('/embed/resize.js');
				// Compressed as the server sends it: the page itself came brotli-encoded.
				const doc = load.transfers.find((t) => t.url === new URL(path, baseURL).href);
				expect(doc?.encoding).toBe('br');
				expect(load.total).toBeLessThanOrEqual(EMBED_BUDGET);
				expect(paths.filter((p) => /\.wasm$|maplibre|duckdb/i.test(p))).toEqual([]);
				expect(paths.filter((p) => p.startsWith('/_app/immutable/entry'))).toEqual([]);
				expect(load.foreignRequests).toEqual([]);
			} finally {
				await load.close();
			}
		}
	);

	test.each(['vi', 'en'] as const)(
		'%s overview embed HTML has every current target, a verdict each, notice and link',
		async (lang) => {
			const path = lang === 'vi' ? 'embed/tong-quan/' : 'en/embed/tong-quan/';
			const { status, html } = await fetchHtml(baseURL, path);
			expect(status).toBe(200);
			expect(html).toContain(TEXT[lang].notice);
			expect(html).toContain(TEXT[lang].full);
			const doc = await staticDocument(browser, html);
			try {
				const { page } = doc;
				expect(await page.getAttribute('html', 'lang')).toBe(lang);
				expect(await page.locator('.sub').textContent()).toContain(currentPhase.label[lang]);
				const rows = await overviewRows(page);
				expect(Object.keys(rows)).toEqual(plan.indicators.map((i) => i.id));
				expect(await page.locator('[data-status]').count()).toBe(plan.indicators.length);
				for (const ind of plan.indicators) {
					const target = ind.targets.find((t) => t.phase === currentPhase.id)!;
					expect(rows[ind.id], ind.id).toEqual({
						target: formatTarget(ind.kind, target, lang),
						value: String(target.value),
						statuses: [expect.toBeOneOf(STATUSES)]
					});
				}
				expect(await page.locator('[role="note"]').first().textContent()).toContain(
					TEXT[lang].notice
				);
				const link = page.getByRole('link', { name: TEXT[lang].full });
				expect(await link.count()).toBe(1);
				// The link leads to the full site's home page in the same language.
				const href = new URL((await link.getAttribute('href'))!, new URL(path, baseURL)).href;
				expect(href).toBe(new URL(lang === 'vi' ? '' : 'en/', baseURL).href);
			} finally {
				await doc.close();
			}
		}
	);

	test('/embed/tong-quan/2018-2020/ shows the 2018–2020 targets', async () => {
		const { status, html } = await fetchHtml(baseURL, 'embed/tong-quan/2018-2020/');
		expect(status).toBe(200);
		const doc = await staticDocument(browser, html);
		try {
			const { page } = doc;
			expect(await page.locator('.sub').textContent()).toContain('Giai đoạn 2018–2020');
			const targets = await page.locator('tr[data-indicator] td[data-target]').allTextContents();
			expect(targets.map((t) => t.trim())).toEqual([
				'70%',
				'50%',
				'60%',
				'70%',
				'8/10',
				'42/102',
				'1'
			]);
			expect(await page.locator('tr[data-indicator] [data-status]').count()).toBe(
				plan.indicators.length
			);
		} finally {
			await doc.close();
		}
	});

	test('an indicator embed with a phase shows that phase, as the overview does', async () => {
		// The overview's table has a verdict per indicator and phase: the embeds must agree.
		const overview = await fetchHtml(baseURL, '');
		const doc = await staticDocument(browser, overview.html);
		const verdicts = await doc.page
			.locator('tr[data-indicator] td[data-phase] [data-status]')
			.evaluateAll((els) =>
				els.map((e) => [
					`${e.closest('tr')!.getAttribute('data-indicator')} ${e.closest('td')!.getAttribute('data-phase')}`,
					e.getAttribute('data-status')
				])
			);
		await doc.close();
		const expected: Record<string, string | null> = Object.fromEntries(verdicts);
		const problems: string[] = [];
		for (const ind of plan.indicators) {
			for (const phase of [undefined, ...plan.phases]) {
				const path = `embed/chi-so/${ind.id}/${phase ? `${phase.id}/` : ''}`;
				const shown = phase ?? currentPhase;
				const { status, html } = await fetchHtml(baseURL, path);
				expect(status, path).toBe(200);
				const embed = await staticDocument(browser, html);
				try {
					const badge = await embed.page
						.locator('.status-line > [data-status]')
						.getAttribute('data-status');
					const label = (await embed.page.locator('p.small').textContent())?.replace(/\s+/g, ' ');
					if (badge !== expected[`${ind.id} ${shown.id}`]) {
						problems.push(
							`/${path}: status ${badge}, overview says ${expected[`${ind.id} ${shown.id}`]}`
						);
					}
					if (!label?.includes(shown.label.vi)) {
						problems.push(`/${path}: says "${label?.trim()}", not "${shown.label.vi}"`);
					}
				} finally {
					await embed.close();
				}
			}
		}
		expect(problems).toEqual([]);
	});

	test('the embed posts its height to the host page, and host.js sizes the iframe', async () => {
		const context = await browser.newContext({ serviceWorkers: 'block' });
		try {
			const hostURL = new URL('__host-test.html', baseURL).href;
			await context.route(`${hostURL}*`, (route) =>
				route.fulfill({
					status: 200,
					contentType: 'text/html;charset=utf-8',
					body: hostPage(new URL(route.request().url()).searchParams.has('host'))
				})
			);
			const page = await context.newPage();
			type Message = { type?: string; height?: number };
			const heights = () =>
				page.evaluate(() =>
					(window as unknown as { __msgs: Message[] }).__msgs
						.filter((m) => m?.type === 'tekt-embed-height')
						.map((m) => m.height)
				);

			await page.goto(hostURL, { waitUntil: 'load' });
			await expect.poll(heights, { timeout: 10_000 }).not.toEqual([]);
			const first = await page.evaluate(() => (window as unknown as { __msgs: Message[] }).__msgs);
			const message = first.find((m) => m?.type === HEIGHT_MESSAGE)!;
			expect(typeof message.height).toBe('number');
			expect(message.height).toBeGreaterThan(300);
			// Without host.js nothing resizes the frame.
			expect(await page.locator('iframe').evaluate((f) => f.style.height)).toBe('100px');

			await page.goto(`${hostURL}?host`, { waitUntil: 'load' });
			await expect.poll(heights, { timeout: 10_000 }).not.toEqual([]);
			const iframe = page.locator('iframe');
			await expect
				.poll(async () => {
					const last = (await heights()).at(-1);
					const style = await iframe.evaluate((f) => f.style.height);
					return last !== undefined && last > 300 && style === `${last}px`;
				})
				.toBe(true);
			// The frame now shows the whole embed: its document fits without scrolling.
			const frame = await (await iframe.elementHandle())!.contentFrame();
			const fits = await frame!.evaluate(
				() => document.documentElement.scrollHeight <= window.innerHeight
			);
			expect(fits).toBe(true);
		} finally {
			await context.close();
		}
	});

	test.each(EMBEDS)('/%s fits 320 px without horizontal scrolling', async (path) => {
		const opened = await openPage(browser, new URL(path, baseURL).href, {
			viewport: { width: 320, height: 640 }
		});
		try {
			expect(opened.status).toBe(200);
			const widths = await opened.page.evaluate(() => ({
				scroll: document.documentElement.scrollWidth,
				client: document.documentElement.clientWidth
			}));
			expect(widths.scroll, `scrollWidth at 320 px (client ${widths.client})`).toBeLessThanOrEqual(
				320
			);
		} finally {
			await opened.close();
		}
	});

	test('/embed/tong-quan/ keeps its table and its mini map apart at every width', async () => {
		const opened = await openPage(browser, new URL('embed/tong-quan/', baseURL).href);
		try {
			const { page } = opened;
			for (const width of [320, 480, 600, 760, 1000]) {
				await page.setViewportSize({ width, height: 800 });
				const boxes = await page.evaluate(() => {
					const box = (sel: string) => {
						const r = document.querySelector(sel)!.getBoundingClientRect();
						return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
					};
					return {
						table: box('table.headline'),
						cell: box('table.headline tbody tr:first-child td:last-child'),
						map: box('figure.mini-map')
					};
				});
				const apart =
					boxes.cell.right <= boxes.map.left ||
					boxes.table.bottom <= boxes.map.top ||
					boxes.map.right <= boxes.table.left;
				expect(apart, `${width} px: the table's last column under the map`).toBe(true);
				expect(boxes.cell.right, `${width} px: the table's last column`).toBeLessThanOrEqual(
					Math.min(width, boxes.map.top >= boxes.table.bottom ? width : boxes.map.left) + 1
				);
			}
		} finally {
			await opened.close();
		}
	});

	test.each(EMBEDS)('/%s has no axe violation', async (path) => {
		const opened = await openPage(browser, new URL(path, baseURL).href);
		try {
			expect(opened.status).toBe(200);
			expect(opened.consoleErrors).toEqual([]);
			expect(await runAxe(opened.page)).toEqual([]);
		} finally {
			await opened.close();
		}
	});
});
