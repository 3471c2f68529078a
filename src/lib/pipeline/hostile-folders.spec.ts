/**
 * Real-world and hostile report folders (issue 14): each ends in a message naming the file (and
 * row, column, sheet where there is one) and the fix, in both languages, with the last good
 * published data byte-identical; none crashes, hangs, or prints a control character raw.
 */
import { execFileSync } from 'node:child_process';
import {
	cp,
	mkdir,
	mkdtemp,
	readdir,
	readFile,
	rename,
	rm,
	symlink,
	writeFile
} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatIssue, type IntakeIssue } from '../domain/intake/messages';
import { yearsWithChildren, type Cell } from '../domain/published';
import { fixtureDir, hashTree, readCsvTable, readManifest } from './fixtures/published';
import { xlsx } from './xlsx-write';
import { reportIssues, runPipeline, type PipelineResult } from './run';

const root = process.cwd();
let tmp: string;
let out: string;
let before: Record<string, string>;
let n = 0;

beforeAll(async () => {
	tmp = await mkdtemp(path.join(os.tmpdir(), 'tekt-hostile-'));
	out = path.join(tmp, 'published', 'data');
	await mkdir(path.dirname(out));
	const r = await runPipeline({ root, reports: fixtureDir('valid'), out });
	expect(r.ok).toBe(true);
	before = await hashTree(out);
}, 60_000);

afterAll(() => rm(tmp, { recursive: true, force: true }));

/** A copy of fixtures/valid named `reports`, to spoil. */
async function folder(): Promise<string> {
	const dir = path.join(tmp, `case-${++n}`, 'reports');
	await cp(fixtureDir('valid'), dir, { recursive: true });
	return dir;
}

/** Runs on `dir`, expects a refusal, and the last good data left as it was. */
async function refused(dir: string): Promise<{ result: PipelineResult; en: string; vi: string }> {
	const result = await runPipeline({ root, reports: dir, out });
	expect(result.ok).toBe(false);
	expect(await hashTree(out)).toEqual(before);
	expect((await readdir(path.dirname(out))).sort()).toEqual(['data']);
	return {
		result,
		en: result.issues.map((i) => formatIssue(i, 'en')).join('\n'),
		vi: result.issues.map((i) => formatIssue(i, 'vi')).join('\n')
	};
}

const errors = (r: PipelineResult) => r.issues.filter((i) => i.severity === 'error');

describe('the year of a file', () => {
	it('a file named for one year holding rows of another is an error naming both', async () => {
		const dir = await folder();
		await rm(path.join(dir, 'children-2019.csv'));
		await rename(path.join(dir, 'children-2020.csv'), path.join(dir, 'children-2019.csv'));
		const { result } = await refused(dir);
		expect(errors(result)).toHaveLength(1);
		const [i] = errors(result);
		expect(i).toMatchObject({ file: 'reports/children-2019.csv', row: 3, column: 'year' });
		for (const text of [i.message.vi, i.message.en]) {
			expect(text).toContain('2019');
			expect(text).toContain('2020');
		}
		expect(i.message.en).toContain('and 9 more rows');
	});

	it('a year with units rows but no children report publishes its children counts empty, never 0', async () => {
		const dir = await folder();
		await rm(path.join(dir, 'children-2019.csv'));
		const own = path.join(tmp, `out-${++n}`, 'data');
		const result = await runPipeline({ root, reports: dir, out: own });
		expect(result.ok).toBe(true);
		const manifest = await readManifest(own);
		const indicators = await readCsvTable(
			own,
			manifest.tables.find((t) => t.name === 'indicators')!
		);
		const y2019 = indicators.rows.filter((r) => r.year === '2019');
		expect(y2019).toHaveLength(113); // every unit still has its row: caregivers, reports...
		for (const r of y2019) {
			expect(r.children, r.unit_code).toBe('');
			expect(r.children_suppressed, r.unit_code).toBe('false');
			expect(r.access_rate ?? '', r.unit_code).toBe('');
		}
		// the year before has its figures (the fixture's 2018 children rows)
		const province2018 = indicators.rows.find((r) => r.year === '2018' && r.level === 'province')!;
		expect(Number(province2018.children)).toBeGreaterThan(0);
		const cube = await readCsvTable(
			own,
			manifest.tables.find((t) => t.name === 'children_cube')!
		);
		expect(cube.rows.filter((r) => r.year === '2019')).toEqual([]);
	}, 60_000);
});

