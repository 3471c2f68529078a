/**
 * A page per indicator of the plan file (`/chi-so/<id>/`, `/en/chi-so/<id>/`): the plan's own
 * Vietnamese words, its targets and the verdict per phase, the values per unit and year, all
 * checked against the plan file and the build's published `indicators.json` (axe: pages.test.ts).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser } from './browser';
import { fetchHtml, readTable, staticDocument } from './feature';

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
				unit.cells.forEach((cell, i) => {
					const row = rows.find((r) => r.unit_code === unit.code && Number(r.year) === years[i]);
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
				expect(cells.map((c) => c.code).sort()).toEqual(
					units.map((u) => String(u.unit_code)).sort()
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
});
