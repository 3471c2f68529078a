/**
 * Hostile report files read the way the pipeline reads them (streamed from disk): blank lines by
 * the million, a file of one duplicated row, an unclosed quote at the top of a big file. Each ends
 * in a bounded list of messages, cut values and a count of the rest. The sizes here are kept
 * small for speed; scripts/measure-intake.ts measures 200 MB files (memory and time).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatIssue } from '../domain/intake/messages';
import { MAX_ISSUES_PER_FILE, type IntakeContext } from '../domain/intake/validate';
import { readGeography, readPlan } from './read-inputs';
import { readReportFile } from './report-files';

const header =
	'commune_code,commune_name,year,disability_type,severity,sex,age_band,ethnicity,children,accessed,accessed_health,accessed_education,accessed_social,accessed_protection,skills\n';
const row = '23281,Phường Quang Trung,2020,1,2,nam,6-10,kinh,12,9,6,5,3,2,7\n';
let tmp: string;
let ctx: IntakeContext;

beforeAll(async () => {
	tmp = await mkdtemp(path.join(os.tmpdir(), 'tekt-big-'));
	const plan = await readPlan('data/plans/kontum-3430.json');
	ctx = { plan, geo: await readGeography(process.cwd(), plan) };
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

async function read(name: string, content: string | Buffer) {
	const p = path.join(tmp, name);
	await writeFile(p, content);
	return readReportFile({ file: `reports/${name}`, path: p, format: 'csv' }, ctx);
}

describe('big and hostile CSV files', () => {
	it('8 MB of blank lines after the rows: read, nothing to say', async () => {
		const v = await read('children-2020.csv', header + row + '\r\n'.repeat(4_000_000));
		expect(v.issues).toEqual([]);
		expect(v.rows).toBe(1);
	});

	it('200,000 copies of one row: the first 100 duplicates listed, then how many more', async () => {
		const v = await read('children-2020.csv', header + row.repeat(200_000));
		expect(v.rows).toBe(200_000);
		expect(v.issues).toHaveLength(MAX_ISSUES_PER_FILE + 1);
		expect(v.issues[0]).toMatchObject({ row: 3, column: 'commune_code', value: '23281' });
		expect(v.issues[99]).toMatchObject({ row: 102 });
		const last = v.issues.at(-1)!;
		expect(last).toMatchObject({ row: 0, column: '', severity: 'error' });
		expect(formatIssue(last, 'en')).toBe(
			'reports/children-2020.csv: and 199899 more (199899 errors, 0 warnings) not listed: only the first 100 issues of a file are. Fix those above and run again.'
		);
		expect(last.message.vi).toContain('và 199899 vấn đề khác');
	});

	it('an unclosed quote at the top of a 6 MB file: one message, a short one, not the file', async () => {
		const v = await read('children-2020.csv', header + '23281,"Phường' + row.repeat(100_000));
		expect(v.issues).toHaveLength(1);
		const [i] = v.issues;
		expect(i).toMatchObject({ row: 2, severity: 'error' });
		expect(formatIssue(i, 'en').length).toBeLessThan(400);
		expect(i.message.en).toContain('A double quote (") opened on this row is never closed');
		expect(i.message.vi).toContain('không được đóng');
	});

	it('a row of 300 KB: its value is cut to 80 characters in the message', async () => {
		const v = await read('children-2020.csv', header + '23281,' + 'x,'.repeat(150_000) + '\n');
		expect(v.issues).toHaveLength(1);
		expect(v.issues[0].value).toMatch(/^23281,x,x,.{70}… \(300006\)$/);
	});
});
