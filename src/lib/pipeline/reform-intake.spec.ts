/**
 * Reports across the 2025 reform (data/geo/kontum-2025/): a year is keyed by the units in force on
 * its last day. Expected messages name the units as the crosswalk file does (the oracle: read here
 * from the CSV, not from the code under test).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHILD_HEADER, UNIT_HEADER } from './demo-data';
import { validateReport } from '../domain/intake/validate';
import type { IntakeContext } from '../domain/intake/lookup';
import { readSetup } from './read-inputs';

const root = process.cwd();
let ctx: IntakeContext;
let crosswalk: Record<string, string>[];

beforeAll(async () => {
	const { setup } = await readSetup({
		root,
		plan: 'data/plans/kontum-3430.json',
		reports: 'data/reports'
	});
	ctx = { plan: setup!.plan, geo: setup!.geo, eras: setup!.eras };
	const text = await readFile(path.join(root, 'data/geo/kontum-2025/crosswalk.csv'), 'utf8');
	crosswalk = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
});

const child = (code: string, name: string, year: number) =>
	`${CHILD_HEADER}\n${code},${name},${year},1,2,nu,0-5,dtts,5,3,1,1,1,0,2\n`;
const unitRow = (code: string, name: string, year: number, cells: string) =>
	`${UNIT_HEADER}\n${code},${name},${year},${cells}\n`;
const errors = (file: string, text: string) =>
	validateReport(file, text, ctx).issues.filter((i) => i.severity === 'error');

describe('reports across the 2025 reform', () => {
	it('takes a 2025 report keyed by a new unit', () => {
		expect(errors('children-2025.csv', child('23293', 'Phường Kon Tum', 2025))).toEqual([]);
	});

	it('refuses an old code after the reform, naming the unit it went into', () => {
		const row = crosswalk.find((r) => r.old_code === '23281')!;
		const [issue] = errors('children-2025.csv', child('23281', row.old_name, 2025));
		expect(issue.column).toBe('commune_code');
		expect(issue.message.vi).toContain(`${row.new_code} ${row.new_name}`);
		expect(issue.message.en).toContain('2025-07-01');
	});

	it('refuses a reused code written with the old unit’s name, and the reverse before', () => {
		// 23293 was Phường Thắng Lợi's code; from 2025-07-01 it is the new Phường Kon Tum's
		const [after] = errors('children-2025.csv', child('23293', 'Phường Thắng Lợi', 2025));
		expect(after.column).toBe('commune_name');
		expect(after.message.en).toMatch(/old unit that went into Phường Kon Tum/);
		const [before] = errors('children-2024.csv', child('23293', 'Phường Kon Tum', 2024));
		expect(before.message.en).toMatch(/Phường Kon Tum is a new unit from 2025-07-01/);
		expect(errors('children-2024.csv', child('23293', 'Phường Thắng Lợi', 2024))).toEqual([]);
	});

	it('keeps a former district to the reports due before the reform', () => {
		// columns: caregivers…staff_trained, services_maintained, linked_network, centre, H1, year
		const h1 = unitRow('608', '', 2025, ',,,,,,,2025-06-05,');
		expect(errors('units-2025.csv', h1)).toEqual([]);
		const network = errors('units-2025.csv', unitRow('608', '', 2025, ',,,,,1,,,'));
		expect(network.map((i) => i.column)).toEqual(['linked_network']);
		expect(network[0].message.en).toMatch(/district level ended on 2025-07-01/);
		const annual = errors('units-2025.csv', unitRow('608', '', 2025, ',,,,,,,,2025-12-01'));
		expect(annual.map((i) => i.column)).toEqual(['report_year_submitted']);
	});
});
