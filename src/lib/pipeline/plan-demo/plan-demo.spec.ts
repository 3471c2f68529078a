/**
 * The illustrative datasets of the plan files, checked against oracles outside the generator:
 * the ranges each data/calibration/<plan-id>.json states, the contract's file and column names written out by
 * hand, the unit lists' own facts (161 Hưng Yên communes, Mỹ Hào's change), and byte hashes.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsvText } from '../../domain/intake/csv-stream';
import { loadPlan } from '../../domain/plan/load';
import type { PlanSpec } from '../../domain/plan/types';
import { parseUnitList, unitsInYear, type UnitVersion } from '../../domain/plan/unit-list';
import { intakeFormat } from '../../domain/plan/intake-format';
import { readDatasetFolder } from '../plans/read-dataset';
import { validateFiles } from '../plans/validate';
import { generatePlanData, type Calibration } from '.';

const PLANS = ['langson-city-2024', 'huong-an-80-2019', 'huong-an-79-2019', 'hungyen-647'];

const levelsOf = (plan: PlanSpec) => plan.geography.levels.map((l) => l.id);
function versions(file: string, levels: string[]): UnitVersion[] {
	const r = parseUnitList(readFileSync(file, 'utf8'), file, levels);
	expect(r.issues).toEqual([]);
	return r.versions;
}

function load(file: string) {
	const r = loadPlan(JSON.parse(readFileSync(`data/plans/${file}.json`, 'utf8')));
	if (!r.ok) throw new Error(JSON.stringify(r.errors));
	const plan = r.plan;
	const dir = `data/datasets/${plan.id}`;
	const cal = JSON.parse(readFileSync(`data/calibration/${plan.id}.json`, 'utf8')) as Calibration;
	const units = versions(plan.geography.unitsFile!, levelsOf(plan));
	return { plan, dir, cal, units };
}

interface Table {
	comments: string[];
	header: string[];
	rows: Record<string, string>[];
}
function readTable(text: string): Table {
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

/** Every committed CSV of a dataset folder, by name. */
function tables(dir: string): Map<string, Table> {
	const out = new Map<string, Table>();
	for (const f of readdirSync(dir).sort())
		if (f.endsWith('.csv')) out.set(f, readTable(readFileSync(join(dir, f), 'utf8')));
	return out;
}

/** The whole area's total of a measure in a year: the sum over the rows of that year's files. */
function total(all: Map<string, Table>, measure: string, year: number): number {
	let s = 0;
	for (const [name, t] of all)
		if (name.endsWith(`-${year}.csv`) && t.header.includes(measure))
			for (const r of t.rows) s += r[measure] === '' ? 0 : Number(r[measure]);
	return s;
}

const sha = (files: { name: string; text: string }[]) => {
	const h = createHash('sha256');
	for (const f of files) h.update(f.name + '\0' + f.text + '\0');
	return h.digest('hex').slice(0, 16);
};

describe.each(PLANS)('illustrative dataset of %s', (file) => {
	const { plan, dir, cal, units } = load(file);
	const all = tables(dir);
	const years = Array.from(
		{ length: plan.years.last - plan.years.first + 1 },
		(_, i) => plan.years.first + i
	);

	it('is what the generator writes, byte for byte, and the same seed gives the same bytes', () => {
		const a = generatePlanData(plan, units, cal);
		const b = generatePlanData(plan, units, cal);
		expect(sha(a)).toBe(sha(b));
		for (const f of a) expect(readFileSync(join(dir, f.name), 'utf8'), f.name).toBe(f.text);
		const other = generatePlanData(plan, units, cal, cal.seed + 1);
		expect(sha(other)).not.toBe(sha(a));
	});

	it('is labelled illustrative in dataset.json and on the first line of every file', () => {
		const info = JSON.parse(readFileSync(join(dir, 'dataset.json'), 'utf8'));
		expect(info).toMatchObject({ illustrative: true, asOf: cal.asOf, licence: 'CC-BY-4.0' });
		expect(info.source.vi).toContain(`${cal.seed}`);
		expect(info.source.en).toContain('scripts/generate-plan-data.ts');
		for (const [name, t] of all) {
			expect(t.comments[0], name).toMatch(/^DỮ LIỆU MINH HỌA.*ILLUSTRATIVE DATA/);
			expect(t.header.slice(0, 3), name).toEqual(['unit_code', 'unit_name', 'year']);
		}
	});

	it.each(cal.expect.map((e) => [`${e.measure}${e.per ? ' / ' + e.per : ''}`, e] as const))(
		'falls in the calibration range: %s',
		(_, e) => {
			for (const y of years) {
				const v = total(all, e.measure, y) / (e.per ? total(all, e.per, y) : 1);
				expect(v, `${y}`).toBeGreaterThanOrEqual(e.min);
				expect(v, `${y}`).toBeLessThanOrEqual(e.max);
			}
		}
	);

	it('keeps every atMost within each row, and overlapping columns 0/1 with one 1 at least', () => {
		for (const [name, t] of all)
			for (const r of t.rows) {
				for (const m of plan.measures)
					if (m.atMost && r[m.id] !== undefined && r[m.id] !== '')
						expect(Number(r[m.id]), `${name} ${r.unit_code} ${m.id}`).toBeLessThanOrEqual(
							Number(r[m.atMost])
						);
				for (const b of plan.breakdowns.filter((x) => x.overlapping)) {
					const cols = b.categories.map((c) => `${b.id}_${c.code}`).filter((c) => c in r);
					if (cols.length === 0) continue;
					for (const c of cols) expect(['0', '1']).toContain(r[c]);
					expect(
						cols.some((c) => r[c] === '1'),
						`${name} ${r.unit_code}`
					).toBe(true);
				}
			}
	});

	it('names records only for units valid that year, never twice for one key', () => {
		for (const y of years) {
			const valid = new Map(
				unitsInYear(units, y, levelsOf(plan)).units.map((u) => [u.code, u.name])
			);
			for (const [name, t] of all) {
				if (!name.endsWith(`-${y}.csv`)) continue;
				const keys = new Set<string>();
				for (const r of t.rows) {
					expect(valid.get(r.unit_code), `${name} ${r.unit_code}`).toBe(r.unit_name);
					expect(r.year).toBe(String(y));
					const key = t.header
						.filter((h) => !plan.measures.some((m) => m.id === h))
						.map((h) => r[h])
						.join('|');
					expect(keys.has(key), `${name} ${key}`).toBe(false);
					keys.add(key);
				}
			}
		}
	});
});

