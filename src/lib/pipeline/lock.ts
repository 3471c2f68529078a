/**
 * One pipeline run at a time per published folder: a lock file beside it (`.<folder>-lock`),
 * created with O_EXCL, naming the run's process. A second run gets a message, and never touches
 * the first run's staging folder. A lock left by a killed run (its process is gone) is taken over.
 */
import { mkdir, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { IntakeIssue } from '../domain/intake/messages';

interface LockInfo {
	pid: number;
	host: string;
	started: string;
}

export const lockPath = (outDir: string) =>
	path.join(path.dirname(outDir), `.${path.basename(outDir)}-lock`);

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return (e as NodeJS.ErrnoException).code === 'EPERM';
	}
}

async function readLock(file: string): Promise<LockInfo | null> {
	try {
		const l = JSON.parse(await readFile(file, 'utf8'));
		return typeof l?.pid === 'number' && typeof l?.host === 'string' ? l : null;
	} catch {
		return null;
	}
}

/** Whether the lock's run is gone: its process is not running on this machine. */
async function stale(file: string, info: LockInfo | null): Promise<boolean> {
	if (info === null) {
		// unreadable: a run killed between creating and writing it, unless it was made just now
		const s = await stat(file).catch(() => null);
		return s !== null && Date.now() - s.mtimeMs > 10_000;
	}
	return info.host === os.hostname() && !alive(info.pid);
}

export interface Lock {
	release(): Promise<void>;
	/** set when the lock of a killed run was taken over */
	recovered: LockInfo | null;
}

export async function acquireLock(outDir: string): Promise<Lock | { issue: IntakeIssue }> {
	const file = lockPath(outDir);
	const mine: LockInfo = {
		pid: process.pid,
		host: os.hostname(),
		started: new Date().toISOString()
	};
	let recovered: LockInfo | null = null;
	await mkdir(path.dirname(outDir), { recursive: true });
	for (let attempt = 0; attempt < 3; attempt++) {
		try {
			const fh = await open(file, 'wx');
			await fh.writeFile(JSON.stringify(mine));
			await fh.sync();
			await fh.close();
			return {
				recovered,
				release: async () => {
					const now = await readLock(file);
					if (now?.pid === mine.pid && now.started === mine.started) await unlink(file);
				}
			};
		} catch (e) {
			if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
		}
		const held = await readLock(file);
		if (!(await stale(file, held))) return { issue: busy(outDir, file, held) };
		// Take the stale lock aside under a name of our own, and drop it only if it is still the
		// stale one (another run may have taken it over meanwhile: then it goes back).
		const aside = `${file}.stale-${process.pid}`;
		try {
			await rename(file, aside);
		} catch {
			continue;
		}
		const moved = await readLock(aside);
		if (JSON.stringify(moved) === JSON.stringify(held)) {
			await unlink(aside);
			recovered = held;
		} else await rename(aside, file).catch(() => unlink(aside));
	}
	return { issue: busy(outDir, file, await readLock(file)) };
}

function busy(outDir: string, file: string, held: LockInfo | null): IntakeIssue {
	const who = held ? `pid ${held.pid}, ${held.host}, ${held.started}` : '?';
	return {
		file: outDir,
		row: 0,
		column: '',
		value: '',
		severity: 'error',
		message: {
			vi: `Một lần chạy pipeline khác (${who}) đang công bố vào thư mục này, nên lần chạy này dừng và không đụng đến gì: đợi lần chạy kia xong rồi chạy lại. Nếu chắc chắn không còn lần chạy nào, xóa tệp khóa ${file}.`,
			en: `Another pipeline run (${who}) is publishing to this folder, so this run stops and touches nothing: wait for it to finish and run again. If you are sure no run is left, delete the lock file ${file}.`
		}
	};
}
