import { describe, expect, test } from 'vitest';
import { loadPlan } from '../load';
import { wardPlan } from '../fixtures';
import type { Manifest } from '../../published';
import { breakdownOptions, defaultQuery, normaliseQuery } from './choices';
import { resultCsv, resultFileName } from './export';
import { exploreModel } from './model';
import { runQuery, type ExploreQuery } from './query';
import { cellText, describeQuery, resultNotes } from './text';
import { querySearch, searchQuery } from './url';
import { data, L, model } from './fixture';

const q = (over: Partial<ExploreQuery>): ExploreQuery => ({ ...defaultQuery(model), ...over });

describe('explorer queries', () => {
	test('the default: the first rate by its first breakdown, latest year, at the deepest level that can split', () => {
		expect(defaultQuery(model)).toEqual({
			choice: 'r:access',
			year: 2023,
			level: 'area',
			unit: '',
			split: 'sex',
			filters: {}
		});
	});

	test('a rate: 12/20 = 60 %, 7/11 = 63.6 %, 9 below the minimum denominator of 10', () => {
		const r = runQuery(model, data, defaultQuery(model));
		expect(r.columns).toEqual([{ category: null }, { category: 'nam' }, { category: 'nu' }]);
		expect(r.rows).toEqual([
			{
				code: 'A',
				name: 'Phường A',
				cells: [
					{ status: 'value', value: 60, numerator: 12, denominator: 20 },
					{ status: 'value', value: 63.6, numerator: 7, denominator: 11 },
					{ status: 'small_denominator', denominator: 9 }
				]
			}
		]);
	});

	test('an overlapping split reads the binary dims; a hidden part hides the rate', () => {
		const r = runQuery(model, data, q({ split: 'cond' }));
		expect(r.rows[0].cells.map((c) => c.status)).toEqual(['value', 'hidden', 'hidden']);
		expect(resultNotes(model, r, 'vi')).toEqual([
			'Đã ẩn: nhóm từ 1 đến 4 người, hoặc số có thể dùng để suy ra một nhóm như vậy, không được công bố.',
			'Một người có thể thuộc nhiều nhóm tình trạng: các cột theo nhóm không cộng lại thành tổng.'
		]);
	});

	test('a count of children in group Y is published (8) while its rate is hidden', () => {
		const r = runQuery(model, data, q({ choice: 'm:children', split: 'cond' }));
		expect(r.rows[0].cells).toEqual([
			{ status: 'value', value: 20 },
			{ status: 'hidden' },
			{ status: 'value', value: 8 }
		]);
	});

	test('outside an overlapping group: its binary dim at 0 (12 children not in Y)', () => {
		const { query } = normaliseQuery(model, {
			choice: 'm:children',
			split: '',
			filters: { cond: '!y' }
		});
		expect(query.filters).toEqual({ cond: '!y' });
		expect(runQuery(model, data, query).rows[0].cells).toEqual([{ status: 'value', value: 12 }]);
		expect(describeQuery(model, query, 'vi')).toBe('Trẻ · 2023 · Phường · Tình trạng: không có Y');
		expect(normaliseQuery(model, { split: '', filters: { sex: '!nam' } }).query.filters).toEqual(
			{}
		);
	});

	test('a combination deeper than the cube is not published, never summed from other rows', () => {
		const r = runQuery(model, data, q({ filters: { cond: 'x' } }));
		expect(r.rows[0].cells.map((c) => c.status)).toEqual([
			'hidden',
			'not_published',
			'not_published'
		]);
	});

	test('a level that publishes totals only drops the split, and lists the units of the year', () => {
		// the default split goes silently; a split asked for is named
		expect(normaliseQuery(model, { level: 'group' }).dropped).toEqual([]);
		const { query, dropped } = normaliseQuery(model, { level: 'group', split: 'sex' });
		expect(dropped).toEqual(['sex']);
		expect(query.split).toBe('');
		const r = runQuery(model, data, query);
		expect(r.rows.map((x) => [x.code, x.cells])).toEqual([
			['g1', [{ status: 'value', value: 66.7, numerator: 8, denominator: 12 }]],
			['g2', [{ status: 'small_denominator', denominator: 8 }]]
		]);
		// g3 lived until mid-2022: listed in 2022 only, where the cube has no row for it
		const r22 = runQuery(model, data, { ...query, year: 2022 });
		expect(r22.rows.map((x) => [x.code, x.cells[0].status])).toEqual([
			['g1', 'not_published'],
			['g2', 'not_published'],
			['g3', 'not_published']
		]);
	});

	test('unit facts: a protected hidden count, a count not reported, counts of units', () => {
		const staff = runQuery(
			model,
			data,
			normaliseQuery(model, { choice: 'm:staff', level: 'group' }).query
		);
		expect(staff.rows.map((x) => x.cells[0].status)).toEqual(['hidden', 'missing']);
		const fam = runQuery(model, data, normaliseQuery(model, { choice: 'm:families' }).query);
		expect(fam.columns).toHaveLength(1);
		expect(fam.rows[0].cells).toEqual([{ status: 'value', value: 2 }]);
	});

	test('a filter takes the place of the split only where the depth allows', () => {
		const { query, dropped } = normaliseQuery(model, { split: 'sex', filters: { cond: 'y' } });
		expect(dropped).toEqual(['cond']);
		expect(query.filters).toEqual({});
		expect(breakdownOptions(model, query)).toEqual([
			{ id: 'sex', canSplit: true, canFilter: false },
			{ id: 'cond', canSplit: true, canFilter: false }
		]);
		expect(breakdownOptions(model, { ...query, split: '' })).toEqual([
			{ id: 'sex', canSplit: true, canFilter: true },
			{ id: 'cond', canSplit: true, canFilter: true }
		]);
		const one = normaliseQuery(model, { split: '', filters: { cond: 'y', sex: 'zz' } }).query;
		expect(one.filters).toEqual({ cond: 'y' });
		expect(runQuery(model, data, { ...one, choice: 'm:children' }).rows[0].cells).toEqual([
			{ status: 'value', value: 8 }
		]);
	});

	test('a query survives its address; unknown values fall back to the default', () => {
		const d = defaultQuery(model);
		expect(querySearch(d, d)).toBe('');
		const mine: ExploreQuery = { ...d, choice: 'm:children', split: '', filters: { cond: 'x' } };
		const s = querySearch(mine, d);
		expect(s).toBe('?m=m%3Achildren&s=&f.cond=x');
		expect(normaliseQuery(model, searchQuery(new URLSearchParams(s))).query).toEqual(mine);
		const odd = searchQuery(new URLSearchParams('?m=r:nope&y=1999&l=x&u=zz'));
		expect(normaliseQuery(model, odd).query).toEqual(d);
	});

	test('words: caption and cells in both languages', () => {
		const d = q({ filters: {}, split: 'cond' });
		expect(describeQuery(model, d, 'vi')).toBe(
			'Tiếp cận (tỷ lệ %) · 2023 · Phường · theo Tình trạng'
		);
		expect(describeQuery(model, { ...d, split: '', filters: { cond: 'x' }, unit: 'A' }, 'en')).toBe(
			'Access (rate %) · 2023 · Ward: Phường A · Condition: in X'
		);
		expect(cellText({ status: 'value', value: 63.6 }, true, 'vi')).toBe('63,6%');
		expect(cellText({ status: 'value', value: 1234 }, false, 'en')).toBe('1,234');
		expect(cellText({ status: 'hidden' }, false, 'vi')).toBe('Đã ẩn');
	});

	test('CSV: BOM, the notice first, one line per unit and column, formulas neutralised', () => {
		const r = runQuery(model, data, normaliseQuery(model, { level: 'group' }).query);
		const csv = resultCsv(model, r, 'what it holds');
		expect(csv.startsWith('\uFEFF# MINH HỌA / ILLUSTRATIVE\n# what it holds\n')).toBe(true);
		expect(csv.slice(1).split('\n').slice(2)).toEqual([
			'year,level,unit_code,unit_name,sex,cond,measure,value,numerator,denominator,status',
			"2023,group,g1,'=Tổ 1,all,all,access,66.7,8,12,value",
			'2023,group,g2,Tổ 2,all,all,access,,,,small_denominator',
			''
		]);
		const split = resultCsv(model, runQuery(model, data, defaultQuery(model)), 'x');
		expect(split.split('\n').slice(4, 6)).toEqual([
			'2023,area,A,Phường A,nam,all,access,63.6,7,11,value',
			'2023,area,A,Phường A,nu,all,access,,,,small_denominator'
		]);
		expect(resultFileName(model, r)).toBe('test_access_2023_group.csv');
	});
});

