/** Overview page (`/`, `/en/`): targets and verdicts in the HTML, phase/year/indicator in the URL. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser, openPage, type OpenedPage } from './browser';
import { attributeMap, fetchHtml, params, parseCsv, staticDocument, until } from './feature';

const baseURL = inject('baseURL');

interface Target {
	phase: string;
	value: number;
	of?: number;
	test: 'at_least' | 'at_most' | 'maintain';
}
interface Plan {
	phases: { id: string; startYear: number; endYear: number }[];
	indicators: { id: string; kind: 'rate' | 'unit_count' | 'count'; targets: Target[] }[];
}
const plan = JSON.parse(
	readFileSync(fileURLToPath(new URL('../data/plans/kontum-3430.json', import.meta.url)), 'utf8')
) as Plan;
const readData = (file: string) =>
	readFileSync(fileURLToPath(new URL(`../data/${file}`, import.meta.url)), 'utf8');

interface Duty {
	id: string;
	due: string;
	from?: string;
	reporters: { levels: string[] };
	column: string;
}
/**
 * The plan's words, applied by hand to the report files: "trước ngày 10/6" is strictly before the
 * date; nothing is owed before the plan's own date (or the duty's first date); only the levels
 * the plan names report.
 */
function expectedReport(
	duty: Duty,
	year: number,
	submitted: string,
	planDate: string,
	asOf: string
): string {
	const due = `${year}-${duty.due}`;
	if (due < (duty.from ?? planDate)) return 'not_owed';
	if (submitted) return submitted < due ? 'on_time' : 'late';
	return due > asOf ? 'not_due' : 'missing';
}

const STATUSES = ['met', 'not_met', 'on_track', 'at_risk', 'off_track', 'no_data'];
const STATUS_EN: Record<string, string> = {
	met: 'Met',
	not_met: 'Not met',
	on_track: 'On track',
	at_risk: 'At risk',
	off_track: 'Off track',
	no_data: 'No data'
};
const NOTICE_VI = 'Dữ liệu minh họa, không phải số liệu chính thức';
const NOTICE = { vi: NOTICE_VI, en: 'Illustrative data, not official statistics' };

/** A target as the page should print it: 70 → "70%", 51 of 102 → "51/102", 1 → "1". */
function formatTarget(kind: Plan['indicators'][number]['kind'], t: Target, lang: 'vi' | 'en') {
	const n = (v: number) => new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB').format(v);
	if (kind === 'rate') return `${n(t.value)}%`;
	if (kind === 'unit_count' && t.of) return `${n(t.value)}/${n(t.of)}`;
	return n(t.value);
}

/** `[data-status, words]` of each badge: its text without the aria-hidden icon. */
function badges(locator: Locator): Promise<[string, string][]> {
	return locator.evaluateAll((els) =>
		els.map((el): [string, string] => [
			el.getAttribute('data-status') ?? '',
			[...el.childNodes]
				.filter((n) => !(n instanceof Element && n.getAttribute('aria-hidden') === 'true'))
				.map((n) => n.textContent)
				.join('')
				.trim()
		])
	);
}

const cards = (page: Page) =>
	attributeMap(page.locator('article.card[data-indicator]'), 'data-indicator', 'data-status');

