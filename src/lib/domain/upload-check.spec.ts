import { describe, expect, it } from 'vitest';
import type { IntakeIssue } from './intake/messages';
import { capIssues, cutValue, oversized, uploadFraction, UPLOAD_MAX_BYTES } from './upload-check';

const issue = (row: number, value: string): IntakeIssue => ({
	file: 'a.csv',
	row,
	column: 'children',
	value,
	severity: 'error',
	message: { vi: 'Lỗi', en: 'Error' }
});

describe('upload checks', () => {
	it('states the limit as 10 MB and refuses only files past it', () => {
		expect(UPLOAD_MAX_BYTES).toBe(10485760);
		expect(
			oversized([
				{ name: 'a.csv', size: 10485760 },
				{ name: 'b.csv', size: 10485761 },
				{ name: 'c.csv', size: 0 }
			])
		).toEqual([{ name: 'b.csv', size: 10485761 }]);
	});

	it('cuts a long value to 80 characters and an ellipsis, leaves a short one', () => {
		expect(cutValue('23404')).toBe('23404');
		expect(cutValue('x'.repeat(80))).toBe('x'.repeat(80));
		expect(cutValue('x'.repeat(81))).toBe(`${'x'.repeat(80)}…`);
		expect(cutValue('abcdef', 3)).toBe('abc…');
		// an emoji straddling the cut is dropped whole, not split into half a pair
		expect(cutValue('ab😀c', 3)).toBe('ab…');
	});

	it('lists the first 50 issues of a file and counts the rest', () => {
		const all = Array.from({ length: 120 }, (_, k) =>
			issue(k + 2, k === 0 ? 'y'.repeat(500) : '1')
		);
		const { issues, more } = capIssues(all);
		expect(issues.length).toBe(50);
		expect(more).toBe(70);
		expect(issues[0].row).toBe(2);
		expect(issues[49].row).toBe(51);
		expect(issues[0].value).toBe(`${'y'.repeat(80)}…`);
		expect(capIssues([issue(2, '1')])).toEqual({ issues: [issue(2, '1')], more: 0 });
	});

	it("adds the validator's own unlisted count, without its 'and K more' line", () => {
		// the validator listed 100 issues of 199, then its summary line (row 0)
		const listed = [...Array.from({ length: 100 }, (_, k) => issue(k + 3, '1')), issue(0, '')];
		const { issues, more } = capIssues(listed, 50, 99);
		expect(issues.length).toBe(50);
		expect(issues.every((i) => i.row > 0)).toBe(true);
		expect(more).toBe(149);
	});

	it('weighs the files by size, reading as a tenth of each', () => {
		const sizes = [100, 300];
		expect(uploadFraction({ index: 0, sizes, stage: 'read', done: 0, total: 100 })).toBe(0);
		// half of the first file read: 0.1 × 0.5 × 100 of 400 bytes
		expect(uploadFraction({ index: 0, sizes, stage: 'read', done: 50, total: 100 })).toBeCloseTo(
			0.0125
		);
		// the first file's rows all checked: 100 of 400
		expect(uploadFraction({ index: 0, sizes, stage: 'check', done: 9, total: 9 })).toBe(0.25);
		// second file, half its rows: (100 + 300 × 0.55) / 400
		expect(uploadFraction({ index: 1, sizes, stage: 'check', done: 5, total: 10 })).toBeCloseTo(
			0.6625
		);
		expect(uploadFraction({ index: 1, sizes, stage: 'check', done: 10, total: 10 })).toBe(1);
	});
});
