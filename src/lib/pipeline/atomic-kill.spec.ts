/**
 * Atomic publish under a real kill: the pipeline process is SIGKILLed at its two riskiest
 * moments, and the previously published data is still there, whole, for the site build.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { recoverPublished } from './publish';

const tmp = mkdtempSync(path.join(tmpdir(), 'tekt-kill-'));
const out = path.join(tmp, 'data');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function runPipeline(reports: string, killAt?: string) {
	return spawnSync(
		process.execPath,
		['--import', 'tsx', 'scripts/pipeline.ts', '--reports', reports, '--out', out],
		{ env: { ...process.env, TEKT_KILL_AT: killAt ?? '' }, encoding: 'utf8', timeout: 120_000 }
	);
}

function hashes(dir: string): Record<string, string> {
	const res: Record<string, string> = {};
	const walk = (d: string) => {
		for (const name of readdirSync(d, { withFileTypes: true })) {
			const full = path.join(d, name.name);
			if (name.isDirectory()) walk(full);
			else
				res[path.relative(dir, full)] = createHash('sha256')
					.update(readFileSync(full))
					.digest('hex');
		}
	};
	walk(dir);
	return res;
}

describe('atomic publish when the process is killed', () => {
	const fixture = 'src/lib/pipeline/fixtures/valid';
	let before: Record<string, string>;

	it('publishes the fixture first', () => {
		const r = runPipeline(fixture);
		expect(r.status, r.stderr).toBe(0);
		before = hashes(out);
		expect(Object.keys(before)).toContain('manifest.json');
	}, 120_000);

	it('killed before the swap: the published folder is untouched', () => {
		const r = runPipeline('data/reports', 'before-swap');
		expect(r.signal).toBe('SIGKILL');
		expect(hashes(out)).toEqual(before);
	}, 120_000);

	it('killed between the two renames: the next run (or recoverPublished) puts the old data back', async () => {
		const r = runPipeline('data/reports', 'between-renames');
		expect(r.signal).toBe('SIGKILL');
		expect(existsSync(out)).toBe(false); // the window the recovery exists for
		await recoverPublished(out);
		expect(hashes(out)).toEqual(before);
		const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'));
		for (const t of manifest.tables)
			for (const f of t.files) expect(existsSync(path.join(out, f.path))).toBe(true);
	}, 120_000);
});
