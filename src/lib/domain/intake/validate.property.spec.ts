/**
 * Property tests of the intake shared by the pipeline and the browser upload: generated valid
 * files pass and round-trip; mutated files never crash it, and every rejection names the file,
 * a row and a column.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import plan from '../../../../data/plans/kontum-3430.json';
import { breakdowns, childCountColumns } from '../breakdowns';
import { toCsv } from '../csv';
import { readRow } from '../explorer';
import { planFromJson } from '../plan';
import { buildGeography, type Unit } from '../units';
import { parseCsv } from './parse-csv';
import { childrenColumns } from './schema';
import { validateReport } from './validate';

const units = Papa.parse<Unit>(readFileSync('data/geo/kontum-units.csv', 'utf8'), {
	header: true,
	skipEmptyLines: true
}).data;
const geo = buildGeography({ code: '62', name: 'Tỉnh Kon Tum' }, units);
const ctx = { plan: planFromJson(plan), geo };
const communeCodes = geo.communes.map((c) => c.code);
const header = [...childrenColumns.key, ...childrenColumns.counts];
export let filesChecked = 0;

/** A valid children row: numerators within their denominators. */
const childRow = fc
	.record({
		commune_code: fc.constantFrom(...communeCodes),
		year: fc.integer({ min: 2018, max: 2025 }),
		disability_type: fc.constantFrom(...breakdowns[0].categories.map((c) => c.code)),
		severity: fc.constantFrom(...breakdowns[1].categories.map((c) => c.code)),
		sex: fc.constantFrom('nam', 'nu'),
		age_band: fc.constantFrom('0-5', '6-10', '11-15'),
		ethnicity: fc.constantFrom('kinh', 'dtts'),
		children: fc.integer({ min: 0, max: 60 }),
		a: fc.double({ min: 0, max: 1, noNaN: true }),
		s: fc.double({ min: 0, max: 1, noNaN: true }),
		k: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 4, maxLength: 4 })
	})
	.map(({ a, s, k, ...r }) => {
		const accessed = Math.floor(r.children * a);
		return {
			...r,
			accessed,
			accessed_health: Math.floor(accessed * k[0]),
			accessed_education: Math.floor(accessed * k[1]),
			accessed_social: Math.floor(accessed * k[2]),
			accessed_protection: Math.floor(accessed * k[3]),
			skills: Math.floor(r.children * s)
		};
	});

const keyOf = (r: object) =>
	childrenColumns.key.map((c) => (r as Record<string, unknown>)[c]).join('|');
const validFile = fc
	.uniqueArray(childRow, { selector: keyOf, minLength: 1, maxLength: 40 })
	.chain((rows) =>
		fc.record({
			rows: fc.constant(rows),
			semicolon: fc.boolean(),
			bom: fc.boolean(),
			crlf: fc.boolean(),
			blankTail: fc.nat({ max: 3 }),
			comment: fc.boolean()
		})
	);

function render(f: {
	rows: Record<string, unknown>[];
	semicolon: boolean;
	bom: boolean;
	crlf: boolean;
	blankTail: number;
	comment: boolean;
}) {
	let text = toCsv(header, f.rows as never, { bom: false, notice: f.comment ? ['generated'] : [] });
	if (f.semicolon) text = text.replace(/,/g, ';');
	if (f.crlf) text = text.replace(/\n/g, '\r\n');
	text += (f.crlf ? '\r\n' : '\n').repeat(f.blankTail);
	return (f.bom ? '\uFEFF' : '') + text;
}

