/**
 * The national bench's data at sample size: scripts/bench-national.ts's own generator for 2 of
 * its 63 provinces (`shapeAt(2 / 63)`: 2 provinces, 22 districts, 337 communes, provinces of the
 * national size, 8 years), run through the real pipeline into a temporary folder. The whole
 * country (npm run bench:national) takes minutes; this takes well under one.
 *
 * The publication is then attacked as a reader would: readPublishedFolder + auditTables (every
 * table at once, per year), judged against true counts worked out here from the generated
 * report files alone (plain sums, not the pipeline's aggregation), which must also agree with
 * every value the publication shows.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateNational, shapeAt } from '../../../scripts/bench-national';
import { auditTables, type AuditResult } from './audit/audit';
import { buildCellSystem, type Cell, type ReadTable } from './audit/cell-system';
import { readPublishedFolder, type PublishedFolder } from './audit/read-published';
import { runPipeline, type PipelineResult } from './run';

import {
	BREAKDOWNS,
	CHILD_COUNTS,
	UNIT_COUNTS as PEOPLE_COUNTS,
	type Level
} from './fixtures/truth';

let tmp: string;
let result: PipelineResult;
let folder: PublishedFolder | undefined;
const seconds: Record<string, number> = {};

/** A report CSV after its notice line. */
async function readReport(file: string): Promise<Record<string, string>[]> {
	const text = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '').replace(/^#.*\r?\n/, '');
	return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
}

/** The true counts: every unit × year × combination of up to depth[level] breakdowns. */
class Truth {
	readonly children = new Map<string, number[]>();
	readonly people = new Map<string, (number | null)[]>();

	constructor(
		private readonly parent: Map<string, string>,
		private readonly level: Map<string, Level>
	) {}

	async read(reports: string, depth: Record<Level, number>): Promise<void> {
		const subsets: number[][] = [];
		for (let mask = 0; mask < 1 << BREAKDOWNS.length; mask++)
			subsets.push(BREAKDOWNS.map((_, i) => i).filter((i) => mask & (1 << i)));
		const files = (await readdir(reports)).sort();
		for (const f of files.filter((f) => f.startsWith('children-')))
			for (const r of await readReport(path.join(reports, f))) {
				const counts = CHILD_COUNTS.map((c) => Number(r[c]));
				for (let u: string | undefined = r.commune_code; u; u = this.parent.get(u)) {
					const level = this.level.get(u);
					if (!level) break; // the country: no row of its own
					for (const set of subsets) {
						if (set.length > depth[level]) continue;
						const key = [r.year, u, ...BREAKDOWNS.map((b, i) => (set.includes(i) ? r[b] : 'all'))];
						const sums = this.children.get(key.join('|'));
						if (sums) counts.forEach((v, i) => (sums[i] += v));
						else this.children.set(key.join('|'), [...counts]);
					}
				}
			}
		for (const f of files.filter((f) => f.startsWith('units-')))
			for (const r of await readReport(path.join(reports, f))) {
				// a district's or province's own row has dates and a flag; its people are its communes'
				if (this.level.get(r.unit_code) !== 'commune') continue;
				const own = PEOPLE_COUNTS.map((c) => (r[c] === '' ? null : Number(r[c])));
				for (
					let u: string | undefined = r.unit_code;
					u && this.level.has(u);
					u = this.parent.get(u)
				) {
					const key = `${r.year}|${u}`;
					const sums = this.people.get(key);
					if (!sums) this.people.set(key, [...own]);
					else own.forEach((v, i) => v !== null && (sums[i] = (sums[i] ?? 0) + v));
				}
			}
	}

	/** The true value of a count in a published row (a table without a breakdown stands for 'all'). */
	value(row: Record<string, unknown>, column: string): number | null | undefined {
		const c = CHILD_COUNTS.indexOf(column);
		if (c >= 0) {
			const values = BREAKDOWNS.map((b) => (row[b] === undefined ? 'all' : String(row[b])));
			return this.children.get([row.year, row.unit_code, ...values].join('|'))?.[c] ?? 0;
		}
		const p = PEOPLE_COUNTS.indexOf(column);
		if (p >= 0) return this.people.get(`${row.year}|${row.unit_code}`)?.[p] ?? null;
		return undefined;
	}

