/**
 * Every plan file in data/plans/ (the four seeds and Kon Tum) loads through the general model and
 * yields an intake format; where its unit list is in the general format, the list parses too.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { intakeFormat } from '../../domain/plan/intake-format';
import { loadPlan } from '../../domain/plan/load';
import { parseUnitList, UNIT_LIST_HEADER } from '../../domain/plan/unit-list';

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