/** Hand-written from contract §2 and the plan files: the oracle for the derived names. */
describe('file and column names (contract §2)', () => {
	const names = (id: string) => readdirSync(`data/datasets/${id}`).sort();
	const head = (id: string, f: string) =>
		readTable(readFileSync(`data/datasets/${id}/${f}`, 'utf8')).header.join(',');

	it('Lạng Sơn city: one year, cwd and screened records, one units file', () => {
		expect(names('langson-city-2024')).toEqual([
			'cwd-2024.csv',
			'dataset.json',
			'screened-2024.csv',
			'units-2024.csv'
		]);
		expect(head('langson-city-2024', 'screened-2024.csv')).toBe(
			'unit_code,unit_name,year,condition_cleft,condition_motor,condition_burn,condition_eye,condition_ear,' +
				'condition_urogenital,condition_tumour,sex,screened,surgery_indicated,operated_free'
		);
		expect(head('langson-city-2024', 'units-2024.csv')).toBe(
			'unit_code,unit_name,year,caregivers,caregivers_trained,staff,staff_trained,communication_done,report_submitted'
		);
	});

	it('Hưng Yên: csec by overlapping circumstance and sex; units file at province and district level', () => {
		expect(head('hungyen-647', 'csec-2016.csv')).toBe(
			'unit_code,unit_name,year,circumstance_orphan,circumstance_abandoned,circumstance_hiv,' +
				'circumstance_agent_orange,circumstance_severe_disability,circumstance_disaster,sex,csec,csec_assisted'
		);
		expect(head('hungyen-647', 'units-2016.csv')).toBe(
			'unit_code,unit_name,year,foster_families,facilities_upgraded,database_built,report_h_submitted'
		);
	});

	it('Hương An 79: children to age 8 by sex and age band; the combined-rate measures in the units file', () => {
		expect(head('huong-an-79', 'children_0_8-2020.csv')).toBe(
			'unit_code,unit_name,year,sex,age_0_8,children_0_8,accessed_ecd'
		);
		expect(head('huong-an-79', 'units-2020.csv')).toBe(
			'unit_code,unit_name,year,staff,staff_trained,caregivers,caregivers_trained,report_year_submitted'
		);
	});
});