describe('every entry of the folder is read or named in an error', () => {
	it('.csv.txt, a trailing space, .xls, an Excel lock file and an unknown name', async () => {
		const dir = await folder();
		const body = await readFile(path.join(dir, 'children-2019.csv'));
		await rm(path.join(dir, 'children-2019.csv'));
		await writeFile(path.join(dir, 'children-2019.csv.txt'), body);
		await writeFile(path.join(dir, 'units-2021.csv '), 'x');
		await writeFile(path.join(dir, 'children-2022.xls'), 'x');
		await writeFile(path.join(dir, '~$children-2020.xlsx'), 'x');
		await writeFile(path.join(dir, 'ghi chú.docx'), 'x');
		const { result, en, vi } = await refused(dir);
		const byFile = Object.fromEntries(result.issues.map((i) => [i.file, i]));
		expect(byFile['reports/children-2019.csv.txt'].message.en).toContain(
			'rename it to "children-2019.csv"'
		);
		expect(byFile['reports/units-2021.csv '].message.en).toContain('rename it to "units-2021.csv"');
		expect(byFile['reports/children-2022.xls'].message.en).toContain('Excel Workbook (*.xlsx)');
		expect(byFile['reports/~$children-2020.xlsx'].message.en).toContain('close Excel');
		expect(byFile['reports/ghi chú.docx'].message.en).toContain('Not a report file');
		expect(errors(result)).toHaveLength(5);
		expect(en).not.toContain(' row ');
		expect(vi).toContain('đổi tên thành "children-2019.csv"');
	});

	it('reads an .xlsx report (the first sheet) to the same published data as its CSV', async () => {
		const dir = await folder();
		const csv = (await readFile(path.join(dir, 'children-2020.csv'), 'utf8')).trimEnd();
		const rows = csv.split('\n').map((l) => (l.startsWith('#') ? [l] : l.split(',')));
		// numbers as number cells, as Excel keeps them
		const cells = rows.map((r, i) => (i < 2 ? r : r.map((c) => (/^\d+$/.test(c) ? Number(c) : c))));
		await rm(path.join(dir, 'children-2020.csv'));
		await writeFile(path.join(dir, 'children-2020.xlsx'), xlsx([{ name: 'Trang1', rows: cells }]));
		const own = path.join(tmp, `out-${++n}`, 'data');
		const result = await runPipeline({ root, reports: dir, out: own });
		expect(result.issues).toEqual([]);
		expect(result.ok).toBe(true);
		const a = await hashTree(own);
		const b = { ...before };
		// the manifest differs only in the attack's timing
		delete a['manifest.json'];
		delete b['manifest.json'];
		expect(a).toEqual(b);
	}, 60_000);

	it('.xlsx errors name the sheet, row and column; dataset.json can name the sheet', async () => {
		const dir = await folder();
		const csv = (await readFile(path.join(dir, 'children-2020.csv'), 'utf8')).trimEnd();
		const rows = csv.split('\n').map((l) => (l.startsWith('#') ? [l] : l.split(',')));
		rows[4][0] = '99999';
		await rm(path.join(dir, 'children-2020.csv'));
		const book = xlsx([
			{ name: 'Hướng dẫn', rows: [['Điền trang "Báo cáo"']] },
			{ name: 'Báo cáo', rows }
		]);
		await writeFile(path.join(dir, 'children-2020.xlsx'), book);
		const dataset = JSON.parse(await readFile(path.join(dir, 'dataset.json'), 'utf8'));
		await writeFile(
			path.join(dir, 'dataset.json'),
			JSON.stringify({ ...dataset, format: { sheet: 'Báo cáo' } })
		);
		const { result, en, vi } = await refused(dir);
		expect(errors(result)).toHaveLength(1);
		expect(en).toBe(
			'reports/children-2020.xlsx, sheet "Báo cáo", row 5, column "commune_code" (value "99999"): Unit code not in the code list (data/geo): check the unit\'s GSO code.'
		);
		expect(vi).toContain('reports/children-2020.xlsx, trang "Báo cáo", dòng 5, cột "commune_code"');
		// a sheet that is not there
		await writeFile(
			path.join(dir, 'dataset.json'),
			JSON.stringify({ ...dataset, format: { sheet: 'Sheet9' } })
		);
		const missing = await refused(dir);
		expect(missing.en).toContain('No sheet named "Sheet9"');
		expect(missing.en).toContain('Hướng dẫn, Báo cáo');
	});
});

