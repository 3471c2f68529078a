/**
 * The pipeline refuses to publish what its attack can break. secureTable (protect/secure.ts) is
 * replaced here by a version that only hides the counts of 1–4 (no whole groups, no complements),
 * as a broken protection would; the pipeline must then find the disclosures in its staged files,
 * say which, and leave the previous publication exactly as it was.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fixtureDir, hashTree } from './fixtures/published';
import type { SecureInput, SecureResult } from './protect/secure';
import { runPipeline, type PipelineResult } from './run';

const protection = vi.hoisted(() => ({ primaryOnly: false }));

vi.mock('./protect/secure', async (importOriginal) => {
	const real = await importOriginal<typeof import('./protect/secure')>();
	return {
		...real,
		secureTable: async (input: SecureInput): Promise<SecureResult> => {
			if (!protection.primaryOnly) return real.secureTable(input);
			const hidden: Record<string, boolean[]> = {};
			let cells = 0;
			let primary = 0;
			for (const m of input.measures) {
				hidden[m] = input.rows.map((r) => {
					const v = r[m];
					if (typeof v !== 'number') return false;
					cells++;
					const small = v >= input.rule.min && v <= input.rule.max;
					if (small) primary++;
					return small;
				});
			}
			return { hidden, cells, primary, secondary: 0, rounds: 0, remaining: [], records: [] };
		}
	};
});

const root = process.cwd();
let tmp: string;
let out: string;
let before: Record<string, string>;
let result: PipelineResult;

beforeAll(async () => {
	tmp = await mkdtemp(path.join(os.tmpdir(), 'tekt-refuse-'));
	out = path.join(tmp, 'data');
	// a previous publication, made with the real protection
	const first = await runPipeline({ root, reports: fixtureDir('valid'), out });
	expect(first.ok).toBe(true);
	before = await hashTree(out);
	protection.primaryOnly = true;
	result = await runPipeline({ root, reports: fixtureDir('valid'), out });
}, 120_000);

afterAll(async () => {
	if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe('the pipeline with a protection that only hides counts of 1–4', () => {
	it('refuses to publish', () => {
		expect(result.ok).toBe(false);
		expect(result.manifest).toBeUndefined();
		expect(result.issues).toEqual([]);
	});

	it('says which small group can be worked out, in which table and cell, and what the attacker concludes', () => {
		const audit = result.problems.filter((p) => p.includes('Disclosure audit'));
		expect(audit.length).toBe(20);
		// fixtures/valid, 2018: Thành phố Kon Tum (608) published 6 + 4 + 3 = 13 children who
		// accessed a service; Quang Trung (23281) 6 + 4 = 10 published; Duy Tân (23284) 3 hidden
		// alone: 13 − 10 = 3
		expect(audit[0]).toBe(
			'Kiểm tra bảo vệ: một nhóm nhỏ vẫn suy ra được / Disclosure audit: a small group can be worked out — indicators, year 2018, unit_code 23284: accessed = 3, from the published values alone. Nothing is published; the last published data stays.'
		);
		// a cell of the cube names its breakdowns
		expect(
			audit.some((p) =>
				/— children_cube, year 2018, unit_code 62, disability_type 1, severity 1, age_band 6-10: \w+ = \d/.test(
					p
				)
			)
		).toBe(true);
		// the first 20 are listed, then how many more
		const more = result.problems.find((p) => p.startsWith('… and '));
		expect(Number(more?.match(/… and (\d+) more/)?.[1])).toBeGreaterThan(100);
	});

	it('leaves the previous publication byte-identical, and no staging folder behind', async () => {
		expect(await hashTree(out)).toEqual(before);
		expect(await readdir(tmp)).toEqual(['data']);
	});
});
