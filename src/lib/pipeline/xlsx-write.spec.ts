/**
 * The report templates' workbooks open in an independent reader (read-excel-file) with exactly
 * the rows written: the note, the header the intake expects, the example.
 */
import { readFileSync } from 'node:fs';
import { readSheet } from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { loadPlan } from '../domain/plan/load';
import { templateFiles, templateRows } from '../domain/plan/templates';
import { xlsx } from './xlsx-write';

describe('xlsx-write', () => {
	it('Lạng Sơn’s templates read back cell for cell, Vietnamese intact', async () => {
		const r = loadPlan(JSON.parse(readFileSync('data/plans/langson-city-2024.json', 'utf8')));
		if (!r.ok) throw new Error('plan');
		const files = templateFiles(r.plan, '05971');
		expect(files.map((f) => f.name).sort()).toEqual(['cwd-2024', 'screened-2024', 'units-2024']);
		for (const f of files) {
			const rows = await readSheet(Buffer.from(xlsx([{ name: f.name, rows: templateRows(f) }])));
			expect(rows[0][0]).toMatch(/^# /);
			expect(rows[1]).toEqual(f.columns);
			expect(rows[1].slice(0, 3)).toEqual(['unit_code', 'unit_name', 'year']);
			expect(rows[2][0]).toBe('05971');
			expect(rows[2][2]).toBe(2024);
		}
	});
	it('a sheet name longer than Excel’s 31 characters is cut, not refused', async () => {
		const book = xlsx([{ name: 'a'.repeat(40), rows: [['x']] }]);
		expect(await readSheet(Buffer.from(book))).toEqual([['x']]);
	});
});
