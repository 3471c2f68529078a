import { describe, expect, it } from 'vitest';
import { earlyFilters, earlyKey } from './explorer-early';
import { emptyFilters } from './explorer';

describe('early views', () => {
	const f = emptyFilters(2025);
	it('answers no filter, one breakdown category, one district', () => {
		expect(earlyKey(f)).toBe('');
		expect(earlyKey({ ...f, disability_type: ['5'] })).toBe('disability_type=5');
		expect(earlyKey({ ...f, district: ['617'] })).toBe('district=617');
	});
	it('leaves two filters, two values of one filter, and communes to the engine', () => {
		expect(earlyKey({ ...f, disability_type: ['5'], district: ['617'] })).toBeNull();
		expect(earlyKey({ ...f, sex: ['nam'], age_band: ['0-5'] })).toBeNull();
		expect(earlyKey({ ...f, sex: ['nam', 'nu'] })).toBeNull();
		expect(earlyKey({ ...f, district: ['617'], commune: ['23404'] })).toBeNull();
	});
	it('lists one view per key, each answered by its own key', () => {
		const views = earlyFilters(2024, ['610', '617']);
		// no filter + 6 + 3 + 2 + 3 + 2 breakdown categories + 2 districts
		expect(views).toHaveLength(1 + 16 + 2);
		const keys = views.map(earlyKey);
		expect(new Set(keys).size).toBe(views.length);
		expect(keys).not.toContain(null);
		expect(views.every((v) => v.year === 2024)).toBe(true);
	});
});
