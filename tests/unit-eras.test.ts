/**
 * Units in eras (the 2025 reform, issue 16): a code names a unit only with its era. Unit pages
 * show each unit a code names with its own years only, new units list their predecessors and old
 * communes their successor (the official crosswalk, data/geo/kontum-2025/crosswalk.csv, read here
 * as the oracle); the search finds a unit by its old or its new name; the overview names the 2025
 * districts as the former areas they are.
 */
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser, openPage, runAxe } from './browser';
import { fetchHtml, parseCsv, readTable, staticDocument } from './feature';

const baseURL = inject('baseURL');
const buildDir = inject('buildDir');
const units = readTable(buildDir, 'units');
const indicators = readTable(buildDir, 'indicators');
const crosswalk = (() => {
	const { header, rows } = parseCsv(
		readFileSync(new URL('../data/geo/kontum-2025/crosswalk.csv', import.meta.url), 'utf8')
	);
	return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
})();
const REFORM = '2025-07-01';
const isNew = (u: Record<string, unknown>) => u.valid_from === REFORM;
const unitOf = (code: string, era: 'old' | 'new') =>
	units.find(
		(u) => u.unit_code === code && u.level !== 'province' && isNew(u) === (era === 'new')
	)!;

let browser: Browser;
beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

/** The page as served, without JavaScript: its eras' parts, their headings and links. */
async function unitPage(path: string) {
	const { status, html } = await fetchHtml(baseURL, path);
	const doc = await staticDocument(browser, html);
	const url = new URL(path, baseURL);
	try {
		const eras = await doc.page.locator('section.era').evaluateAll((ss) =>
			ss.map((s) => ({
				id: s.id,
				era: s.getAttribute('data-era'),
				heading: s.querySelector('h2')?.textContent?.trim() ?? null,
				text: s.textContent!.replace(/\s+/g, ' '),
				headings: [...s.querySelectorAll('h2, h3')].map((h) => h.textContent!.trim()),
				predecessors: [...s.querySelectorAll('[data-testid=predecessors] li')].map((li) => ({
					name: li.querySelector('a')!.textContent!.trim(),
					href: li.querySelector('a')!.getAttribute('href')!,
					text: li.textContent!.replace(/\s+/g, ' ').trim()
				})),
				successor: (() => {
					const p = s.querySelector('[data-testid=successor]');
					const a = p?.querySelector('a');
					return p && a
						? {
								text: p.textContent!.replace(/\s+/g, ' ').trim(),
								name: a.textContent!.trim(),
								href: a.getAttribute('href')!
							}
						: null;
				})()
			}))
		);
		const h1 = (await doc.page.locator('h1').innerText()).trim();
		const path = (href: string) => new URL(href, url).pathname;
		return { status, html, h1, eras, path };
	} finally {
		await doc.close();
	}
}

describe('unit pages by era', () => {
	test('a new unit (23293 Phường Kon Tum) lists the predecessors the crosswalk names, each linking to its page', async () => {
		const code = '23293';
		const page = await unitPage(`/don-vi/${code}/`);
		expect(page.status).toBe(200);
		const newUnit = unitOf(code, 'new');
		const oldUnit = unitOf(code, 'old');
		expect(page.h1).toBe(newUnit.name);
		// the unit of now first, then the old unit of the same code, each under its own name
		expect(page.eras.map((e) => [e.era, e.heading])).toEqual([
			[REFORM, newUnit.name],
			['first', oldUnit.name]
		]);
		const olds = crosswalk.filter((c) => c.new_code === code);
		expect(olds.length).toBe(5);
		const [now, before] = page.eras;
		expect(now.predecessors.map((p) => p.name).sort()).toEqual(olds.map((c) => c.old_name).sort());
		for (const c of olds) {
			const p = now.predecessors.find((x) => x.name === c.old_name)!;
			expect(page.path(p.href), c.old_code).toBe(`/don-vi/${c.old_code}/`);
			expect(p.text).toContain(`(${c.old_code})`);
		}
		// each part with its own years: 2025 for the new unit, up to 2024 for the old one
		const years = (era: string) =>
			[...new Set(indicators.map((r) => Number(r.year)))].filter((y) =>
				era === REFORM ? y >= 2025 : y < 2025
			);
		expect(now.headings.some((h) => h.endsWith(`, ${Math.max(...years(REFORM))}`))).toBe(true);
		expect(now.text).not.toContain(`, ${Math.max(...years('first'))}`);
		expect(before.headings.some((h) => h.endsWith(`, ${Math.max(...years('first'))}`))).toBe(true);
		// the old unit of the same code names its successor: the new unit, in its part of this page
		expect(before.successor?.name).toBe(newUnit.name);
		expect(before.successor?.text).toContain('1/7/2025');
		expect(page.path(before.successor!.href)).toBe(`/don-vi/${code}/`);
	});

	test('an old commune only (23281 Phường Quang Trung) names its successor 23293 Phường Kon Tum and the day', async () => {
		const code = '23281';
		const successor = crosswalk.find((c) => c.old_code === code)!;
		expect(successor.new_code).toBe('23293');
		for (const prefix of ['', '/en']) {
			const page = await unitPage(`${prefix}/don-vi/${code}/`);
			expect(page.status).toBe(200);
			expect(page.h1).toBe(unitOf(code, 'old').name);
			expect(page.eras).toHaveLength(1);
			const s = page.eras[0].successor!;
			expect(s.name).toBe(successor.new_name);
			expect(page.path(s.href)).toBe(`${prefix}/don-vi/${successor.new_code}/`);
			expect(s.text).toContain(`(${successor.new_code})`);
			expect(s.text).toContain(prefix ? '1 July 2025' : '1/7/2025');
			// its figures end with the last year before the reform
			expect(page.eras[0].headings.filter((h) => /, 2025$/.test(h))).toEqual([]);
			expect(page.eras[0].headings.some((h) => /, 2024$/.test(h))).toBe(true);
		}
	});

	test('a district in 2025: the level ended on 1/7/2025, the figures are the former area, with its new communes', async () => {
		const code = '608';
		const page = await unitPage(`/don-vi/${code}/`);
		const area = unitOf(code, 'new');
		const [now, before] = page.eras;
		expect([now.heading, before.heading]).toEqual([area.name, unitOf(code, 'old').name]);
		expect(now.text).toContain('Cấp huyện kết thúc ngày 1/7/2025');
		const communes = units.filter(
			(u) => isNew(u) && u.level === 'commune' && u.district_code === code
		);
		expect(now.text).toContain(`tổng của ${communes.length} xã, phường mới`);
		for (const c of communes) expect(now.text).toContain(String(c.name));
		// the years before as before: the district's trends in its own part
		expect(before.text).not.toContain('Cấp huyện kết thúc ngày 1/7/2025. Số liệu');
	});

	test('every code of both eras has its page, naming each unit the code names', async () => {
		const codes = [
			...new Set(units.filter((u) => u.level !== 'province').map((u) => String(u.unit_code)))
		];
		const news = units.filter((u) => isNew(u) && u.level === 'commune');
		expect(news).toHaveLength(40);
		const wrong: string[] = [];
		for (const code of codes) {
			const { status, html } = await fetchHtml(baseURL, `/don-vi/${code}/`);
			const names = units
				.filter((u) => u.unit_code === code && u.level !== 'province')
				.map((u) => String(u.name));
			if (status !== 200 || names.some((n) => !html.includes(`>${n}<`)))
				wrong.push(`${code}: HTTP ${status}, ${names.join(' + ')}`);
		}
		expect(wrong).toEqual([]);
	});
});