describe('intake properties', () => {
	it('accepts every valid generated file and keeps every value (round trip)', () => {
		fc.assert(
			fc.property(validFile, (f) => {
				filesChecked++;
				const v = validateReport('gen.csv', render(f), ctx);
				expect(v.issues.filter((i) => i.severity === 'error')).toEqual([]);
				expect(v.children).toHaveLength(f.rows.length);
				const byKey = new Map(v.children.map((r) => [keyOf(r), r]));
				for (const r of f.rows) {
					const got = byKey.get(keyOf(r))!;
					for (const c of childCountColumns) expect(got[c]).toBe((r as Record<string, unknown>)[c]);
				}
				// publish → read back: the CSV the site writes parses to the same rows
				const back = parseCsv(toCsv(header, v.children as never));
				expect(back.rows).toHaveLength(v.children.length);
			}),
			{ numRuns: 1500, seed: 3430 }
		);
	});

	it('never crashes on mutated files, and names file, row and column for every issue', () => {
		const mutation = fc.oneof(
			fc.record({
				kind: fc.constant('cell' as const),
				row: fc.nat(),
				col: fc.nat(),
				value: fc.oneof(
					fc.string(),
					fc.constantFrom('-1', '1e3', '3.5', '', 'NaN', '=1+1', '٣', ' 7 ', '99999999999999999999')
				)
			}),
			fc.record({ kind: fc.constant('dropColumn' as const), col: fc.nat() }),
			fc.record({ kind: fc.constant('renameColumn' as const), col: fc.nat(), value: fc.string() }),
			fc.record({ kind: fc.constant('truncateRow' as const), row: fc.nat(), keep: fc.nat() }),
			fc.record({ kind: fc.constant('garbage' as const), row: fc.nat(), value: fc.string() }),
			fc.record({ kind: fc.constant('duplicate' as const), row: fc.nat() })
		);
		fc.assert(
			fc.property(validFile, fc.array(mutation, { minLength: 1, maxLength: 4 }), (f, muts) => {
				filesChecked++;
				const lines = render({
					...f,
					semicolon: false,
					bom: false,
					crlf: false,
					comment: false
				}).split('\n');
				const table = lines.filter((l) => l !== '').map((l) => l.split(','));
				for (const m of muts) {
					const body = table.length - 1;
					if (m.kind === 'cell' && body > 0)
						table[1 + (m.row % body)][m.col % header.length] = m.value.replace(/[,\n\r"]/g, '');
					if (m.kind === 'dropColumn') for (const r of table) r.splice(m.col % r.length, 1);
					if (m.kind === 'renameColumn')
						table[0][m.col % table[0].length] = m.value.replace(/[,\n\r"]/g, '') || 'x';
					if (m.kind === 'truncateRow' && body > 0)
						table[1 + (m.row % body)].length = m.keep % header.length;
					if (m.kind === 'garbage')
						table.splice(1 + (m.row % (body + 1)), 0, [m.value.replace(/[\n\r"]/g, '')]);
					if (m.kind === 'duplicate' && body > 0) table.push([...table[1 + (m.row % body)]]);
				}
				const text = table.map((r) => r.join(',')).join('\n');
				const v = validateReport('bad.csv', text, ctx);
				for (const i of v.issues) {
					expect(i.file).toBe('bad.csv');
					expect(i.row).toBeGreaterThanOrEqual(1);
					expect(typeof i.column).toBe('string');
					expect(i.column.length, JSON.stringify(i)).toBeGreaterThan(0);
					expect(i.message.vi.length).toBeGreaterThan(0);
					expect(i.message.en.length).toBeGreaterThan(0);
				}
				// What passes is still sound: counts whole and non-negative, numerators within denominators.
				for (const r of v.children) {
					for (const c of childCountColumns)
						expect(Number.isInteger(r[c]) && (r[c] as number) >= 0).toBe(true);
					expect(r.accessed).toBeLessThanOrEqual(r.children as number);
					expect(r.skills).toBeLessThanOrEqual(r.children as number);
				}
			}),
			{ numRuns: 2500, seed: 1438 }
		);
	});

	it('never yields NaN, negative or over-100% rates from accepted rows', () => {
		fc.assert(
			fc.property(
				fc.uniqueArray(childRow, { selector: keyOf, minLength: 1, maxLength: 30 }),
				(rows) => {
					filesChecked++;
					const v = validateReport('r.csv', toCsv(header, rows as never), ctx);
					const sum = (c: string) => v.children.reduce((n, r) => n + (r[c as never] as number), 0);
					const row = readRow(
						{
							children: sum('children'),
							accessed: sum('accessed'),
							skills: sum('skills'),
							// an upload's cells: nothing hidden
							children_suppressed: false,
							accessed_suppressed: false,
							skills_suppressed: false
						},
						0
					);
					for (const rate of [row.access_rate, row.skills_rate]) {
						if (rate.value === null) continue;
						expect(Number.isNaN(rate.value)).toBe(false);
						expect(rate.value).toBeGreaterThanOrEqual(0);
						expect(rate.value).toBeLessThanOrEqual(100);
					}
				}
			),
			{ numRuns: 1000, seed: 2018 }
		);
		expect(filesChecked).toBeGreaterThanOrEqual(5000);
	});
});