describe('files that are not regular files, and dataset.json', () => {
	it('a pipe named *.csv, a folder named *.csv, links dangling or pointing out of the folder', async () => {
		const dir = await folder();
		execFileSync('mkfifo', [path.join(dir, 'children-2021.csv')]);
		await mkdir(path.join(dir, 'children-2022.csv'));
		await symlink('/nonexistent/file.csv', path.join(dir, 'children-2023.csv'));
		await symlink('/etc/passwd', path.join(dir, 'units-2021.csv'));
		const { result, en } = await refused(dir);
		const msg = (f: string) => result.issues.find((i) => i.file === `reports/${f}`)!.message.en;
		expect(msg('children-2021.csv')).toContain('Not a regular file');
		expect(msg('children-2022.csv')).toContain('Is a folder');
		expect(msg('children-2023.csv')).toContain('Is a link');
		expect(msg('units-2021.csv')).toContain('Is a link');
		expect(en).not.toContain('root:');
		expect(errors(result)).toHaveLength(4);
	}, 20_000);

	it('a missing, a broken, an incomplete or a linked dataset.json: a message, not a stack trace', async () => {
		const dir = await folder();
		const good = await readFile(path.join(dir, 'dataset.json'), 'utf8');
		await rm(path.join(dir, 'dataset.json'));
		expect((await refused(dir)).en).toBe(
			'reports/dataset.json: File not found: create it (see data/README.md).'
		);
		await writeFile(path.join(dir, 'dataset.json'), good.slice(0, 40));
		expect((await refused(dir)).en).toMatch(
			/^reports\/dataset.json: dataset.json is not valid JSON \(.+\): fix it after the example in data\/README.md.$/
		);
		await writeFile(path.join(dir, 'dataset.json'), '{"illustrative": "yes", "source": {}}');
		expect((await refused(dir)).en).toBe(
			'reports/dataset.json: dataset.json lacks or has wrong entries: illustrative (true/false); asOf (YYYY-MM-DD); source.vi, source.en. Fix it after the example in data/README.md.'
		);
		await writeFile(path.join(tmp, 'elsewhere.json'), good);
		await rm(path.join(dir, 'dataset.json'));
		await symlink(path.join(tmp, 'elsewhere.json'), path.join(dir, 'dataset.json'));
		expect((await refused(dir)).en).toContain('reports/dataset.json: Is a link');
	});
});

describe('terminal and log safety', () => {
	it('control characters in cells and file names are printed escaped', async () => {
		const dir = await folder();
		const text = await readFile(path.join(dir, 'children-2020.csv'), 'utf8');
		const lines = text.split('\n');
		// commune names with screen-clearing and title-setting escapes, and with a CR and LF (quoted)
		lines[2] = lines[2].replace('Phường Quang Trung', '\u001b[2J\u001b]0;pwned\u0007');
		lines[3] = lines[3].replace('Phường Quang Trung', '"Quang\rLỖI/ERROR forged\nx"');
		// and an error: a code with a bell and a cursor move
		lines[4] = lines[4].replace(/^\d+/, '23281\u0007\u001b[1A');
		const evil = 'children-2020\nERROR forged.csv\u001b[31m.csv';
		await rm(path.join(dir, 'children-2020.csv'));
		await writeFile(path.join(dir, evil), lines.join('\n'));
		const { result } = await refused(dir);
		const printed = reportIssues(result);
		// eslint-disable-next-line no-control-regex
		expect(printed).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
		// one line per language per issue: no forged lines
		expect(printed.split('\n')).toHaveLength(2 * result.issues.length);
		expect(printed).toContain('children-2020\\nERROR forged.csv\\x1b[31m.csv');
		expect(printed).toContain('\\x1b[2J\\x1b]0;pwned\\x07');
		expect(printed).toContain('Quang\\rLỖI/ERROR forged\\nx');
		expect(printed).toContain('(value "23281\\x07\\x1b[1A")');
	});
});

describe('duplicate rows across two files', () => {
	it('names both files and rows, the key columns and the fix, in both languages', async () => {
		const dir = await folder();
		await cp(
			fixtureDir('duplicate-across-files/children-2020-copy.csv'),
			path.join(dir, 'children-2020-copy.csv')
		);
		const { result } = await refused(dir);
		const dup = errors(result);
		expect(dup).toHaveLength(1);
		const [i]: IntakeIssue[] = dup;
		expect(i).toMatchObject({
			file: 'reports/children-2020.csv',
			row: 3,
			column: 'commune_code, year, disability_type, severity, sex, age_band, ethnicity',
			value: '23281, 2020, 1, 2, nam, 6-10, kinh'
		});
		expect(i.message.en).toContain('reports/children-2020-copy.csv, row 3');
		expect(i.message.en).toContain('Delete the row from one of the two files');
		expect(i.message.vi).toContain('reports/children-2020-copy.csv, dòng 3');
		expect(i.message.vi).toContain('Xóa dòng ở một trong hai tệp');
	});

	it('the same unit and year in two units files', async () => {
		const dir = await folder();
		const text = await readFile(path.join(dir, 'units-2019.csv'), 'utf8');
		await writeFile(path.join(dir, 'units-2019-b.csv'), text.split('\n').slice(0, 4).join('\n'));
		const { result } = await refused(dir);
		const dup = errors(result);
		expect(dup.map((i) => [i.file, i.row, i.column, i.value])).toEqual([
			['reports/units-2019.csv', 3, 'unit_code, year', '62, 2019'],
			['reports/units-2019.csv', 4, 'unit_code, year', '608, 2019']
		]);
		expect(dup[0].message.en).toContain('reports/units-2019-b.csv, row 3');
	});
});
