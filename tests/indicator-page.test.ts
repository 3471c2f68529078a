/**
 * A page per indicator of the plan file (`/chi-so/<id>/`, `/en/chi-so/<id>/`): the plan's own
 * Vietnamese words, its targets and the verdict per phase, the values per unit and year, all
 * checked against the plan file and the build's published `indicators.json` (axe: pages.test.ts).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser, openPage } from './browser';
import { fetchHtml, params, readTable, staticDocument, until } from './feature';

const baseURL = inject('baseURL');
const buildDir = inject('buildDir');

interface Target {
	phase: string;
	value: number;
	of?: number;
	test: 'at_least' | 'at_most' | 'maintain';
	/** the flag this phase counts, when it differs from the indicator's */
	flag?: string;
	note?: { vi: string };
}
interface Indicator {
	id: string;
	kind: 'rate' | 'unit_count' | 'count';
	label: { vi: string; en: string };
	flag?: string;
	measure?: string;
	targets: Target[];
}
interface Plan {
	geography: { area: { code: string } };
	phases: { id: string; startYear: number; endYear: number }[];
	indicators: Indicator[];
}
const plan = JSON.parse(
	readFileSync(fileURLToPath(new URL('../data/plans/kontum-3430.json', import.meta.url)), 'utf8')
) as Plan;
const rows = readTable(buildDir, 'indicators');
const units = readTable(buildDir, 'units');
/** The era a year's figures belong to: the first day of the units in force on its last day ('' for the first). */
const eraStarts = [...new Set(units.map((u) => String(u.valid_from ?? '')))].filter(Boolean).sort();
const eraOfYear = (year: number) =>
	eraStarts.filter((from) => from <= `${year}-12-31`).at(-1) ?? '';

/** The published value of an indicator in a row, as the pipeline names its columns. */
function valueOf(ind: Indicator, row: Record<string, unknown>): number | null {
	const column =
		ind.kind === 'rate'
			? `${ind.id}_rate`
			: ind.kind === 'unit_count'
				? `${ind.id}_count`
				: ind.measure!;
	return (row[column] as number | null) ?? null;
}

/**
 * Both phases have ended in the published years: the verdict is the plan's "at least the target"
 * on the last published value of the phase, for the province; a target to maintain ("Duy trì")
 * must hold in every year of the phase.
 */
function expectedVerdict(ind: Indicator, phase: Plan['phases'][number]): string {
	const target = ind.targets.find((t) => t.phase === phase.id)!;
	const inPhase = rows
		.filter(
			(r) =>
				r.unit_code === plan.geography.area.code &&
				Number(r.year) >= phase.startYear &&
				Number(r.year) <= phase.endYear
		)
		.sort((a, b) => Number(a.year) - Number(b.year));
	const values = inPhase.map((r) => valueOf(ind, r));
	if (target.test === 'maintain') {
		if (values.some((v) => v !== null && v < target.value)) return 'not_met';
		return values.length === phase.endYear - phase.startYear + 1 && !values.includes(null)
			? 'met'
			: 'no_data';
	}
	const value = values.at(-1) ?? null;
	if (value === null) return 'no_data';
	return value >= target.value ? 'met' : 'not_met';
}

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