test.each(['/don-vi/23293/', '/en/don-vi/608/', '/don-vi/23281/'])(
	'%s: no console error, no axe violation (its parts by era)',
	async (path) => {
		const opened = await openPage(browser, new URL(path.slice(1), baseURL).href);
		try {
			expect(opened.status).toBe(200);
			expect(opened.consoleErrors).toEqual([]);
			expect(await runAxe(opened.page)).toEqual([]);
			// ids stay unique with two parts
			const ids = await opened.page.locator('[id]').evaluateAll((els) => els.map((e) => e.id));
			expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
		} finally {
			await opened.close();
		}
	}
);

describe('search over old and new names (the not-found page)', () => {
	test('"Thắng Lợi" finds old Phường Thắng Lợi (now part of Phường Kon Tum) and the new Phường Kon Tum; "Kon Tum" finds the new ward and its predecessors', async () => {
		const opened = await openPage(browser, new URL('khong-co/', baseURL).href);
		const { page } = opened;
		try {
			const search = page.getByRole('searchbox');
			const shown = () =>
				page
					.locator('[data-unit-search] ul ul li:visible')
					.evaluateAll((lis) => lis.map((li) => li.textContent!.replace(/\s+/g, ' ').trim()));
			await search.fill('thang loi');
			const hits = await shown();
			expect(
				hits.some(
					(t) => t.startsWith('Phường Thắng Lợi') && t.includes('nay thuộc Phường Kon Tum (23293)')
				)
			).toBe(true);
			expect(hits.some((t) => t.startsWith('Phường Kon Tum'))).toBe(true);

			await search.fill('Phường Kon Tum');
			const found = (await shown()).map((t) => t.replace(/ \(.*$/, ''));
			const olds = crosswalk.filter((c) => c.new_name === 'Phường Kon Tum').map((c) => c.old_name);
			expect(found.sort()).toEqual(['Phường Kon Tum', ...olds].sort());
			// Chromium logs the page's own 404 as an error: that one is the point.
			expect(opened.consoleErrors.filter((e) => !e.includes('status of 404'))).toEqual([]);
		} finally {
			await opened.close();
		}
	});
});

describe('the overview names the districts of the year shown', () => {
	test('2025: the former areas; 2024: the districts', async () => {
		for (const year of [2025, 2024]) {
			const opened = await openPage(browser, new URL(`?year=${year}`, baseURL).href, {
				viewport: { width: 1366, height: 900 }
			});
			try {
				const frame = opened.page.locator('#so-sanh-huyen');
				await frame.locator('summary').first().click();
				const names = await frame
					.locator('table tbody tr')
					.evaluateAll((trs) => trs.map((tr) => tr.querySelector('td, th')!.textContent!.trim()));
				const expected = units
					.filter((u) => u.level === 'district' && isNew(u) === (year === 2025))
					.map((u) => String(u.name));
				expect(names.sort()).toEqual(expected.sort());
				const note = opened.page.getByTestId('districts-ended');
				if (year === 2025) expect(await note.innerText()).toContain('1/7/2025');
				else expect(await note.count()).toBe(0);
			} finally {
				await opened.close();
			}
		}
	});
});
