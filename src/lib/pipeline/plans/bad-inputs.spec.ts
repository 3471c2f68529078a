/**
 * Bad report folders for the two-level fixture: each is refused with a message naming the file,
 * the row and the column, and the last good published folder stays byte for byte.
 */
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xlsx } from '../xlsx-write';
import { runPlanPipeline } from './run';

const FIXTURE = 'src/lib/pipeline/plans/fixtures/two-level';
let tmp: string;
let out: string;
let before: Record<string, string>;

async function snapshot(dir: string): Promise<Record<string, string>> {
	const outMap: Record<string, string> = {};
	for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
		if (!e.isFile()) continue;
		const full = path.join(e.parentPath, e.name);
		outMap[path.relative(dir, full)] = createHash('sha256')
			.update(await readFile(full))
			.digest('hex');
	}
	return outMap;
}

let n = 0;
/** The fixture's dataset with one file edited (or added), run into the published folder. */
async function runWith(file: string, edit: (text: string) => string, to = out) {
	const ds = path.join(tmp, `dataset-${n++}`);
	await cp(`${FIXTURE}/dataset`, ds, { recursive: true });
	const full = path.join(ds, file);
	const text = await readFile(full, 'utf8').catch(() => '');
	await writeFile(full, edit(text));
	return runPlanPipeline({ root: '.', planFile: `${FIXTURE}/plan.json`, datasets: ds, out: to });
}

beforeAll(async () => {
	tmp = await mkdtemp(path.join(os.tmpdir(), 'plan-bad-'));
	out = path.join(tmp, 'published');
	const good = await runPlanPipeline({
		root: '.',
		planFile: `${FIXTURE}/plan.json`,
		datasets: `${FIXTURE}/dataset`,
		out
	});
	expect(good.ok).toBe(true);
	before = await snapshot(out);
	expect(Object.keys(before)).toContain('indicators.json');
}, 120_000);
afterAll(() => rm(tmp, { recursive: true, force: true }));

// kids-2023.csv: line 1 a comment, 2 the header, 3… the rows (W1 g1 1 0 10 8 first)
const CASES: {
	name: string;
	file: string;
	edit: (t: string) => string;
	where: { file: RegExp; row: number; column: string };
	says: RegExp;
}[] = [
	{
		name: 'a file name the plan does not ask for',
		file: 'children-2023.csv',
		edit: () => 'unit_code\n',
		where: { file: /children-2023\.csv$/, row: 0, column: '' },
		says: /kids-<year>\.csv\|\.xlsx, units-<year>\.csv\|\.xlsx/
	},
	{
		name: 'an unknown unit code',
		file: 'kids-2023.csv',
		edit: (t) => t.replace('W1,Phường Một,2023,g1', 'W9,Phường Một,2023,g1'),
		where: { file: /kids-2023\.csv$/, row: 3, column: 'unit_code' },
		says: /No unit with code "W9"/
	},
	{
		name: 'an upper unit in a records file',
		file: 'kids-2023.csv',
		edit: (t) => t.replace('W2,Phường Hai,2023,g1', 'R0,Vùng Thử,2023,g1'),
		where: { file: /kids-2023\.csv$/, row: 6, column: 'unit_code' },
		says: /upper unit/
	},
	{
		name: 'a category the breakdown does not have',
		file: 'kids-2023.csv',
		edit: (t) => t.replace('W2,Phường Hai,2023,g2', 'W2,Phường Hai,2023,g3'),
		where: { file: /kids-2023\.csv$/, row: 7, column: 'gender' },
		says: /one of: g1, g2/
	},
	{
		name: 'an overlapping breakdown’s column not 0/1',
		file: 'kids-2023.csv',
		edit: (t) => t.replace('W1,Phường Một,2023,g1,1,0', 'W1,Phường Một,2023,g1,2,0'),
		where: { file: /kids-2023\.csv$/, row: 3, column: 'needs_a' },
		says: /Write 1 .* or 0/
	},
	{
		name: 'atMost violated within a row',
		file: 'kids-2023.csv',
		edit: (t) => t.replace('g1,1,0,10,8', 'g1,1,0,10,11'),
		where: { file: /kids-2023\.csv$/, row: 3, column: 'kids_served' },
		says: /may not exceed kids_total/
	},
	{
		name: 'a repeated key',
		file: 'kids-2023.csv',
		edit: (t) => t + 'W1,Phường Một,2023,g1,1,0,1,1\n',
		where: {
			file: /kids-2023\.csv$/,
			row: 10,
			column: 'unit_code, year, gender, needs_a, needs_b'
		},
		says: /Same key .* as row 3/
	},
	{
		name: 'a flag from a level that does not report it',
		file: 'units-2023.csv',
		edit: (t) => t.replace('W1,Phường Một,2023,8,6,1,,1', 'W1,Phường Một,2023,8,6,1,1,1'),
		where: { file: /units-2023\.csv$/, row: 4, column: 'plan_adopted' },
		says: /only region/
	}
];

