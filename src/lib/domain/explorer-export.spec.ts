import { describe, expect, it } from 'vitest';
import { emptyFilters, type Cell } from './explorer';
import { districtTableExport } from './explorer-export';

const names = {
	district: { '610': 'Huyện Đắk Glei', '617': 'Huyện Tu Mơ Rông' },
	commune: {}
};
const cell = (value: number | null, suppressed = false): Cell => ({ value, suppressed });
const row = (code: string, children: number) => ({
	code,
	cells: {
		children: cell(children),
		accessed: cell(null, true),
		skills: cell(3),
		access_rate: cell(null, true),
		skills_rate: cell(50)
	}
});

describe('district table export', () => {
	const shown = { ...emptyFilters(2024), disability_type: ['3'], district: ['617'] };
	const out = districtTableExport(shown, [row('610', 6), row('617', 9)], 'vi', names, 'Minh họa');

	it('describes each row by its own district, never the chosen one', () => {
		expect(out.rows.map((r) => r.filters)).toEqual([
			'Dạng tật: Khuyết tật nhìn · Huyện: Huyện Đắk Glei',
			'Dạng tật: Khuyết tật nhìn · Huyện: Huyện Tu Mơ Rông'
		]);
	});
	it('says what it holds: label, notes, file name', () => {
		expect(out.label).toBe('bảng 2 huyện, năm 2024');
		expect(out.notes[0]).toBe('Minh họa');
		expect(out.notes[1]).toBe(
			'Tệp này chứa bảng 2 huyện, năm 2024; nhóm: Dạng tật: Khuyết tật nhìn.'
		);
		expect(out.name).toBe('phan-tich-theo-huyen-2024-disability-type-3');
	});
	it('keeps hidden values empty and flagged', () => {
		expect(out.rows[0].accessed).toBeNull();
		expect(out.rows[0].accessed_suppressed).toBe(true);
		expect(out.rows[0].year).toBe(2024);
	});
});
