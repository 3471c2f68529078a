/**
 * Two pipeline runs at once: one publishes, the other stops with a message and touches nothing
 * (not the published folder, not the first run's staging folder); a lock left by a killed run is
 * taken over. (atomic-kill.spec.ts kills real runs, leaving real stale locks behind.)
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatIssue } from '../domain/intake/messages';
import { fixtureDir, hashTree } from './fixtures/published';
import { lockPath } from './lock';
import { runPipeline } from './run';

const root = process.cwd();
let tmp: string;
let out: string;
let before: Record<string, string>;

beforeAll(async () => {
	tmp = await mkdtemp(path.join(os.tmpdir(), 'tekt-lock-'));
	out = path.join(tmp, 'data');
	expect((await runPipeline({ root, reports: fixtureDir('valid'), out })).ok).toBe(true);
	before = await hashTree(out);
}, 60_000);
afterAll(() => rm(tmp, { recursive: true, force: true }));

describe('one pipeline run at a time', () => {
	it('a second run while one is publishing stops with a message, and leaves its staging alone', async () => {
		// the first run, caught mid-way: its lock (a live process) and its half-written staging folder
		const staging = path.join(tmp, '.data-staging');
		await mkdir(staging);
		await writeFile(path.join(staging, 'indicators.csv'), 'half');
		const held = { pid: process.pid, host: os.hostname(), started: '2026-01-01T00:00:00.000Z' };
		await writeFile(lockPath(out), JSON.stringify(held));
		const r = await runPipeline({ root, reports: fixtureDir('valid'), out });
		expect(r.ok).toBe(false);
		expect(r.issues).toHaveLength(1);
		const en = formatIssue(r.issues[0], 'en');
		expect(en).toContain(`Another pipeline run (pid ${process.pid}`);
		expect(en).toContain('wait for it to finish and run again');
		expect(formatIssue(r.issues[0], 'vi')).toContain('Một lần chạy pipeline khác');
		expect(await readFile(path.join(staging, 'indicators.csv'), 'utf8')).toBe('half');
		expect(JSON.parse(await readFile(lockPath(out), 'utf8'))).toEqual(held);
		expect(await hashTree(out)).toEqual(before);
		await rm(staging, { recursive: true });
		await rm(lockPath(out));
	});

	it('two runs started together: one publishes, the other is refused', async () => {
		const runs = await Promise.all([
			runPipeline({ root, reports: fixtureDir('valid'), out }),
			runPipeline({ root, reports: fixtureDir('valid'), out })
		]);
		expect(runs.map((r) => r.ok).sort()).toEqual([false, true]);
		const refused = runs.find((r) => !r.ok)!;
		expect(formatIssue(refused.issues[0], 'en')).toContain('Another pipeline run');
		const now = await hashTree(out);
		delete now['manifest.json']; // the attack's timing
		const was = { ...before };
		delete was['manifest.json'];
		expect(now).toEqual(was);
		expect(await readdir(tmp)).toEqual(['data']);
	}, 60_000);

	it('the lock of a killed run (its process gone) is taken over', async () => {
		const gone = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], {
			encoding: 'utf8'
		});
		const pid = Number(gone.stdout.trim());
		await writeFile(
			lockPath(out),
			JSON.stringify({ pid, host: os.hostname(), started: '2026-01-01T00:00:00.000Z' })
		);
		const r = await runPipeline({ root, reports: fixtureDir('valid'), out });
		expect(r.issues).toEqual([]);
		expect(r.ok).toBe(true);
		expect(await readdir(tmp)).toEqual(['data']);
	}, 60_000);
});
