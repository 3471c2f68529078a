/**
 * Every plan file in data/plans/ (the four seeds and Kon Tum) loads through the general model and
 * yields an intake format; where its unit list is in the general format, the list parses too.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { intakeFormat } from '../../domain/plan/intake-format';
import { loadPlan } from '../../domain/plan/load';
import { parseUnitList, UNIT_LIST_HEADER } from '../../domain/plan/unit-list';
import { runAllPlans } from './run-all';

const files = readdirSync('data/plans').filter((f) => f.endsWith('.json'));

describe('every plan in data/plans/', () => {
	it('there are the five seeds', () => {
		expect(files.length).toBeGreaterThanOrEqual(5);
	});
	for (const file of files)
		it(file, () => {
			const r = loadPlan(JSON.parse(readFileSync(`data/plans/${file}`, 'utf8')));
			if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.en}`).join('\n'));
			const format = intakeFormat(r.plan);
			expect(format.files.length).toBeGreaterThan(0);
			for (const f of format.files) {
				expect(f.columns.slice(0, 3).map((c) => c.name)).toEqual([
					'unit_code',
					'unit_name',
					'year'
				]);
				expect(new Set(f.columns.map((c) => c.name)).size).toBe(f.columns.length);
			}
			const units = r.plan.geography.unitsFile;
			if (units && existsSync(units)) {
				const text = readFileSync(units, 'utf8');
				if (text.replace(/^\uFEFF/, '').startsWith(UNIT_LIST_HEADER.join(','))) {
					const levels = r.plan.geography.levels.map((l) => l.id);
					expect(parseUnitList(text, units, levels).issues).toEqual([]);
				}
			}
		});
});

describe('every plan with a dataset folder runs through the runtime and its audit', () => {
	it('publishes each, with no disclosure', async () => {
		const out = mkdtempSync(path.join(os.tmpdir(), 'plans-all-'));
		try {
			const runs = await runAllPlans('.', out);
			const withData = files.filter((f) => {
				const id = JSON.parse(readFileSync(`data/plans/${f}`, 'utf8')).id;
				return existsSync(`data/datasets/${id}`);
			});
			expect(runs.map((r) => r.planFile).sort()).toEqual(
				withData.map((f) => `data/plans/${f}`).sort()
			);
			for (const r of runs) {
				expect(r.result.issues, r.id).toEqual([]);
				expect(r.result.problems, r.id).toEqual([]);
				expect(r.result.manifest?.protection.audit.disclosures, r.id).toBe(0);
				expect(existsSync(path.join(out, r.id, 'indicators.json')), r.id).toBe(true);
			}
		} finally {
			rmSync(out, { recursive: true, force: true });
		}
	}, 300_000);
});

describe('the runtime names no plan', () => {
	it('no plan id, level, population, breakdown or measure id as a string in its code', () => {
		const names = new Set<string>();
		for (const f of files) {
			const p = JSON.parse(readFileSync(`data/plans/${f}`, 'utf8'));
			names.add(p.id);
			for (const list of [p.geography.levels, p.populations, p.breakdowns ?? [], p.measures])
				for (const x of list) names.add(x.id);
		}
		const sources = [
			...readdirSync('src/lib/pipeline/plans').map((f) => `src/lib/pipeline/plans/${f}`),
			'src/lib/domain/plan/unit-list.ts',
			'src/lib/domain/plan/unit-list-years.ts',
			'src/lib/domain/plan/intake-format.ts'
		].filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'));
		// 'units' is the runtime's own name for the units file and its table, and a value of `counts`
		names.delete('units');
		for (const file of sources) {
			const code = readFileSync(file, 'utf8');
			for (const n of names)
				expect(code, `${file} names '${n}'`).not.toMatch(new RegExp(`['"\`]${n}['"\`]`));
		}
	});
});
