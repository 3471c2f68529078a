/**
 * The plan pages (/ke-hoach/…, /embed/ke-hoach/…) of every plan in data/plans/, in both
 * languages: they answer, axe finds nothing, no request leaves the origin, no console error; the
 * numbers they print are the published ones (build/plan-data/<id>/indicators.json, read here in
 * Node), a hidden value reads "Đã ẩn", never a number; the report templates open (the .xlsx read
 * back with read-excel-file); Kon Tum's old addresses still answer. One browser, one context.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { readSheet } from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser, runAxe } from './browser';
import { parseCsv } from './feature';

const baseURL = inject('baseURL');
const buildDir = inject('buildDir');
const origin = new URL(baseURL).origin;

type Lang = 'vi' | 'en';
interface PlanJson {
	id: string;
	shortTitle: Record<Lang, string>;
	geography: {
		area: { code: string };
		levels: { id: string }[];
		reforms?: { from: string; label: Record<Lang, string>; area?: Record<Lang, string> }[];
	};
	phases: { id: string; startYear: number; endYear: number }[];
	indicators: {
		id: string;
		kind: string;
		targets: { phase: string; value?: number; test?: string; quote: string }[];
	}[];
}
interface Point {
	unit_code: string;
	year: number;
	value: number | null;
	hidden: boolean;
}

const plans = readdirSync('data/plans')
	.filter((f) => f.endsWith('.json'))
	.map((f) => JSON.parse(readFileSync(join('data/plans', f), 'utf8')) as PlanJson);
const homeId = (
	JSON.parse(readFileSync(join(buildDir, 'data', 'manifest.json'), 'utf8')) as { plan: string }
).plan;
const others = plans.filter((p) => p.id !== homeId);

const published = (id: string) => join(buildDir, 'plan-data', id);
const indicatorsOf = (id: string): { id: string; series: Point[] }[] | null =>
	existsSync(join(published(id), 'indicators.json'))
		? JSON.parse(readFileSync(join(published(id), 'indicators.json'), 'utf8')).indicators
		: null;
const unitCodes = (p: PlanJson): string[] => {
	const file = join(published(p.id), 'units.csv');
	if (!existsSync(file)) return [p.geography.area.code];
	const { header, rows } = parseCsv(readFileSync(file, 'utf8'));
	return [...new Set(rows.map((r) => r[header.indexOf('code')]))];
};
const hasMap = (p: PlanJson) =>
	p.geography.levels.some((l) => existsSync(join(published(p.id), 'geo', `${l.id}.geojson`)));

/** A published value as the pages print it: 73.5 → "73,5%" (vi) / "73.5%" (en). */
const percent = (v: number, lang: Lang) =>
	`${String(Math.round(v * 10) / 10).replace('.', lang === 'vi' ? ',' : '.')}%`;
const HIDDEN = { vi: 'Đã ẩn', en: 'Hidden' };
const prefix = (lang: Lang) => (lang === 'vi' ? '' : 'en/');

// Every unit page of the plan with the most units up to 30 (a few seconds); the area's page of
// the others (pages.test.ts leaves them to this file).
const unitPlan = [...others]
	.filter((p) => unitCodes(p).length <= 30)
	.sort((a, b) => unitCodes(b).length - unitCodes(a).length)[0];
const pages: string[] = (['vi', 'en'] as Lang[]).flatMap((lang) => [
	`${prefix(lang)}ke-hoach/`,
	...others.flatMap((p) => [
		`${prefix(lang)}ke-hoach/${p.id}/`,
		`${prefix(lang)}ke-hoach/${p.id}/du-lieu/`,
		...(hasMap(p) ? [`${prefix(lang)}ke-hoach/${p.id}/ban-do/`] : []),
		`${prefix(lang)}embed/ke-hoach/${p.id}/`,
		...(p === unitPlan ? unitCodes(p) : [p.geography.area.code]).map(
			(c) => `${prefix(lang)}ke-hoach/${p.id}/don-vi/${c}/`
		)
	])
]);

