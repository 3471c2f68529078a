/** Readers the plan-demo specs share: the plan files with datasets, their unit lists, CSV tables. */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { readCsvText } from '../../domain/intake/csv-stream';
import { loadPlan } from '../../domain/plan/load';
import type { PlanSpec } from '../../domain/plan/types';
import { parseUnitList, type UnitVersion } from '../../domain/plan/unit-list';
import type { Calibration } from '.';

export const PLANS = ['langson-city-2024', 'huong-an-80-2019', 'huong-an-79-2019', 'hungyen-647'];

export const levelsOf = (plan: PlanSpec) => plan.geography.levels.map((l) => l.id);
export function versions(file: string, levels: string[]): UnitVersion[] {
	const r = parseUnitList(readFileSync(file, 'utf8'), file, levels);
	expect(r.issues).toEqual([]);
	return r.versions;
}

export function load(file: string) {
	const r = loadPlan(JSON.parse(readFileSync(`data/plans/${file}.json`, 'utf8')));
	if (!r.ok) throw new Error(JSON.stringify(r.errors));
	const plan = r.plan;
	const dir = `data/datasets/${plan.id}`;
	const cal = JSON.parse(readFileSync(`data/calibration/${plan.id}.json`, 'utf8')) as Calibration;
	const units = versions(plan.geography.unitsFile!, levelsOf(plan));
	return { plan, dir, cal, units };
}

export interface Table {
	comments: string[];
	header: string[];
	rows: Record<string, string>[];
}
export function readTable(text: string): Table {
	const t: Table = { comments: [], header: [], rows: [] };
	readCsvText(text, {
		comment: (c) => t.comments.push(c),
		header: (h) => (t.header = h),
		row: (_, cells) => t.rows.push(Object.fromEntries(t.header.map((h, i) => [h, cells[i]]))),
		broken: (line) => {
			throw new Error(`unreadable line ${line}`);
		}
	});
	return t;
}
