import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { intakeFormat, matchFile } from './intake-format';
import { loadPlan } from './load';

function plan(id: string) {
	const r = loadPlan(JSON.parse(readFileSync(`data/plans/${id}.json`, 'utf8')));
	if (!r.ok) throw new Error(JSON.stringify(r.errors));
	return r.plan;
}

describe('intakeFormat', () => {
	// Written out by hand from data/plans/langson-city-2024.json: populations cwd [sex] and
	// screened [condition (overlapping, 7 categories), sex]; caregivers, staff and units have no
	// breakdowns; one duty with the column report_submitted.
	it("Lạng Sơn city's three files and their exact headers", () => {
		const f = intakeFormat(plan('langson-city-2024'));
		const headers = Object.fromEntries(
			f.files.map((x) => [x.prefix, x.columns.map((c) => c.name).join(',')])
		);
		expect(headers).toEqual({
			cwd: 'unit_code,unit_name,year,sex,children,accessed,skills',
			screened:
				'unit_code,unit_name,year,condition_cleft,condition_motor,condition_burn,condition_eye,condition_ear,condition_urogenital,condition_tumour,sex,screened,surgery_indicated,operated_free',
			units:
				'unit_code,unit_name,year,caregivers,caregivers_trained,staff,staff_trained,communication_done,report_submitted'
		});
		const screened = f.files.find((x) => x.prefix === 'screened')!;
		expect(screened.key).toEqual([
			'unit_code',
			'year',
			'condition_cleft',
			'condition_motor',
			'condition_burn',
			'condition_eye',
			'condition_ear',
			'condition_urogenital',
			'condition_tumour',
			'sex'
		]);
		expect(screened.columns.find((c) => c.name === 'operated_free')).toMatchObject({
			kind: 'count',
			atMost: 'surgery_indicated'
		});
		expect(screened.columns.find((c) => c.name === 'sex')).toMatchObject({
			kind: 'category',
			categories: ['nam', 'nu']
		});
		expect(f.files.find((x) => x.prefix === 'units')!.key).toEqual(['unit_code', 'year']);
	});

	it('file names: <prefix>-<year>.csv or .xlsx, nothing else', () => {
		const f = intakeFormat(plan('langson-city-2024'));
		expect(matchFile(f, 'screened-2024.xlsx')).toMatchObject({ year: 2024, ext: 'xlsx' });
		expect(matchFile(f, 'cwd-2024.csv')?.file.prefix).toBe('cwd');
		expect(matchFile(f, 'children-2024.csv')).toBeNull();
		expect(matchFile(f, 'cwd_2024.csv')).toBeNull();
		expect(matchFile(f, 'cwd-2024.txt')).toBeNull();
	});
});