describe('explorer model from a plan file and its manifest', () => {
	test('measures, rates and breakdowns come from the plan and the published columns', () => {
		const r = loadPlan(wardPlan());
		if (!r.ok) throw new Error('fixture');
		const col = (name: string, extra = {}) => ({ name, label: L(name), ...extra });
		const manifest = {
			years: [2023],
			tables: [
				{
					name: 'cube_cwd',
					files: [{ path: 'cube_cwd.json', format: 'json' }],
					columns: [
						col('year'),
						col('sex'),
						col('children'),
						col('accessed'),
						col('children_suppressed'),
						col('accessed_suppressed')
					]
				},
				{ name: 'reporting', files: [{ path: 'reporting.json', format: 'json' }], columns: [] }
			]
		} as unknown as Manifest;
		const units = [model.units[0], { ...model.units[1], level: 'group' }];
		const m = exploreModel(r.plan, manifest, units, null)!;
		expect(m.tables).toEqual([
			{
				name: 'cube_cwd',
				file: 'cube_cwd.json',
				breakdowns: ['sex'],
				measures: ['children', 'accessed'],
				protectedMeasures: ['children', 'accessed']
			}
		]);
		expect(m.choices.map((c) => [c.key, c.breakdowns, c.label.vi])).toEqual([
			['r:access', ['sex'], 'Tiếp cận'],
			// the population's first count takes its name; another, the rate it is part of
			['m:children', ['sex'], 'TEKT'],
			['m:accessed', ['sex'], 'Tử số của: Tiếp cận']
		]);
		// the fixture's levels are ward and group; only levels with units are offered
		expect(m.levels.map((l) => l.id)).toEqual(['group']);
	});
});
