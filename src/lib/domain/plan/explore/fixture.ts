/** A small explorer model and its published rows, for the spec's hand-worked values. */
import type { ExploreModel } from './model';
import { tableRows, type ExploreData } from './query';

export const L = (vi: string, en = vi) => ({ vi, en });

/** Two levels: the area (1 breakdown per cell) and its groups (totals only); g3 ends in 2022. */
export const model: ExploreModel = {
	planId: 'test',
	years: [2022, 2023],
	levels: [
		{ id: 'area', label: L('Phường', 'Ward'), depth: 1 },
		{ id: 'group', label: L('Tổ', 'Group'), depth: 0 }
	],
	breakdowns: [
		{
			id: 'sex',
			label: L('Giới tính', 'Sex'),
			overlapping: false,
			categories: [
				{ code: 'nam', label: L('Nam', 'Male') },
				{ code: 'nu', label: L('Nữ', 'Female') }
			]
		},
		{
			id: 'cond',
			label: L('Tình trạng', 'Condition'),
			overlapping: true,
			categories: [
				{ code: 'x', label: L('X') },
				{ code: 'y', label: L('Y') }
			]
		}
	],
	tables: [
		{
			name: 'cube_kids',
			file: 'cube_kids.json',
			breakdowns: ['sex', 'cond'],
			measures: ['children', 'accessed'],
			protectedMeasures: ['children', 'accessed']
		},
		{
			name: 'unit_facts',
			file: 'unit_facts.json',
			breakdowns: [],
			measures: ['staff', 'families'],
			protectedMeasures: ['staff']
		}
	],
	choices: [
		{
			key: 'r:access',
			kind: 'rate',
			label: L('Tiếp cận', 'Access'),
			numerator: ['accessed'],
			denominator: ['children'],
			breakdowns: ['sex', 'cond']
		},
		{
			key: 'm:children',
			kind: 'measure',
			label: L('Trẻ', 'Children'),
			numerator: ['children'],
			denominator: [],
			breakdowns: ['sex', 'cond']
		},
		{
			key: 'm:staff',
			kind: 'measure',
			label: L('Cán bộ', 'Staff'),
			numerator: ['staff'],
			denominator: [],
			breakdowns: []
		},
		{
			key: 'm:families',
			kind: 'measure',
			label: L('Gia đình', 'Families'),
			numerator: ['families'],
			denominator: [],
			breakdowns: []
		}
	],
	units: [
		{ code: 'A', name: 'Phường A', type: '', level: 'area', parent: '', from: '', to: '' },
		{ code: 'g1', name: '=Tổ 1', type: '', level: 'group', parent: 'A', from: '', to: '' },
		{ code: 'g2', name: 'Tổ 2', type: '', level: 'group', parent: 'A', from: '', to: '' },
		{ code: 'g3', name: 'Tổ 3', type: '', level: 'group', parent: 'A', from: '', to: '2022-06-30' }
	],
	rule: { min: 1, max: 4, minDenominator: 10 },
	notice: 'MINH HỌA / ILLUSTRATIVE'
};

const cols = ['year', 'level', 'unit_code', 'sex', 'cond_x', 'cond_y'];
const kid = (
	unit: string,
	sex: string,
	x: string,
	y: string,
	children: number | null,
	accessed: number | null
) => [2023, unit === 'A' ? 'area' : 'group', unit, sex, x, y, children, accessed];
export const data: ExploreData = {
	cube_kids: tableRows({
		columns: [...cols, 'children', 'accessed'],
		rows: [
			kid('A', 'all', 'all', 'all', 20, 12),
			kid('A', 'nam', 'all', 'all', 11, 7),
			kid('A', 'nu', 'all', 'all', 9, 5),
			kid('A', 'all', '1', 'all', null, null),
			kid('A', 'all', 'all', '1', 8, null),
			kid('A', 'all', 'all', '0', 12, null),
			kid('g1', 'all', 'all', 'all', 12, 8),
			kid('g2', 'all', 'all', 'all', 8, 4)
		]
	}).map((r) => ({
		...r,
		children_suppressed: r.children === null,
		accessed_suppressed: r.accessed === null
	})),
	unit_facts: [
		{ year: 2023, level: 'area', unit_code: 'A', staff: 30, staff_suppressed: false, families: 2 },
		{
			year: 2023,
			level: 'group',
			unit_code: 'g1',
			staff: null,
			staff_suppressed: true,
			families: 1
		},
		{
			year: 2023,
			level: 'group',
			unit_code: 'g2',
			staff: null,
			staff_suppressed: false,
			families: 1
		}
	]
};
