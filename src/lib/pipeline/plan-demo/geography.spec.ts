/**
 * The datasets' names and units against hand-written oracles: contract §2's file and column names
 * for these plans, and the unit lists' own facts (161 Hưng Yên communes, Mỹ Hào's change, the ward alone).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPlan } from '../../domain/plan/load';
import type { PlanSpec } from '../../domain/plan/types';
import { unitsInYear } from '../../domain/plan/unit-list';
import { PLANS, readTable, versions } from './spec-read';

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
