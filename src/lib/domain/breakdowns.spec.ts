/**
 * The home plan's breakdowns and columns as the pages read them (from the generated shape),
 * against expectations written by hand from data/plans/kontum-3430.json's text and the intake
 * format (data/README.md): the values breakdowns.ts used to spell out.
 */
import { describe, expect, it } from 'vitest';
import {
	ALL,
	breakdown,
	breakdownIds,
	breakdowns,
	categoryLabel,
	childCountBounds,
	childCountColumns,
	cubePopulation,
	cubeRates,
	mainBreakdown
} from './breakdowns';
import { childrenBounds, childrenColumns, detectKind } from './intake/schema';
import { measures } from './explorer';
import { exportMeasures, integerColumns } from './explorer-export';

describe('the home plan shape (Kon Tum 3430)', () => {
	it('cuts the children with disabilities by 5 breakdowns, in the plan order', () => {
		expect(cubePopulation).toBe('cwd');
		expect(breakdownIds).toEqual(['disability_type', 'severity', 'sex', 'age_band', 'ethnicity']);
		expect(breakdowns.map((b) => b.categories.length)).toEqual([6, 3, 2, 3, 2]);
		expect(mainBreakdown.id).toBe('disability_type');
	});
	it('has the 6 disability types of Law 51/2010 Art. 3 with their codes and labels', () => {
		expect(breakdown('disability_type').label).toEqual({ vi: 'Dạng tật', en: 'Disability type' });
		expect(breakdown('disability_type').categories.map((c) => [c.code, c.label.vi])).toEqual([
			['1', 'Khuyết tật vận động'],
			['2', 'Khuyết tật nghe, nói'],
			['3', 'Khuyết tật nhìn'],
			['4', 'Khuyết tật thần kinh, tâm thần'],
			['5', 'Khuyết tật trí tuệ'],
			['6', 'Khuyết tật khác']
		]);
		expect(breakdown('disability_type').categories.map((c) => c.label.en)).toEqual([
			'Physical / mobility disability',
			'Hearing and speech disability',
			'Visual disability',
			'Neurological and psychosocial disability',
			'Intellectual disability',
			'Other disability'
		]);
	});
	it('has the other breakdowns’ codes of the intake format', () => {
		const codes = (id: string) => breakdown(id).categories.map((c) => c.code);
		expect(codes('severity')).toEqual(['1', '2', '3']);
		expect(codes('sex')).toEqual(['nam', 'nu']);
		expect(codes('age_band')).toEqual(['0-5', '6-10', '11-15']);
		expect(codes('ethnicity')).toEqual(['kinh', 'dtts']);
		expect(() => breakdown('religion')).toThrow(/Unknown breakdown religion/);
	});
	it('labels categories, "all" and unknown codes', () => {
		expect(categoryLabel('severity', '1', 'vi')).toBe('Khuyết tật đặc biệt nặng');
		expect(categoryLabel('severity', '1', 'en')).toBe('Extremely severe');
		expect(categoryLabel('sex', 'nu', 'en')).toBe('Girls');
		expect(categoryLabel('age_band', '0-5', 'vi')).toBe('0–5 tuổi (mầm non)');
		expect(categoryLabel('ethnicity', 'dtts', 'en')).toBe('Ethnic minority');
		expect(categoryLabel('sex', ALL, 'vi')).toBe('Tất cả');
		expect(categoryLabel('sex', 'x', 'en')).toBe('x');
	});
	it('carries 7 counts in every cell, in the plan order', () => {
		expect(childCountColumns).toEqual([
			'children',
			'accessed',
			'accessed_health',
			'accessed_education',
			'accessed_social',
			'accessed_protection',
			'skills'
		]);
		expect(childrenColumns.counts).toEqual([...childCountColumns]);
		expect(childrenColumns.key).toEqual([
			'commune_code',
			'year',
			'disability_type',
			'severity',
			'sex',
			'age_band',
			'ethnicity'
		]);
	});
	it('bounds each count by its atMost, totals first (the order the intake lists issues in)', () => {
		const expected = [
			['accessed', 'children'],
			['skills', 'children'],
			['accessed_health', 'accessed'],
			['accessed_education', 'accessed'],
			['accessed_social', 'accessed'],
			['accessed_protection', 'accessed']
		];
		expect(childCountBounds).toEqual(expected);
		expect(childrenBounds).toEqual(expected);
	});
	it('reads the two rates over the cube, and the explorer the counts they are made of', () => {
		expect(cubeRates).toEqual([
			{ id: 'access', numerator: 'accessed', denominator: 'children' },
			{ id: 'skills', numerator: 'skills', denominator: 'children' }
		]);
		expect(measures).toEqual(['children', 'accessed', 'skills']);
		expect(exportMeasures).toEqual([
			'children',
			'accessed',
			'skills',
			'access_rate',
			'skills_rate'
		]);
		expect([...integerColumns]).toEqual(['year', 'children', 'accessed', 'skills']);
	});
	it('tells a children file by its first breakdown or its commune column', () => {
		expect(detectKind(['disability_type', 'year'])).toBe('children');
		expect(detectKind(['commune_code'])).toBe('children');
		expect(detectKind(['unit_code', 'year'])).toBe('units');
		expect(detectKind(['sex'])).toBeNull();
	});
});
