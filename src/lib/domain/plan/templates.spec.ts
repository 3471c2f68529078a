import { describe, expect, it } from 'vitest';
import { wardPlan } from './fixtures';
import { loadPlan } from './load';
import type { PlanSpec } from './types';
import { EXAMPLE_NAME, templateCsv, templateFiles } from './templates';

/** The test ward plan with an overlapping breakdown added to its children. */
function spec(): PlanSpec {
	const json = wardPlan() as Record<string, unknown> & {
		populations: { breakdowns?: string[] }[];
		breakdowns: unknown[];
	};
	json.populations[0].breakdowns = ['sex', 'condition'];
	json.breakdowns.push({
		id: 'condition',
		label: { vi: 'Tình trạng', en: 'Condition' },
		overlapping: true,
		categories: [
			{ code: 'a', label: { vi: 'A', en: 'A' } },
			{ code: 'b', label: { vi: 'B', en: 'B' } }
		]
	});
	const r = loadPlan(json);
	if (!r.ok) throw new Error(JSON.stringify(r.errors));
	return r.plan;
}

describe('report templates', () => {
	it('follow the intake format: hand-worked columns and example of the records file', () => {
		const [records] = templateFiles(spec(), 'G1', 2024);
		expect(records.name).toBe('cwd-2024');
		expect(records.columns).toEqual([
			'unit_code',
			'unit_name',
			'year',
			'sex',
			'condition_a',
			'condition_b',
			'children',
			'accessed'
		]);
		// first category; in the first overlapping category only; a count within its bound
		expect(records.example).toEqual(['G1', EXAMPLE_NAME, 2024, 'nam', 1, 0, 10, 5]);
	});
	it('write a # line naming the example, the header, and the example row', () => {
		for (const f of templateFiles(spec(), 'G1', 2024)) {
			const lines = templateCsv(f)
				.replace(/^\uFEFF/, '')
				.trimEnd()
				.split('\n');
			expect(lines).toHaveLength(3);
			expect(lines[0]).toMatch(/^# .*VÍ DỤ.*EXAMPLE/);
			expect(lines[1]).toBe(f.columns.join(','));
			expect(lines[2].split(',')[1]).toBe(EXAMPLE_NAME);
		}
	});
});