describe('plan pages', () => {
	let browser: Browser;
	let context: BrowserContext;
	const foreign: string[] = [];

	beforeAll(async () => {
		browser = await launchBrowser();
		context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
		await context.route(
			(u) => u.origin !== origin && !u.href.startsWith('data:'),
			(route) => (foreign.push(route.request().url()), route.abort('blockedbyclient'))
		);
	});
	afterAll(async () => {
		await browser?.close();
	});

	/** Opens a path in the shared context; returns the page and its console errors. */
	async function visit(path: string): Promise<{ page: Page; errors: string[]; status: number }> {
		const page = await context.newPage();
		const errors: string[] = [];
		page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
		page.on('pageerror', (e) => errors.push(e.message));
		const response = await page.goto(new URL(path, baseURL).href, { waitUntil: 'load' });
		return { page, errors, status: response?.status() ?? 0 };
	}

	test('every plan of data/plans/ has pages to visit', () => {
		expect(others.length).toBeGreaterThan(0);
		expect(pages.length).toBeGreaterThan(others.length * 8);
	});

	// axe on every page but the repeated unit template (its first page of each language is checked)
	const axed = (path: string, i: number) =>
		!path.includes('/don-vi/') ||
		pages.findIndex((p) => p.includes('/don-vi/')) === i ||
		pages.findIndex((p) => p.startsWith('en/') && p.includes('/don-vi/')) === i;

	test.each(pages.map((p, i) => [p, i] as const))('%s', async (path, i) => {
		const before = foreign.length;
		const { page, errors, status } = await visit(path);
		try {
			expect.soft(status, 'HTTP status').toBe(200);
			expect.soft(errors, 'console errors').toEqual([]);
			if (axed(path, i)) expect.soft(await runAxe(page), 'axe violations').toEqual([]);
			// another plan's page never names the home plan's area (header, footer, link previews)
			if (!/ke-hoach\/$/.test(path)) expect.soft(await page.content()).not.toContain('Kon Tum');
			expect.soft(foreign.slice(before), 'requests to other origins').toEqual([]);
		} finally {
			await page.close();
		}
	});

	test('the catalogue lists every plan file, Kon Tum linking to /, with its targets counted', async () => {
		for (const lang of ['vi', 'en'] as Lang[]) {
			const { page } = await visit(`${prefix(lang)}ke-hoach/`);
			try {
				for (const p of plans) {
					const entry = page.locator(`article[data-plan="${p.id}"]`);
					await expect.poll(() => entry.count()).toBe(1);
					const href = await entry.locator('h2 a').getAttribute('href');
					const target = new URL(href!, page.url()).pathname;
					expect(target).toBe(
						p.id === homeId ? `/${prefix(lang)}` : `/${prefix(lang)}ke-hoach/${p.id}/`
					);
					const counts = await entry
						.locator('[data-count]')
						.filter({ has: page.locator('.status') })
						.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-count'))));
					const targets = p.indicators.reduce((n, ind) => n + ind.targets.length, 0);
					expect(
						counts.reduce((a, b) => a + b, 0),
						p.id
					).toBe(targets);
					const manifestFile =
						p.id === homeId
							? join(buildDir, 'data', 'manifest.json')
							: join(published(p.id), 'manifest.json');
					if (!existsSync(manifestFile) && p.id !== homeId)
						await expect.poll(() => entry.getByTestId('no-data-yet').count()).toBe(1);
					// verdicts on illustrative figures say so where they are read, as the manifest says
					else {
						const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
						const basis = (await entry.locator('[data-field="basis"]').textContent()) ?? '';
						expect(
							basis.includes(lang === 'vi' ? 'Dữ liệu minh họa' : 'Illustrative data'),
							p.id
						).toBe(manifest.illustrative);
					}
				}
			} finally {
				await page.close();
			}
		}
	});

	test('the home plan’s catalogue status is its overview’s phase verdicts, counted', async () => {
		const home = await visit('');
		const verdicts = await home.page
			.locator('table.verdicts td[data-phase] .status[data-status]')
			.evaluateAll((els) => els.map((e) => e.getAttribute('data-status')!));
		await home.page.close();
		const expected: Record<string, number> = {};
		for (const v of verdicts) expected[v] = (expected[v] ?? 0) + 1;
		const { page } = await visit('ke-hoach/');
		try {
			const shown = await page
				.locator(`article[data-plan="${homeId}"] li[data-status]`)
				.evaluateAll((els) =>
					Object.fromEntries(
						els.map((e) => [e.getAttribute('data-status'), Number(e.getAttribute('data-count'))])
					)
				);
			expect(verdicts.length).toBeGreaterThan(0);
			expect(shown).toEqual(expected);
		} finally {
			await page.close();
		}
	});

	test('overviews print the published value judged beside each target, and the plan’s words', async () => {
		for (const p of others) {
			const data = indicatorsOf(p.id);
			const { page } = await visit(`ke-hoach/${p.id}/`);
			try {
				const rows = await page.locator('table.targets tbody tr').evaluateAll((trs) =>
					trs.map((tr) => ({
						phase: tr.closest('table')!.getAttribute('data-phase')!,
						indicator: tr.getAttribute('data-indicator')!,
						verdict: tr.getAttribute('data-verdict')!,
						value: tr.querySelector('.value')!.getAttribute('data-value'),
						quote: tr.querySelector('blockquote')!.textContent!
					}))
				);
				const expected = p.indicators.flatMap((ind) => ind.targets.map((t) => ({ ind, t })));
				expect(rows.length, p.id).toBe(expected.length);
				const years = data ? data.flatMap((d) => d.series.map((s) => s.year)) : [];
				const lastYear = years.length ? Math.max(...years) : null;
				for (const { ind, t } of expected) {
					const row = rows.find((r) => r.indicator === ind.id && r.phase === t.phase)!;
					expect(row.quote, `${p.id} ${ind.id}`).toContain(t.quote);
					if (t.value === undefined) {
						expect(row.verdict).toBe('qualitative');
						continue;
					}
					const phase = p.phases.find((x) => x.id === t.phase)!;
					if (!data || lastYear === null || lastYear < phase.startYear) {
						expect(row.verdict).toBe('no_data');
						continue;
					}
					if (t.test !== 'at_least' && t.test !== undefined) continue;
					// hand rule: at the phase's end, the end year's value against the target
					if (lastYear >= phase.endYear) {
						const point = data
							.find((d) => d.id === ind.id)
							?.series.find(
								(s) => s.unit_code === p.geography.area.code && s.year === phase.endYear
							);
						if (!point || point.value === null) expect(row.verdict).toBe('no_data');
						else {
							expect(Number(row.value), `${p.id} ${ind.id} ${t.phase}`).toBe(point.value);
							expect(row.verdict).toBe(point.value >= t.value ? 'met' : 'not_met');
						}
					}
				}
			} finally {
				await page.close();
			}
		}
	});

	test('trend lines break at a hidden or missing year: one stroke per run of published values', async () => {
		let checked = 0;
		for (const p of others) {
			const data = indicatorsOf(p.id);
			if (!data) continue;
			const years = [...new Set(data.flatMap((d) => d.series.map((s) => s.year)))].sort();
			if (years.length < 2) continue;
			const { page } = await visit(`ke-hoach/${p.id}/`);
			try {
				for (const ind of p.indicators.filter((i) => i.kind === 'rate')) {
					const series = data.find((d) => d.id === ind.id)?.series ?? [];
					const values = years.map(
						(y) =>
							series.find((s) => s.unit_code === p.geography.area.code && s.year === y)?.value ??
							null
					);
					const runs = values.filter((v, i) => v !== null && (i === 0 || values[i - 1] === null));
					const d = await page
						.locator(`figure[data-indicator="${ind.id}"] svg path.value-line`)
						.first()
						.getAttribute('d');
					expect((d ?? '').match(/M/g)?.length ?? 0, `${p.id} ${ind.id}`).toBe(runs.length);
					checked++;
				}
			} finally {
				await page.close();
			}
		}
		expect(checked).toBeGreaterThan(0);
	});

	test('unit pages print every published value of the unit, hidden ones as "Đã ẩn"', async () => {
		const data = indicatorsOf(unitPlan.id);
		let hiddenSeen = 0;
		for (const lang of ['vi', 'en'] as Lang[])
			for (const code of unitCodes(unitPlan)) {
				const { page } = await visit(`${prefix(lang)}ke-hoach/${unitPlan.id}/don-vi/${code}/`);
				try {
					for (const ind of (data ?? []).filter(
						(d) => unitPlan.indicators.find((i) => i.id === d.id)?.kind === 'rate'
					))
						for (const s of ind.series.filter((x) => x.unit_code === code)) {
							const cell = page.locator(
								`table.unit-values tr[data-year="${s.year}"] td[data-indicator="${ind.id}"]`
							);
							const text = (await cell.textContent())!.trim();
							if (s.hidden) {
								hiddenSeen++;
								expect(text).toBe(HIDDEN[lang]);
							} else if (s.value === null) expect(text).toBe('–');
							else expect(text, `${code} ${ind.id} ${s.year}`).toBe(percent(s.value, lang));
						}
				} finally {
					await page.close();
				}
			}
		if (data?.some((d) => d.series.some((s) => s.hidden))) expect(hiddenSeen).toBeGreaterThan(0);
	});

	test('report templates: CSV and .xlsx of the same columns, the example row marked', async () => {
		for (const p of others) {
			const { page } = await visit(`ke-hoach/${p.id}/du-lieu/`);
			try {
				const links = await page
					.locator('[data-template] a')
					.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
				expect(links.length, p.id).toBeGreaterThan(0);
				for (const href of links.filter((h) => h.endsWith('.csv'))) {
					const csv = parseCsv(await (await fetch(href)).text());
					expect(csv.comments.join(' ')).toMatch(/VÍ DỤ.*EXAMPLE/);
					expect(csv.header.slice(0, 3)).toEqual(['unit_code', 'unit_name', 'year']);
					expect(csv.rows).toHaveLength(1);
					expect(csv.rows[0][1]).toMatch(/VÍ DỤ/);
					const xlsx = await fetch(href.replace(/\.csv$/, '.xlsx'));
					expect(xlsx.status).toBe(200);
					const sheet = await readSheet(Buffer.from(await xlsx.arrayBuffer()));
					expect(String(sheet[0][0])).toMatch(/^# .*VÍ DỤ/);
					expect(sheet[1]).toEqual(csv.header);
					expect(sheet[2].map((c) => String(c))).toEqual(csv.rows[0]);
				}
			} finally {
				await page.close();
			}
		}
	});

	test('data pages list every published file with its manifest size, and each downloads those bytes', async () => {
		for (const p of others.filter((x) => existsSync(join(published(x.id), 'manifest.json')))) {
			const manifest = JSON.parse(readFileSync(join(published(p.id), 'manifest.json'), 'utf8')) as {
				files: { path: string; bytes: number }[];
				tables: { files: { path: string; bytes: number }[]; columns: { name: string }[] }[];
			};
			const files = [...manifest.tables.flatMap((t) => t.files), ...manifest.files];
			const { page } = await visit(`ke-hoach/${p.id}/du-lieu/`);
			try {
				const listed = await page.locator('table.files tbody tr').evaluateAll((trs) =>
					trs.map((tr) => ({
						path: tr.getAttribute('data-file'),
						bytes: Number(tr.getAttribute('data-bytes')),
						href: (tr.querySelector('a') as HTMLAnchorElement).href
					}))
				);
				expect(listed.map((f) => [f.path, f.bytes])).toEqual(files.map((f) => [f.path, f.bytes]));
				for (const f of listed) {
					const body = await (await fetch(f.href)).arrayBuffer();
					expect(body.byteLength, f.path!).toBe(f.bytes);
				}
				const columns = manifest.tables.flatMap((t) => t.columns.map((c) => c.name));
				expect(await page.locator('table.dictionary tbody tr').count()).toBe(columns.length);
			} finally {
				await page.close();
			}
		}
	});

	test('a reorganisation since the plan: the overview says when, what, the area now and what the figures count, and links the published crosswalk; the data page lists it', async () => {
		const withReforms = others.filter(
			(p) =>
				(p.geography.reforms ?? []).length > 0 && existsSync(join(published(p.id), 'manifest.json'))
		);
		// Hương An's two plans (the 2025 merger into Phường Hương An 19804) at least
		expect(withReforms.map((p) => p.id)).toEqual(
			expect.arrayContaining(['huong-an-80', 'huong-an-79'])
		);
		for (const p of withReforms) {
			const reforms = p.geography.reforms ?? [];
			for (const lang of ['vi', 'en'] as Lang[]) {
				const { page } = await visit(`${prefix(lang)}ke-hoach/${p.id}/`);
				try {
					const notice = page.getByTestId('reform-notice');
					await expect.poll(() => notice.count()).toBe(1);
					for (const r of reforms) {
						const one = notice.locator(`[data-reform="${r.from}"]`);
						const text = (await one.textContent()) ?? '';
						expect(text, `${p.id} ${lang}`).toContain(r.label[lang]);
						if (r.area) expect(text).toContain(r.area[lang]);
						// the year of the reform still counts the old units (Hương An's unit list keeps 20023)
						expect(text).toContain(
							lang === 'vi' ? `kể cả năm ${r.from.slice(0, 4)}` : `${r.from.slice(0, 4)} included`
						);
						const href = await one.locator('a[data-crosswalk]').getAttribute('href');
						const url = new URL(href!, page.url());
						expect(url.pathname).toBe(`/plan-data/${p.id}/geo/crosswalk-${r.from}.csv`);
						const body = await (await fetch(url)).text();
						const source = readFileSync(
							join(published(p.id), 'geo', `crosswalk-${r.from}.csv`),
							'utf8'
						);
						expect(body).toBe(source);
					}
				} finally {
					await page.close();
				}
			}
			const { page } = await visit(`ke-hoach/${p.id}/du-lieu/`);
			try {
				for (const r of reforms)
					await expect
						.poll(() =>
							page.locator(`table.files tr[data-file="geo/crosswalk-${r.from}.csv"]`).count()
						)
						.toBe(1);
			} finally {
				await page.close();
			}
		}
		// Hương An 80's crosswalk: the three old wards into 19804, as the data file says
		const cw = parseCsv(
			readFileSync(join(published('huong-an-80'), 'geo', 'crosswalk-2025-07-01.csv'), 'utf8')
		);
		const at = (c: string) => cw.header.indexOf(c);
		expect(cw.rows.map((r) => [r[at('old_code')], r[at('new_code')]])).toEqual([
			['19803', '19804'],
			['19804', '19804'],
			['20023', '19804']
		]);
	});

	test('maps draw one shape per unit of the level, with a table of the same units', async () => {
		for (const p of others.filter(hasMap)) {
			const level = [...p.geography.levels]
				.reverse()
				.find((l) => existsSync(join(published(p.id), 'geo', `${l.id}.geojson`)))!;
			const geo = JSON.parse(
				readFileSync(join(published(p.id), 'geo', `${level.id}.geojson`), 'utf8')
			) as { features: unknown[] };
			const { page } = await visit(`ke-hoach/${p.id}/ban-do/`);
			try {
				expect(await page.locator('svg.plan-map path[data-code]').count()).toBe(
					geo.features.length
				);
				const classes = await page
					.locator('svg.plan-map path[data-code]')
					.evaluateAll((ps) => ps.map((e) => e.getAttribute('data-class')));
				for (const cls of classes)
					expect(await page.locator(`tbody tr[data-class="${cls}"]`).count()).toBeGreaterThan(0);
			} finally {
				await page.close();
			}
		}
	});

	test('Kon Tum’s old addresses still answer', async () => {
		for (const path of [
			'',
			'ban-do/',
			'don-vi/608/',
			'chi-so/access/',
			'embed/tong-quan/',
			'embed/ban-do/',
			'en/'
		]) {
			const response = await fetch(new URL(path, baseURL));
			expect(response.status, `/${path}`).toBe(200);
			await response.arrayBuffer();
		}
		// their header keeps its sections and gains the catalogue, in both languages
		for (const [path, words] of [
			['', 'Các kế hoạch'],
			['en/', 'Plans']
		]) {
			const html = await (await fetch(new URL(path, baseURL))).text();
			const nav = /<ul class="nav-list[^"]*">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '';
			expect(nav.match(/<li/g)?.length, `/${path}`).toBe(5);
			expect(nav).toMatch(new RegExp(`ke-hoach/"[^>]*>${words}</a>`));
		}
	});
});