	of(tables: ReadTable[]): (cell: Cell) => number | undefined {
		const byName = new Map(tables.map((t) => [t.name, t]));
		return (cell) => {
			const row = byName.get(cell.table)?.rows[cell.row];
			return row ? (this.value(row, cell.column) ?? undefined) : undefined;
		};
	}
}

let truth: Truth;

beforeAll(async () => {
	tmp = await mkdtemp(path.join(os.tmpdir(), 'tekt-national-sample-'));
	let t0 = performance.now();
	const data = generateNational(tmp, shapeAt(2 / 63));
	seconds.generate = (performance.now() - t0) / 1000;
	expect(data.shape).toEqual({ provinces: 2, districts: 22, communes: 337 });
	t0 = performance.now();
	result = await runPipeline({ root: tmp, plan: 'plan.json', reports: 'reports', out: 'out' });
	seconds.pipeline = (performance.now() - t0) / 1000;
	if (result.ok) folder = await readPublishedFolder(path.join(tmp, 'out'));

	// the unit tree and the depths from the generated code list and plan, the counts from the reports
	const units = Papa.parse<Record<string, string>>(
		await readFile(path.join(tmp, 'data/geo/national-units.csv'), 'utf8'),
		{ header: true, skipEmptyLines: true }
	).data;
	const parent = new Map<string, string>();
	const level = new Map<string, Level>();
	for (const u of units) {
		level.set(u.code, u.level as Level);
		if (u.level === 'commune') parent.set(u.code, u.district_code);
		if (u.level === 'district') parent.set(u.code, u.province_code);
	}
	const plan = JSON.parse(await readFile(path.join(tmp, 'plan.json'), 'utf8'));
	truth = new Truth(parent, level);
	await truth.read(path.join(tmp, 'reports'), plan.publication.breakdownDepth);
}, 120_000);

afterAll(async () => {
	console.log(`national sample: ${JSON.stringify(seconds)}`);
	if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe('the national bench sample (2 provinces), through the real pipeline', () => {
	it('publishes', () => {
		expect(result.problems).toEqual([]);
		expect(result.ok).toBe(true);
	});

	it('the attack on the published files, judged by counts from the reports, finds nothing', async () => {
		if (!folder) throw new Error('nothing was published');
		const judge = truth.of(folder.tables);
		// the truth read here agrees with every value published, and covers every hidden count
		const system = buildCellSystem(folder.tables, folder.units);
		const wrong: string[] = [];
		let hidden = 0;
		let compared = 0;
		for (const c of system.cells) {
			if (!c.protected) continue;
			const t = judge(c);
			if (c.value === null) {
				hidden++;
				if (t === undefined) wrong.push(`${c.key}: hidden, no true value`);
			} else if (t !== undefined) {
				compared++;
				if (t !== c.value) wrong.push(`${c.key}: published ${c.value}, reports say ${t}`);
			}
		}
		expect(wrong.slice(0, 10)).toEqual([]);
		expect(hidden).toBeGreaterThan(0);
		expect(compared).toBeGreaterThan(hidden);

		const t0 = performance.now();
		const audit: AuditResult = await auditTables(folder.tables, folder.units, {
			rule: folder.manifest.protection.rule,
			truth: judge
		});
		seconds.audit = (performance.now() - t0) / 1000;
		console.log(
			`national sample audit: ${audit.hiddenValues} hidden counts, ${audit.smallGroups} small groups, ${audit.disclosures.length} disclosures, ${audit.seconds.toFixed(1)} s`
		);
		expect(audit.problems).toEqual([]);
		expect(audit.refuted).toEqual([]);
		expect(audit.disclosures.map((d) => `${d.key} ${d.conclusion}`)).toEqual([]);
		expect(audit.smallGroups).toBeGreaterThan(0);
	}, 60_000);
});
