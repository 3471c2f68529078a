import { describe, expect, it } from 'vitest';
import {
	auditFigures,
	cellShares,
	columnRule,
	depthWords,
	formatSeconds,
	formatShare,
	ruleRange
} from './protection-text';
import type { Manifest, ManifestColumn, Protection } from './published';

const empty: Protection = {
	rule: { min: 1, max: 4, minDenominator: 5 },
	breakdownDepth: { province: 5, district: 1, commune: 0 },
	cells: [],
	audit: { method: '', hiddenValues: 0, smallGroups: 0, disclosures: 0, seconds: 0 }
};
const filled: Protection = {
	...empty,
	cells: [
		{ table: 'indicators', cells: 1000, published: 873, primary: 90, secondary: 37 },
		{ table: 'children_cube', cells: 3000, published: 1500, primary: 1200, secondary: 300 },
		{ table: 'other', cells: 0, published: 0, primary: 0, secondary: 0 }
	],
	audit: {
		method: 'LP, HiGHS',
		hiddenValues: 12345,
		smallGroups: 6789,
		disclosures: 0,
		seconds: 3.21
	}
};
const tables = [
	{ name: 'indicators', title: { vi: 'Chỉ số', en: 'Indicators' } }
] as unknown as Manifest['tables'];

describe('protection text', () => {
	it('says what each depth publishes', () => {
		expect(depthWords(5, 'vi')).toBe('số tổng và mọi tổ hợp của 5 tiêu chí phân tổ');
		expect(depthWords(5, 'en')).toBe('totals and every combination of the 5 breakdowns');
		expect(depthWords(2, 'en')).toBe('totals and combinations of up to 2 breakdowns');
		expect(depthWords(1, 'en')).toBe('totals and one breakdown at a time, never two combined');
		expect(depthWords(0, 'vi')).toBe('chỉ có số tổng, không phân tổ');
	});

	it('states the rule from its bounds', () => {
		expect(ruleRange(empty.rule, 'vi')).toBe('1 đến 4');
		expect(ruleRange({ min: 1, max: 9, minDenominator: 10 }, 'en')).toBe('1 to 9');
		expect(ruleRange({ min: 3, max: 3, minDenominator: 5 }, 'en')).toBe('3');
	});

	it('gives no share and no audit figure while the manifest has none', () => {
		expect(cellShares(empty, tables, 'vi')).toBeNull();
		expect(auditFigures(empty, 'vi')).toEqual([]);
		expect(auditFigures(undefined, 'en')).toEqual([]);
	});

	it('computes the share published per table and over all tables', () => {
		const shares = cellShares(filled, tables, 'vi')!;
		expect(shares.rows.map((r) => [r.table, r.title, r.share])).toEqual([
			['indicators', 'Chỉ số', '87,3%'],
			['children_cube', 'children_cube', '50%']
		]);
		expect(shares.rows[1].cells).toBe('3.000');
		// (873 + 1500) / 4000
		expect(shares.total).toBe('59,3%');
	});

	it('never rounds a share to 0 % or 100 % that is neither', () => {
		expect(formatShare(9999, 10000, 'en')).toBe('> 99.9%');
		expect(formatShare(1, 10000, 'en')).toBe('< 0.1%');
		expect(formatShare(10, 10, 'en')).toBe('100%');
		expect(formatShare(0, 10, 'en')).toBe('0%');
	});

	it('lists the audit figures it has', () => {
		expect(auditFigures(filled, 'en').map((f) => [f.key, f.value])).toEqual([
			['method', 'LP, HiGHS'],
			['hiddenValues', '12,345'],
			['smallGroups', '6,789'],
			['disclosures', '0'],
			['seconds', '3.2 s']
		]);
		const noTime = { ...filled, audit: { ...filled.audit, method: '', seconds: 0 } };
		expect(auditFigures(noTime, 'vi').map((f) => f.key)).toEqual([
			'hiddenValues',
			'smallGroups',
			'disclosures'
		]);
		expect(formatSeconds(42.4, 'vi')).toBe('42 giây');
	});

	it('writes a column’s public rule', () => {
		const col: ManifestColumn = {
			name: 'access_rate',
			type: 'DOUBLE',
			role: 'rate',
			label: { vi: '', en: '' }
		};
		expect(
			columnRule({ ...col, numerator: 'accessed', denominator: 'children', protected: true }, 'en')
		).toBe('= accessed ÷ children × 100; protected');
		expect(columnRule({ ...col, role: 'count', atMost: 'children' }, 'vi')).toBe('≤ children');
		expect(columnRule(col, 'vi')).toBeNull();
	});
});
