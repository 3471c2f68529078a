/**
 * The illustrative datasets of the plan files, checked against oracles outside the generator: the
 * ranges each data/calibration/<plan-id>.json states, the bytes the generator writes (same seed,
 * same hash), the rules of contract §2 within every row, and the runtime's own intake check.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { intakeFormat } from '../../domain/plan/intake-format';
import { unitsInYear } from '../../domain/plan/unit-list';
import { readDatasetFolder } from '../plans/read-dataset';
import { validateFiles } from '../plans/validate';
import { generatePlanData } from '.';
import { PLANS, levelsOf, load, readTable, type Table } from './spec-read';

/** Every committed CSV of a dataset folder, by name. */
function tables(dir: string): Map<string, Table> {
	const out = new Map<string, Table>();
	for (const f of readdirSync(dir).sort())
		if (f.endsWith('.csv')) out.set(f, readTable(readFileSync(join(dir, f), 'utf8')));
	return out;
}

/** The whole area's total of a measure in a year: the sum over the rows of that year's files. */
function total(all: Map<string, Table>, measure: string, year: number): number {
	let s = 0;
	for (const [name, t] of all)
		if (name.endsWith(`-${year}.csv`) && t.header.includes(measure))
			for (const r of t.rows) s += r[measure] === '' ? 0 : Number(r[measure]);
	return s;
}

const sha = (files: { name: string; text: string }[]) => {
	const h = createHash('sha256');
	for (const f of files) h.update(f.name + '\0' + f.text + '\0');
	return h.digest('hex').slice(0, 16);
};

describe.each(PLANS)('illustrative dataset of %s', (file) => {
	const { plan, dir, cal, units } = load(file);
	const all = tables(dir);
	const years = Array.from(
		{ length: plan.years.last - plan.years.first + 1 },
		(_, i) => plan.years.first + i
	);

	it('is what the generator writes, byte for byte, and the same seed gives the same bytes', () => {
		const a = generatePlanData(plan, units, cal);
		const b = generatePlanData(plan, units, cal);
		expect(sha(a)).toBe(sha(b));
		for (const f of a) expect(readFileSync(join(dir, f.name), 'utf8'), f.name).toBe(f.text);
		const other = generatePlanData(plan, units, cal, cal.seed + 1);
		expect(sha(other)).not.toBe(sha(a));
	});

	it('is labelled illustrative in dataset.json and on the first line of every file', () => {
		const info = JSON.parse(readFileSync(join(dir, 'dataset.json'), 'utf8'));
		expect(info).toMatchObject({ illustrative: true, asOf: cal.asOf, licence: 'CC-BY-4.0' });
		expect(info.source.vi).toContain(`${cal.seed}`);
		expect(info.source.en).toContain('scripts/generate-plan-data.ts');
		for (const [name, t] of all) {
			expect(t.comments[0], name).toMatch(/^DỮ LIỆU MINH HỌA.*ILLUSTRATIVE DATA/);
			expect(t.header.slice(0, 3), name).toEqual(['unit_code', 'unit_name', 'year']);
		}
	});

	it.each(cal.expect.map((e) => [`${e.measure}${e.per ? ' / ' + e.per : ''}`, e] as const))(
		'falls in the calibration range: %s',
		(_, e) => {
			for (const y of years) {
				const v = total(all, e.measure, y) / (e.per ? total(all, e.per, y) : 1);
				expect(v, `${y}`).toBeGreaterThanOrEqual(e.min);
				expect(v, `${y}`).toBeLessThanOrEqual(e.max);
			}
		}
	);

	it('keeps every atMost within each row, and overlapping columns 0/1 with one 1 at least', () => {
		for (const [name, t] of all)
			for (const r of t.rows) {
				for (const m of plan.measures)
					if (m.atMost && r[m.id] !== undefined && r[m.id] !== '')
						expect(Number(r[m.id]), `${name} ${r.unit_code} ${m.id}`).toBeLessThanOrEqual(
							Number(r[m.atMost])
						);
				for (const b of plan.breakdowns.filter((x) => x.overlapping)) {
					const cols = b.categories.map((c) => `${b.id}_${c.code}`).filter((c) => c in r);
					if (cols.length === 0) continue;
					for (const c of cols) expect(['0', '1']).toContain(r[c]);
					expect(
						cols.some((c) => r[c] === '1'),
						`${name} ${r.unit_code}`
					).toBe(true);
				}
			}
	});

	it('names records only for units valid that year, never twice for one key', () => {
		for (const y of years) {
			const valid = new Map(
				unitsInYear(units, y, levelsOf(plan)).units.map((u) => [u.code, u.name])
			);
			for (const [name, t] of all) {
				if (!name.endsWith(`-${y}.csv`)) continue;
				const keys = new Set<string>();
				for (const r of t.rows) {
					expect(valid.get(r.unit_code), `${name} ${r.unit_code}`).toBe(r.unit_name);
					expect(r.year).toBe(String(y));
					const key = t.header
						.filter((h) => !plan.measures.some((m) => m.id === h))
						.map((h) => r[h])
						.join('|');
					expect(keys.has(key), `${name} ${key}`).toBe(false);
					keys.add(key);
				}
			}
		}
	});
});

/** The engine's own intake check (the pipeline's first step) reads every dataset without an issue. */
describe.each(PLANS)('the runtime accepts the dataset of %s', (file) => {
	it('with no issue from readDatasetFolder + validateFiles', async () => {
		const { plan, dir, units } = load(file);
		const levels = levelsOf(plan);
		const folder = await readDatasetFolder(dir, intakeFormat(plan));
		const checked = validateFiles(folder.files, (y) => unitsInYear(units, y, levels), levels);
		expect([...folder.issues, ...checked.issues]).toEqual([]);
		expect(folder.dataset?.illustrative).toBe(true);
		expect(folder.files.length).toBe(readdirSync(dir).filter((f) => f.endsWith('.csv')).length);
	});
});