describe('indicator pages', () => {
	test('the plan file and the published years cover both phases (the oracle needs it)', () => {
		const years = new Set(rows.map((r) => Number(r.year)));
		for (const p of plan.phases) expect(years.has(p.endYear), p.id).toBe(true);
	});

	test.each(
		plan.indicators.flatMap((ind) =>
			['', '/en'].map((prefix) => [`${prefix}/chi-so/${ind.id}/`, ind] as const)
		)
	)('%s: plan words, targets and verdicts, values per unit', async (path, ind) => {
		const { status, html } = await fetchHtml(baseURL, path);
		expect(status).toBe(200);
		const doc = await staticDocument(browser, html);
		const { page } = doc;
		try {
			// The plan's sentence, verbatim in Vietnamese, on both languages' pages.
			const quote = page.getByTestId('plan-sentence');
			expect(await quote.getAttribute('lang')).toBe('vi');
			const quoted = await quote.locator('p').allInnerTexts();
			expect(quoted[0]).toBe(ind.label.vi);
			for (const t of ind.targets.filter((x) => x.note)) expect(quoted).toContain(t.note!.vi);

			for (const phase of plan.phases) {
				const row = page.locator(`[data-testid=targets] tr[data-phase="${phase.id}"]`);
				const target = ind.targets.find((t) => t.phase === phase.id)!;
				expect(await row.locator('[data-target]').getAttribute('data-target')).toBe(
					String(target.value)
				);
				expect(await row.locator('span.status').getAttribute('data-status'), phase.id).toBe(
					expectedVerdict(ind, phase)
				);
			}

			// Values per unit and year: the published ones; hidden cells say so, with no number.
			const years = [...new Set(rows.map((r) => Number(r.year)))].sort((a, b) => a - b);
			const cells = await page.locator('[data-testid=by-unit] tbody tr').evaluateAll((trs) =>
				trs.map((tr) => ({
					code: tr.getAttribute('data-code')!,
					// a commune of a later era (the 2025 reform): its cells are its era's years only
					era: tr.getAttribute('data-era') ?? '',
					cells: [...tr.querySelectorAll('td')].map((td) => ({
						text: td.textContent!.trim(),
						hidden: td.getAttribute('data-suppressed') === 'true'
					}))
				}))
			);
			expect(cells.length).toBeGreaterThan(0);
			const hiddenWord = path.startsWith('/en') ? 'Hidden' : 'Đã ẩn';
			for (const unit of cells) {
				expect(
					units.some((u) => u.unit_code === unit.code),
					unit.code
				).toBe(true);
				const isCommune = units.some((u) => u.unit_code === unit.code && u.level === 'commune');
				unit.cells.forEach((cell, i) => {
					const own = !isCommune || eraOfYear(years[i]) === unit.era;
					if (!own) expect(cell.text, `${unit.code} ${years[i]}: another era's unit`).toBe('–');
					const row = own
						? rows.find((r) => r.unit_code === unit.code && Number(r.year) === years[i])
						: undefined;
					const hidden = ind.kind === 'rate' && row?.[`${ind.id}_rate_suppressed`] === true;
					expect(cell.hidden, `${unit.code} ${years[i]}`).toBe(hidden);
					if (hidden) {
						expect(cell.text).toContain(hiddenWord);
						expect(cell.text).not.toMatch(/\d+[,.]\d/);
					}
					const value = row ? valueOf(ind, row) : null;
					if (value !== null && ind.kind === 'rate') {
						const shown = Number(cell.text.replace('%', '').replace(',', '.'));
						expect(Math.abs(shown - value), `${unit.code} ${years[i]}`).toBeLessThan(0.051);
					}
				});
			}
			if (ind.kind === 'rate') {
				// every unit of the published list but none missing: province, districts, communes
				// (a commune once per era it is a unit of; the province and districts once, over every era)
				expect(cells.map((c) => c.code).sort()).toEqual(
					[
						...units.filter((u) => u.level === 'commune').map((u) => String(u.unit_code)),
						...new Set(units.filter((u) => u.level !== 'commune').map((u) => String(u.unit_code)))
					].sort()
				);
			}
		} finally {
			await doc.close();
		}
	});

	test('each overview card links to its indicator page', async () => {
		for (const prefix of ['', '/en']) {
			const { html } = await fetchHtml(baseURL, `${prefix}/`);
			const doc = await staticDocument(browser, html);
			try {
				for (const ind of plan.indicators) {
					const href = await doc.page
						.locator(`article.card[data-indicator="${ind.id}"] h3 a`)
						.getAttribute('href');
					expect(new URL(href!, new URL(`${prefix}/`, baseURL)).pathname).toBe(
						`${prefix}/chi-so/${ind.id}/`
					);
				}
			} finally {
				await doc.close();
			}
		}
	});

	test('compare units over the years: districts or communes added and removed by keyboard, their published values, kept in the link', async () => {
		const ind = plan.indicators.find((i) => i.kind === 'rate')!;
		const rate = (r: Record<string, unknown>) => r[`${ind.id}_rate`] as number | null;
		const hidden = (r: Record<string, unknown>) => r[`${ind.id}_rate_suppressed`] === true;
		const latest = (code: string) =>
			rows
				.filter((r) => r.unit_code === code && rate(r) !== null)
				.sort((a, b) => Number(a.year) - Number(b.year))
				.at(-1);
		// (a district and its former area share the code: one row, one choice)
		const districts = [
			...new Set(units.filter((u) => u.level === 'district').map((u) => String(u.unit_code)))
		];
		// Oracle: the two districts with the lowest latest published value are shown first.
		const lowest = districts
			.filter((c) => latest(c))
			.sort((a, b) => rate(latest(a)!)! - rate(latest(b)!)! || a.localeCompare(b))
			.slice(0, 2);
		// A commune with at least one hidden year: its line has a gap, its table says "hidden".
		const commune = String(
			units.find(
				(u) =>
					u.level === 'commune' &&
					rows.some((r) => r.unit_code === u.unit_code && hidden(r)) &&
					rows.some((r) => r.unit_code === u.unit_code && rate(r) !== null)
			)!.unit_code
		);

		const opened = await openPage(browser, new URL(`chi-so/${ind.id}/`, baseURL).href, {
			viewport: { width: 390, height: 844 }
		});
		try {
			const { page } = opened;
			const chips = () =>
				page
					.locator('[data-testid=compared-units] li')
					.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-code')));
			const lines = () =>
				page
					.locator('#so-sanh-don-vi .variant:visible svg.multi-trend g.series')
					.evaluateAll((gs) => gs.map((g) => g.getAttribute('data-code')));
			expect(await chips()).toEqual(lowest);
			expect(await lines()).toEqual([plan.geography.area.code, ...lowest]);

			// Keyboard: choose the commune in the grouped list, then "Thêm".
			const select = page.getByLabel('Thêm đơn vị');
			await until(
				async () => {
					await select.focus();
					await select.selectOption(commune);
					await page.keyboard.press('Tab');
					await page.keyboard.press('Enter');
				},
				() => params(page).get('units')?.split(',').includes(commune) ?? false,
				true
			);
			await expect.poll(lines).toContain(commune);
			expect(await page.evaluate(() => document.activeElement?.id)).toBe('compare-units-add');

			// The table: the commune's column holds its published values, hidden years as hidden.
			const frame = page.locator('#so-sanh-don-vi');
			await frame.locator('summary').click();
			const table = await frame.locator('table').evaluate((t) => ({
				head: [...t.querySelectorAll('thead th')].map((th) => th.textContent!.trim()),
				rows: [...t.querySelectorAll('tbody tr')].map((tr) =>
					[...tr.children].map((c) => c.textContent!.trim())
				)
			}));
			const name = String(units.find((u) => u.unit_code === commune)!.name);
			const col = table.head.indexOf(name);
			expect(col).toBeGreaterThan(0);
			// the commune's own era only: a reused code names another unit after the reform
			for (const r of rows.filter(
				(r) => r.unit_code === commune && eraOfYear(Number(r.year)) === ''
			)) {
				const cell = table.rows.find((cells) => cells[0] === String(r.year))![col];
				if (hidden(r)) expect(cell, String(r.year)).toContain('Đã ẩn');
				else if (rate(r) !== null) {
					const shown = Number(cell.replace('%', '').replace(',', '.'));
					expect(Math.abs(shown - rate(r)!), String(r.year)).toBeLessThan(0.051);
				}
			}

			// A shared link shows the same lines; removing one by keyboard updates the link.
			const url = page.url();
			await page.reload({ waitUntil: 'load' });
			await expect.poll(async () => (await chips()).sort()).toEqual([...lowest, commune].sort());
			const remove = page.getByRole('button', { name: new RegExp(`: ${name}$`) });
			await until(
				async () => {
					await remove.focus();
					await page.keyboard.press('Enter');
				},
				() => !(params(page).get('units') ?? '').split(',').includes(commune),
				true
			);
			expect(await lines()).not.toContain(commune);
			expect(url).toContain('units=');
		} finally {
			await opened.close();
		}
	});
});
