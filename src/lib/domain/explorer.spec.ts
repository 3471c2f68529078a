import { describe, expect, it } from 'vitest';
import {
	communeFilterAllowed,
	emptyFilters,
	filtersFromParams,
	filtersToParams,
	groupedSql,
	readRow,
	totalSql
} from './explorer';

describe('explorer SQL', () => {
	it('reads the all-cells when nothing is filtered (province level)', () => {
		const sql = totalSql(emptyFilters(2025));
		expect(sql).toContain("disability_type = 'all'");
		expect(sql).toContain("level = 'province'");
		expect(sql).toContain('year = 2025');
	});
	it('sums the chosen categories and districts', () => {
		const f = {
			...emptyFilters(2024),
			disability_type: ['3'],
			sex: ['nam', 'nu'],
			district: ['617'],
			commune: []
		};
		const sql = totalSql(f);
		expect(sql).toContain("disability_type IN ('3')");
		expect(sql).toContain("sex IN ('nam', 'nu')");
		expect(sql).toContain("level = 'district' AND unit_code IN ('617')");
	});
	it("ignores a dimension's own filter when grouping by it (cross-filter)", () => {
		const f = { ...emptyFilters(2025), disability_type: ['3'] };
		const sql = groupedSql(f, 'disability_type');
		expect(sql).toContain("disability_type <> 'all'");
		expect(sql).not.toContain("disability_type IN ('3')");
		expect(groupedSql(f, 'district')).toContain("level = 'district'");
	});
	it('reads commune cells for chosen communes, and groups communes within the chosen district', () => {
		const f = { ...emptyFilters(2025), district: ['617'], commune: ['23404'], sex: ['nu'] };
		expect(totalSql(f)).toContain("level = 'commune' AND unit_code IN ('23404')");
		expect(groupedSql(f, 'commune')).toContain("level = 'commune' AND district_code IN ('617')");
		expect(groupedSql(emptyFilters(2025), 'commune')).toContain('false');
		expect(communeFilterAllowed(f)).toBe(true);
		expect(communeFilterAllowed({ ...f, disability_type: ['3'] })).toBe(false);
	});
	it('escapes quotes in values', () => {
		expect(totalSql({ ...emptyFilters(2025), district: ["6'1"] })).toContain("'6''1'");
	});
});

describe('readRow', () => {
	it('keeps suppressed sums hidden and their rates too, never 0', () => {
		const r = readRow({
			children: null,
			children_suppressed: true,
			accessed: 3,
			accessed_suppressed: false,
			skills: 1,
			skills_suppressed: false
		});
		expect(r.children).toEqual({ value: null, suppressed: true });
		expect(r.access_rate).toEqual({ value: null, suppressed: true });
	});
	it('computes rates from summed numerators and denominators', () => {
		const r = readRow({
			children: 40,
			children_suppressed: false,
			accessed: 30,
			accessed_suppressed: false,
			skills: 10,
			skills_suppressed: false
		});
		expect(r.access_rate.value).toBe(75);
		expect(r.skills_rate.value).toBe(25);
	});
	it('hides a rate on fewer than 5 children and shows none on zero', () => {
		expect(readRow({ children: 0, accessed: 0, skills: 0 }).access_rate).toEqual({
			value: null,
			suppressed: false
		});
	});
});

describe('filters in the URL', () => {
	it('round-trips', () => {
		const f = {
			...emptyFilters(2023),
			disability_type: ['3', '5'],
			district: ['617'],
			commune: []
		};
		const p = new URLSearchParams(filtersToParams(f, 2025));
		const allowed = {
			disability_type: ['1', '2', '3', '4', '5', '6'],
			severity: [],
			sex: [],
			age_band: [],
			ethnicity: [],
			district: ['617'],
			commune: []
		};
		expect(filtersFromParams(p, allowed, [2023, 2025], 2025)).toEqual(f);
	});
	it('drops values that are not allowed', () => {
		const p = new URLSearchParams('disability_type=3,9&year=1999');
		const allowed = {
			disability_type: ['3'],
			severity: [],
			sex: [],
			age_band: [],
			ethnicity: [],
			district: [],
			commune: []
		};
		expect(filtersFromParams(p, allowed, [2025], 2025)).toEqual({
			...emptyFilters(2025),
			disability_type: ['3']
		});
	});
});
