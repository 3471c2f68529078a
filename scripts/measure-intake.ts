/**
 * npx tsx scripts/measure-intake.ts [MB]: peak memory and time of the pipeline on hostile report
 * files of MB megabytes (200 by default), each in a copy of the valid fixture folder: blank
 * lines, one row repeated, an unclosed quote near the top, a distinct bad code on every row.
 * The files are written to a temporary folder and deleted after; nothing is published outside it.
 * Stated ceiling (issue 14): a 200 MB report is checked in under 1 GB peak RSS.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const mb = Number(process.argv[2] ?? 200);
const header =
	'commune_code,commune_name,year,disability_type,severity,sex,age_band,ethnicity,children,accessed,accessed_health,accessed_education,accessed_social,accessed_protection,skills\n';
const row = '23281,Phường Quang Trung,2020,1,2,nam,6-10,kinh,12,9,6,5,3,2,7\n';

/** Writes `head`, then lines from `line(i)` until the file is `mb` megabytes. */
async function write(file: string, head: string, line: (i: number) => string) {
	const out = createWriteStream(file);
	const target = mb * 1024 * 1024;
	let size = Buffer.byteLength(head);
	out.write(head);
	for (let i = 0; size < target;) {
		let chunk = '';
		while (chunk.length < 1 << 20) chunk += line(i++);
		size += Buffer.byteLength(chunk);
		if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
	}
	await new Promise<void>((r) => out.end(() => r()));
}

const cases: { name: string; head: string; line: (i: number) => string }[] = [
	{ name: 'blank lines', head: header + row, line: () => '\r\n' },
	{ name: 'one row repeated', head: header, line: () => row },
	{ name: 'unclosed quote at row 2', head: header + '23281,"Phường', line: () => row },
	{
		name: 'a distinct unknown code on every row',
		head: header,
		line: (i) => row.replace('23281', String(90_000_000 + i))
	}
];

const tmp = await mkdtemp(path.join(os.tmpdir(), 'tekt-measure-'));
try {
	console.log(`| ${mb} MB report | peak RSS | time | exit | first line of the message |`);
	console.log('| --- | --- | --- | --- | --- |');
	for (const [i, c] of cases.entries()) {
		const dir = path.join(tmp, `case-${i}`, 'reports');
		await cp('src/lib/pipeline/fixtures/valid', dir, { recursive: true });
		await write(path.join(dir, 'children-2020.csv'), c.head, c.line);
		const r = spawnSync(
			'/usr/bin/time',
			[
				'-v',
				process.execPath,
				'--import',
				'tsx',
				'scripts/pipeline.ts',
				'--reports',
				dir,
				'--out',
				path.join(tmp, `case-${i}`, 'data')
			],
			{ encoding: 'utf8', maxBuffer: 64 << 20 }
		);
		const rss = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1]) / 1024;
		const elapsed = /Elapsed \(wall clock\) time.*: (.+)/.exec(r.stderr)?.[1];
		const exit = /Exit status: (\d+)/.exec(r.stderr)?.[1];
		const first = r.stderr.split('\n').find((l) => l.startsWith('LỖI/ERROR')) ?? '';
		console.log(
			`| ${c.name} | ${rss.toFixed(0)} MB | ${elapsed} | ${exit} | ${first.slice(0, 140)} |`
		);
		await rm(path.join(tmp, `case-${i}`), { recursive: true, force: true });
	}
} finally {
	await rm(tmp, { recursive: true, force: true });
}
