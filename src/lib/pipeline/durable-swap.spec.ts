/**
 * The swap is durable: every staged file and folder is flushed to disk (fsync) before the first
 * rename, and the parent folder after the last, so a power cut cannot publish half-written files.
 * File system calls are watched through a wrapper of node:fs/promises.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { fixtureDir, hashTree } from './fixtures/published';
import { runPipeline } from './run';

const log = vi.hoisted(() => [] as string[]);

vi.mock('node:fs/promises', async (importOriginal) => {
	const fs = await importOriginal<typeof import('node:fs/promises')>();
	const open: typeof fs.open = async (...args) => {
		const fh = await fs.open(...args);
		const sync = fh.sync.bind(fh);
		fh.sync = async () => {
			log.push(`sync ${String(args[0])}`);
			return sync();
		};
		return fh;
	};
	const rename: typeof fs.rename = async (from, to) => {
		log.push(`rename ${String(from)} ${String(to)}`);
		return fs.rename(from, to);
	};
	return { ...fs, open, rename, default: { ...fs, open, rename } };
});

const tmps: string[] = [];
afterAll(async () => {
	for (const t of tmps) await rm(t, { recursive: true, force: true });
});

describe('durable swap', () => {
	it('fsyncs every staged file and folder before the swap, and the parent after it', async () => {
		const tmp = await mkdtemp(path.join(os.tmpdir(), 'tekt-sync-'));
		tmps.push(tmp);
		const out = path.join(tmp, 'data');
		const staging = path.join(tmp, '.data-staging');
		const r = await runPipeline({ root: process.cwd(), reports: fixtureDir('valid'), out });
		expect(r.ok).toBe(true);
		const swap = log.indexOf(`rename ${staging} ${out}`);
		expect(swap).toBeGreaterThan(0);
		const before = new Set(log.slice(0, swap));
		const files = Object.keys(await hashTree(out));
		expect(files.length).toBeGreaterThan(10);
		for (const f of files) expect(before, f).toContain(`sync ${path.join(staging, f)}`);
		for (const d of new Set(files.map((f) => path.dirname(f))))
			expect(before, d).toContain(`sync ${path.join(staging, d)}`.replace(/\/\.$/, ''));
		expect(log.slice(swap + 1)).toContain(`sync ${tmp}`);
	}, 60_000);
});