describe('bad inputs are refused, naming file, row and column; the last good folder stays', () => {
	for (const c of CASES)
		it(c.name, async () => {
			const r = await runWith(c.file, c.edit);
			expect(r.ok).toBe(false);
			const errors = r.issues.filter((i) => i.severity === 'error');
			expect(errors.length).toBeGreaterThan(0);
			const hit = errors.find(
				(i) => c.where.file.test(i.file) && i.row === c.where.row && i.column === c.where.column
			);
			expect(hit, JSON.stringify(errors, null, 1)).toBeDefined();
			expect(hit!.message.en).toMatch(c.says);
			expect(hit!.message.vi.length).toBeGreaterThan(10);
			expect(await snapshot(out)).toEqual(before);
		});
});

describe('a unit name that is not the list’s', () => {
	it('is a warning naming file, row and column; the data is published', async () => {
		const other = path.join(tmp, 'published-warning');
		const r = await runWith(
			'units-2023.csv',
			(t) => t.replace('W3,Phường Ba,', 'W3,Phường Bốn,'),
			other
		);
		expect(r.ok).toBe(true);
		expect(r.issues).toEqual([
			expect.objectContaining({
				severity: 'warning',
				row: 6,
				column: 'unit_name',
				value: 'Phường Bốn'
			})
		]);
		expect((await snapshot(other))['cube_kids.csv']).toBe(before['cube_kids.csv']);
	});
});

describe('an .xlsx report reads like its CSV', () => {
	it('kids-2023.xlsx (first sheet, a comment row above the header) publishes the same cube', async () => {
		const ds = path.join(tmp, 'dataset-xlsx');
		await cp(`${FIXTURE}/dataset`, ds, { recursive: true });
		const lines = (await readFile(path.join(ds, 'kids-2023.csv'), 'utf8')).trim().split('\n');
		await unlink(path.join(ds, 'kids-2023.csv'));
		await writeFile(
			path.join(ds, 'kids-2023.xlsx'),
			xlsx([{ name: 'Sheet1', rows: lines.map((l) => l.split(',')) }])
		);
		const other = path.join(tmp, 'published-xlsx');
		const r = await runPlanPipeline({
			root: '.',
			planFile: `${FIXTURE}/plan.json`,
			datasets: ds,
			out: other
		});
		expect(r.issues).toEqual([]);
		expect(r.ok).toBe(true);
		const cube = (dir: string) => readFile(path.join(dir, 'cube_kids.csv'), 'utf8');
		expect(await cube(other)).toBe(await cube(out));
	});

	it('an error in an .xlsx names its row and column', async () => {
		const ds = path.join(tmp, 'dataset-xlsx-bad');
		await cp(`${FIXTURE}/dataset`, ds, { recursive: true });
		const lines = (await readFile(path.join(ds, 'kids-2023.csv'), 'utf8')).trim().split('\n');
		await unlink(path.join(ds, 'kids-2023.csv'));
		const rows = lines.map((l) => l.split(','));
		rows[3][3] = 'g9';
		await writeFile(path.join(ds, 'kids-2023.xlsx'), xlsx([{ name: 'Sheet1', rows }]));
		const r = await runPlanPipeline({
			root: '.',
			planFile: `${FIXTURE}/plan.json`,
			datasets: ds,
			out
		});
		expect(r.ok).toBe(false);
		expect(r.issues[0]).toMatchObject({ row: 4, column: 'gender', value: 'g9' });
		expect(await snapshot(out)).toEqual(before);
	});
});
