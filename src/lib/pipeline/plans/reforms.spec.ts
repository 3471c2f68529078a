/**
 * A plan's reorganisation carried by the general runtime: Hương An 80's 2025 merger (3 old wards →
 * Phường Hương An 19804) published into the plan's folder with its source and licence, listed in
 * the manifest; the 2025 figures still keyed by the old ward 20023. Oracles: the data files
 * (data/geo/huong-an/crosswalk-2025-07-01.csv, the plan file) read here, and hand-written values.
 * A crosswalk that disagrees with the plan's unit list is refused and nothing is published.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPlanPipeline, type PlanPipelineResult } from './run';

const PLAN = 'data/plans/huong-an-80-2019.json';
const CROSSWALK = 'data/geo/huong-an/crosswalk-2025-07-01.csv';
const FIXTURE = 'src/lib/pipeline/plans/fixtures/two-level';

let tmp: string;
let out: string;
let result: PlanPipelineResult;
/** A CSV as objects (a published table's leading "#" comment lines left out). */
const csv = (text: string) =>
	Papa.parse<Record<string, string>>(
		text
			.replace(/^\uFEFF/, '')
			.split('\n')
			.filter((l) => !l.startsWith('#'))
			.join('\n'),
		{ header: true, skipEmptyLines: true }
	).data;

beforeAll(async () => {
	tmp = await mkdtemp(path.join(os.tmpdir(), 'plan-reform-'));
	out = path.join(tmp, 'huong-an-80');
	result = await runPlanPipeline({ root: '.', planFile: PLAN, out });
}, 300_000);
afterAll(() => rm(tmp, { recursive: true, force: true }));

describe('Hương An 80: the 2025 merger published, not applied', () => {
	it('publishes, with no issue', () => {
		expect(result.issues).toEqual([]);
		expect(result.problems).toEqual([]);
		expect(result.ok).toBe(true);
	});

	it('the crosswalk is in the plan’s folder: the data file’s 3 rows, byte for byte', async () => {
		const file = path.join(out, 'geo', 'crosswalk-2025-07-01.csv');
		expect(existsSync(file)).toBe(true);
		const published = await readFile(file);
		const source = await readFile(CROSSWALK);
		expect(published.equals(source)).toBe(true);
		const rows = csv(published.toString('utf8'));
		expect(rows).toHaveLength(3);
		// by hand, from 1675/NQ-UBTVQH15 khoản 9 as the reference folder records it
		expect(rows.map((r) => [r.old_code, r.old_name, r.new_code, r.whole_or_part])).toEqual([
			['19803', 'Phường An Hòa', '19804', 'whole'],
			['19804', 'Phường Hương Sơ', '19804', 'whole'],
			['20023', 'Phường Hương An', '19804', 'whole']
		]);
		expect(new Set(rows.map((r) => r.new_name))).toEqual(new Set(['Phường Hương An']));
	});

	it('the manifest lists it with its size, hash, licence and source (the plan file’s)', async () => {
		const manifest = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8'));
		const plan = JSON.parse(await readFile(PLAN, 'utf8'));
		const reform = plan.geography.reforms[0];
		const entry = manifest.files.find(
			(f: { path: string }) => f.path === 'geo/crosswalk-2025-07-01.csv'
		);
		expect(entry).toBeDefined();
		const bytes = await readFile(CROSSWALK);
		expect(entry.format).toBe('csv');
		expect(entry.bytes).toBe(bytes.length);
		expect(entry.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
		expect(entry.licence).toBe(reform.licence);
		expect(entry.title.vi).toContain(reform.source);
		expect(entry.title.en).toContain(reform.source);
		expect(entry.title.vi).toContain('2025-07-01');
		// no boundaries of the new ward are given: none published
		expect(
			manifest.files.filter((f: { path: string }) => /2025-07-01\.geojson$/.test(f.path))
		).toEqual([]);
	});

	it('2025 stays keyed by the old ward 20023; the new code 19804 keys nothing', async () => {
		const indicators = JSON.parse(await readFile(path.join(out, 'indicators.json'), 'utf8'));
		const codes2025 = new Set<string>(
			indicators.indicators.flatMap((i: { series: { unit_code: string; year: number }[] }) =>
				i.series.filter((s) => s.year === 2025).map((s) => s.unit_code)
			)
		);
		expect(codes2025.has('20023')).toBe(true);
		expect(codes2025.has('19804')).toBe(false);
		const units = csv(await readFile(path.join(out, 'units.csv'), 'utf8'));
		expect(units.map((u) => u.code)).toEqual(['20023']);
	});
});

describe('a crosswalk that disagrees with the plan’s unit list', () => {
	async function planWith(crosswalk: string): Promise<PlanPipelineResult> {
		const dir = await mkdtemp(path.join(tmp, 'fixture-'));
		await cp(FIXTURE, dir, { recursive: true });
		const plan = JSON.parse(await readFile(path.join(dir, 'plan.json'), 'utf8'));
		plan.geography.unitsFile = path.join(dir, 'units.csv');
		await writeFile(path.join(dir, 'crosswalk.csv'), crosswalk);
		plan.geography.reforms = [
			{
				from: '2024-01-01',
				label: { vi: 'Sáp nhập', en: 'Merger' },
				crosswalk: path.join(dir, 'crosswalk.csv'),
				source: 'test',
				licence: 'test'
			}
		];
		await writeFile(path.join(dir, 'plan.json'), JSON.stringify(plan));
		return runPlanPipeline({
			root: '.',
			planFile: path.join(dir, 'plan.json'),
			datasets: path.join(dir, 'dataset'),
			out: path.join(dir, 'out')
		});
	}
	const HEAD = 'new_code,new_name,new_type,old_code,old_name,whole_or_part\n';

	it('a plan unit under another name (a reused code) is refused, naming row and column', async () => {
		const r = await planWith(`${HEAD}W9,Phường Mới,Phường,W1,Phường Hai,whole\n`);
		expect(r.ok).toBe(false);
		expect(r.issues).toHaveLength(1);
		expect(r.issues[0]).toMatchObject({ row: 2, column: 'old_name', value: 'Phường Hai' });
		expect(r.issues[0].message.en).toContain('"Phường Một"');
	});

	it('a crosswalk naming none of the plan’s units, or without whole/part, is refused', async () => {
		const none = await planWith(`${HEAD}X9,Phường X,Phường,X1,Phường Y,whole\n`);
		expect(none.ok).toBe(false);
		expect(none.issues.map((i) => i.column)).toEqual(['old_code']);
		const half = await planWith(`${HEAD}W9,Phường Mới,Phường,W1,Phường Một,half\n`);
		expect(half.ok).toBe(false);
		expect(half.issues.map((i) => [i.row, i.column])).toEqual([[2, 'whole_or_part']]);
	});

	it('a good one is published into the folder, listed in the manifest', async () => {
		const text = `${HEAD}W9,Phường Mới,Phường,W1,Phường Một,whole\nW9,Phường Mới,Phường,W2,Phường Hai,whole\n`;
		const r = await planWith(text);
		expect(r.issues).toEqual([]);
		expect(r.ok).toBe(true);
		expect(r.manifest!.files.map((f) => f.path)).toContain('geo/crosswalk-2024-01-01.csv');
	});
});