describe('overview', () => {
	let browser: Browser;

	beforeAll(async () => {
		browser = await launchBrowser();
	});

	afterAll(async () => {
		await browser?.close();
	});

	test.each([
		['/', 'vi'],
		['/en/', 'en']
	] as const)(
		'%s HTML has every target and a verdict per indicator and phase',
		async (path, lang) => {
			const { status, html } = await fetchHtml(baseURL, path);
			expect(status).toBe(200);
			expect(html).toContain(NOTICE[lang]);
			const doc = await staticDocument(browser, html);
			try {
				const { page } = doc;
				expect(await page.getAttribute('html', 'lang')).toBe(lang);
				expect(await page.locator('tr[data-indicator]').count()).toBe(plan.indicators.length);
				for (const ind of plan.indicators) {
					const row = page.locator(`tr[data-indicator="${ind.id}"]`);
					expect(await row.count(), `row ${ind.id}`).toBe(1);
					for (const p of plan.phases) {
						const target = ind.targets.find((t) => t.phase === p.id);
						expect(target, `${ind.id} has a target for ${p.id} in the plan`).toBeDefined();
						const cell = row.locator(`td[data-phase="${p.id}"][data-target="${target!.value}"]`);
						expect(await cell.count(), `${ind.id} ${p.id} target cell`).toBe(1);
						// a level to keep every year ("Duy trì") says so next to its value
						const rule =
							target!.test === 'maintain' ? (lang === 'vi' ? ' (duy trì)' : ' (maintain)') : '';
						expect((await cell.textContent())?.trim()).toBe(
							formatTarget(ind.kind, target!, lang) + rule
						);
						const found = await badges(row.locator(`td[data-phase="${p.id}"] [data-status]`));
						expect(found.length, `${ind.id} ${p.id} status badge`).toBe(1);
						const [st, words] = found[0];
						expect(STATUSES, `${ind.id} ${p.id} status`).toContain(st);
						if (lang === 'en') expect(words).toBe(STATUS_EN[st]);
					}
				}
				// the cards' targets: "1 (duy trì)", never "1(duy trì)"
				for (const facts of await page.locator('.card-facts').allTextContents())
					expect(facts).not.toMatch(/\d\(/);
				// nor a value run into its year: "73,5% (2020)", not "73,5%(2020)"
				for (const value of await page.locator('tr[data-indicator] td.num').allTextContents())
					expect(value.replace(/\s+/g, ' ')).not.toMatch(/[\d%]\(/);
			} finally {
				await doc.close();
			}
		}
	);

	test('without JavaScript the cards and SVG charts are there', async () => {
		const opened = await openPage(browser, baseURL, { javaScriptEnabled: false });
		try {
			const { page } = opened;
			expect(opened.status).toBe(200);
			const statuses = await cards(page);
			expect(Object.keys(statuses).sort()).toEqual(plan.indicators.map((i) => i.id).sort());
			for (const st of Object.values(statuses)) expect(STATUSES).toContain(st);
			const charts = page.locator('svg.trend');
			expect(await charts.count()).toBeGreaterThanOrEqual(4);
			// Each chart draws its series: a line path with real coordinates, not an empty frame.
			const drawn = await charts.evaluateAll((svgs) =>
				svgs.map((svg) =>
					[...svg.querySelectorAll('path')].some((p) => (p.getAttribute('d') ?? '').length > 20)
				)
			);
			expect(drawn.every(Boolean)).toBe(true);
			// Table headers are words for readers, never a published column's machine name.
			const headers = await page.locator('table th').allTextContents();
			const columnNames = new Set(
				(plan.indicators as { numerator?: string; denominator?: string }[]).flatMap((i) =>
					i.numerator && i.denominator ? [i.numerator, i.denominator] : []
				)
			);
			expect(headers.map((h) => h.trim()).filter((h) => columnNames.has(h))).toEqual([]);
			await expect.poll(() => page.getByText(NOTICE_VI).first().isVisible()).toBe(true);
		} finally {
			await opened.close();
		}
	});

	describe('with JavaScript', () => {
		let opened: OpenedPage;
		let page: Page;

		beforeAll(async () => {
			opened = await openPage(browser, baseURL);
			page = opened.page;
		});

		afterAll(async () => {
			await opened?.close();
		});

		test('switching phase changes the verdicts, the URL, and survives a reload', async () => {
			const firstPhase = plan.phases[0];
			const verdicts = (phaseId: string) =>
				page
					.locator(`tr[data-indicator] td[data-phase="${phaseId}"] [data-status]`)
					.evaluateAll((els) =>
						Object.fromEntries(
							els.map((e) => [
								e.closest('tr')!.getAttribute('data-indicator'),
								e.getAttribute('data-status')
							])
						)
					);
			const before = await cards(page);
			// The default view is the last phase at its last year: the cards agree with the table.
			expect(before).toEqual(await verdicts(plan.phases.at(-1)!.id));

			const button = page.locator(`.controls button[data-phase="${firstPhase.id}"]`);
			await until(
				() => button.click(),
				() => params(page).get('phase'),
				firstPhase.id
			);
			await expect.poll(() => button.getAttribute('aria-pressed')).toBe('true');
			const after = await cards(page);
			expect(after).not.toEqual(before);
			// At the first phase's end year, each card's verdict is that phase's verdict.
			expect(await page.locator('.controls .year-select select').inputValue()).toBe(
				String(firstPhase.endYear)
			);
			expect(after).toEqual(await verdicts(firstPhase.id));

			await page.reload({ waitUntil: 'load' });
			await expect
				.poll(() => button.getAttribute('aria-pressed'), { timeout: 10_000 })
				.toBe('true');
			expect(
				await page
					.locator(`.controls button[data-phase="${plan.phases[1].id}"]`)
					.getAttribute('aria-pressed')
			).toBe('false');
			await expect.poll(() => cards(page)).toEqual(after);
		});

		test('year and indicator round-trip through the URL', async () => {
			const firstPhase = plan.phases[0];
			await page.goto(new URL(`?phase=${firstPhase.id}`, baseURL).href, { waitUntil: 'load' });
			const yearSelect = page.locator('.controls .year-select select');
			await expect
				.poll(() => yearSelect.inputValue(), { timeout: 10_000 })
				.toBe(String(firstPhase.endYear));
			// The year list is the phase's years.
			const years = await yearSelect.locator('option').allTextContents();
			expect(years).toEqual(['2018', '2019', '2020']);

			const year = String(firstPhase.startYear + 1);
			await until(
				() => yearSelect.selectOption(year),
				() => params(page).get('year'),
				year
			);
			await expect.poll(() => page.locator('#cards-h').textContent()).toContain(year);

			const indicatorSelect = page.getByRole('combobox', { name: /Chỉ tiêu/ });
			await until(
				() => indicatorSelect.selectOption('skills'),
				() => params(page).get('indicator'),
				'skills'
			);
			expect(
				await page.locator('article.card[data-indicator="skills"]').getAttribute('class')
			).toContain('selected');
			const statuses = await cards(page);
			const url = page.url();
			expect(params(page).get('phase')).toBe(firstPhase.id);

			await page.reload({ waitUntil: 'load' });
			expect(page.url()).toBe(url);
			await expect.poll(() => yearSelect.inputValue(), { timeout: 10_000 }).toBe(year);
			await expect.poll(() => indicatorSelect.inputValue()).toBe('skills');
			expect(await page.locator('#cards-h').textContent()).toContain(year);
			expect(
				await page
					.locator('article.card[data-indicator="skills"] button')
					.getAttribute('aria-pressed')
			).toBe('true');
			expect(
				await page
					.locator('article.card[data-indicator="access"] button')
					.getAttribute('aria-pressed')
			).toBe('false');
			expect(await cards(page)).toEqual(statuses);
		});

		test('loads no DuckDB, WebAssembly or MapLibre, and nothing from elsewhere', () => {
			const heavy = opened.requests
				.map((r) => r.url)
				.filter((u) => /\.wasm(\?|$)|duckdb|maplibre/i.test(u));
			expect(opened.requests.length).toBeGreaterThan(0);
			expect(heavy).toEqual([]);
			expect(opened.foreignRequests).toEqual([]);
			expect(opened.consoleErrors).toEqual([]);
		});
	});

	test('report status: districts only, strictly before the due date, nothing before the plan', async () => {
		const spec = JSON.parse(
			readFileSync(
				fileURLToPath(new URL('../data/plans/kontum-3430.json', import.meta.url)),
				'utf8'
			)
		) as { document: { date: string }; reporting: { duties: Duty[] } };
		const duties = spec.reporting.duties;
		expect(duties.map((d) => d.reporters.levels)).toEqual([['district'], ['district']]);
		const asOf = (JSON.parse(readData('reports/dataset.json')) as { asOf: string }).asOf;
		const opened = await openPage(browser, new URL(`?phase=${plan.phases[0].id}`, baseURL).href);
		try {
			const table = opened.page.locator('table.reporting');
			await expect
				.poll(() => table.locator('thead th[scope=colgroup]').first().innerText())
				.toBe('2018');
			const years = (await table.locator('thead th[scope=colgroup]').allInnerTexts()).map(Number);
			const shown = await table.locator('tbody tr').evaluateAll((trs) =>
				trs.map((tr) => ({
					name: tr.querySelector('th')!.textContent!.trim(),
					statuses: [...tr.querySelectorAll('td')].map((td) => td.getAttribute('data-status'))
				}))
			);
			expect(shown).toHaveLength(10);
			const tally: Record<string, number> = {};
			for (const year of years) {
				const { header, rows } = parseCsv(readData(`reports/units-${year}.csv`));
				for (const row of shown) {
					const r = rows.find((c) => c[header.indexOf('unit_name')] === row.name)!;
					duties.forEach((d, i) => {
						const want = expectedReport(
							d,
							year,
							r[header.indexOf(d.column)],
							spec.document.date,
							asOf
						);
						tally[want] = (tally[want] ?? 0) + 1;
						expect(
							row.statuses[years.indexOf(year) * duties.length + i],
							`${row.name} ${year} ${d.id}`
						).toBe(want);
					});
				}
			}
			// the oracle is not vacuous: June 2018 was owed by nobody, and reports on the day are late
			expect(tally.not_owed).toBe(10);
			expect(tally.late).toBeGreaterThan(0);
		} finally {
			await opened.close();
		}
	});

	test('the English page speaks English', async () => {
		const opened = await openPage(browser, new URL('en/', baseURL).href);
		try {
			const { page } = opened;
			expect(await page.getAttribute('html', 'lang')).toBe('en');
			const onCards = await badges(page.locator('article.card [data-status]'));
			expect(onCards.length).toBe(plan.indicators.length);
			const all = await badges(page.locator('main span.status[data-status]'));
			expect(all.length).toBeGreaterThanOrEqual(onCards.length + 2 * plan.indicators.length);
			for (const [status, words] of all) expect(words).toBe(STATUS_EN[status]);
			const body = await page.locator('main').innerText();
			expect(body).toMatch(/\bMet\b/);
			expect(body).not.toMatch(/Không đạt|Đúng tiến độ|Chậm tiến độ/);
		} finally {
			await opened.close();
		}
	});
});