describe('units and dates the geography implies', () => {
	const read = (id: string, f: string) =>
		readTable(readFileSync(`data/datasets/${id}/${f}`, 'utf8')).rows;

	it('Hưng Yên: 161 communes report records every year; 11 units (province + 10 districts) in the units file', () => {
		for (let y = 2013; y <= 2020; y++) {
			expect(new Set(read('hungyen-647', `csec-${y}.csv`).map((r) => r.unit_code)).size).toBe(161);
			const u = read('hungyen-647', `units-${y}.csv`);
			expect(u.map((r) => r.unit_code)).toEqual([
				'33',
				'323',
				'325',
				'326',
				'327',
				'328',
				'329',
				'330',
				'331',
				'332',
				'333'
			]);
			// the semi-annual report is a district duty: the province row has no date
			expect(u[0].report_h_submitted).toBe('');
			expect(u[0].foster_families).toBe('');
		}
		const myHao = (y: number) =>
			read('hungyen-647', `units-${y}.csv`).find((r) => r.unit_code === '328')!.unit_name;
		expect(myHao(2018)).toBe('Huyện Mỹ Hào');
		expect(myHao(2019)).toBe('Thị xã Mỹ Hào');
		const banYenNhan = (y: number) =>
			read('hungyen-647', `csec-${y}.csv`).find((r) => r.unit_code === '12103')!.unit_name;
		expect(banYenNhan(2018)).toBe('Thị trấn Bần Yên Nhân');
		expect(banYenNhan(2019)).toBe('Phường Bần Yên Nhân');
	});

	it('Hương An: the ward alone, reporting for its tổ dân phố; no 2018 annual report (due before the plan)', () => {
		for (const id of ['huong-an-80', 'huong-an-79']) {
			const rows2018 = read(id, 'units-2018.csv');
			expect(rows2018.map((r) => r.unit_code)).toEqual(['20023']);
			expect(rows2018[0].report_year_submitted).toBe('');
			expect(rows2018[0].caregivers).not.toBe('');
			for (let y = 2018; y <= 2025; y++) {
				const recs = read(id, `${id === 'huong-an-80' ? 'cwd' : 'children_0_8'}-${y}.csv`);
				expect(new Set(recs.map((r) => r.unit_code))).toEqual(new Set(['20023']));
			}
		}
	});

	it('Lạng Sơn city: 8 communes; report dates only for communes, within weeks of 1 November 2024', () => {
		const u = read('langson-city-2024', 'units-2024.csv');
		expect(u.length).toBe(9);
		expect(u[0]).toMatchObject({ unit_code: '178', report_submitted: '', caregivers: '' });
		const dates = u
			.slice(1)
			.map((r) => r.report_submitted)
			.filter((d) => d !== '');
		expect(dates.length).toBeGreaterThan(0);
		for (const d of dates) {
			expect(d >= '2024-09-01' && d <= '2024-12-31', d).toBe(true);
		}
		expect(
			new Set(read('langson-city-2024', 'screened-2024.csv').map((r) => r.unit_code)).size
		).toBe(8);
	});
});

describe('unit list versions (the data files, read by the engine unit list)', () => {
	const hy = ['province', 'district', 'commune'];
	it('Hưng Yên 2013: 172 units, the five moved communes under Thành phố Hưng Yên on 31 December', () => {
		const y2013 = unitsInYear(versions('data/geo/hungyen/units.csv', hy), 2013, hy);
		expect(y2013.units.length).toBe(172);
		expect(y2013.leaves.size).toBe(161);
		for (const c of ['12331', '12334', '12382', '12385', '12388'])
			expect(y2013.byCode.get(c)!.parent, c).toBe('323');
		expect(y2013.byCode.get('323')!.children.length).toBe(17);
	});
	it('Hưng Yên 2019: Mỹ Hào is a thị xã with 7 phường', () => {
		const y = unitsInYear(versions('data/geo/hungyen/units.csv', hy), 2019, hy);
		expect(y.byCode.get('328')!.type).toBe('Thị xã');
		const kids = y.byCode.get('328')!.children.map((c) => y.byCode.get(c)!.type);
		expect(kids.filter((t) => t === 'Phường').length).toBe(7);
	});
	it('keeps the ward in 2025, the year it merged (2025-07-01), and drops it after', () => {
		const lv = ['ward', 'residential_group'];
		const ward = versions('data/geo/huong-an/units.csv', lv);
		expect(unitsInYear(ward, 2025, lv).units.map((u) => u.code)).toEqual(['20023']);
		expect(unitsInYear(ward, 2026, lv).units).toEqual([]);
	});
	it('exists for every plan that has a dataset, with its boundaries', () => {
		for (const f of PLANS) {
			const p = (
				loadPlan(JSON.parse(readFileSync(`data/plans/${f}.json`, 'utf8'))) as { plan: PlanSpec }
			).plan;
			expect(existsSync(p.geography.unitsFile!), f).toBe(true);
			for (const l of p.geography.levels)
				if (l.boundaries) expect(existsSync(l.boundaries), l.boundaries).toBe(true);
		}
	});
});

/** The engine's own intake check (the pipeline's first step) reads every dataset without an issue. */
describe.each(PLANS)('the runtime accepts the dataset of %s', (file) => {
	it('with no issue from readDatasetFolder + validateFiles', async () => {
		const { plan, dir, units } = load(file);
		const levels = levelsOf(plan);
		const folder = await readDatasetFolder(dir, intakeFormat(plan));
		const checked = validateFiles(folder.files, (y) => unitsInYear(units, y, levels), levels);
		expect([...folder.issues, ...checked.issues]).toEqual([]);
		expect(folder.dataset?.illustrative).toBe(true);
		expect(folder.files.length).toBe(readdirSync(dir).filter((f) => f.endsWith('.csv')).length);
	});
});
