import { describe, expect, it } from 'vitest';
import { childrenByType, matchesUnit, unitCollator } from './map-model';
import { planFromJson } from './plan';

const u = (name: string, code = '1') => ({ name, name_ascii: '', code });

describe('unit search', () => {
	it('ignores diacritics and case', () => {
		expect(matchesUnit(u('Xã Đắk Choong'), 'dak choong')).toBe(true);
		expect(matchesUnit(u('Xã Ia Đal'), 'ia dal')).toBe(true);
		expect(matchesUnit(u('Xã Ia Đal'), 'IA  ĐAL')).toBe(true);
		expect(matchesUnit(u('Xã Ia Tơi'), 'ia dal')).toBe(false);
	});
	it('finds by GSO code too', () => {
		expect(matchesUnit(u('Thị trấn Măng Đen', '23473'), '2347')).toBe(true);
	});
	it('sorts with Vietnamese collation', () => {
		const names = ['Xã Đắk Choong', 'Xã Ia Đal', 'Xã Diên Bình', 'Xã Ân Nghĩa'];
		expect([...names].sort(unitCollator.compare)).toEqual([
			'Xã Ân Nghĩa',
			'Xã Diên Bình',
			'Xã Đắk Choong',
			'Xã Ia Đal'
		]);
	});
});

describe('networkSentence', () => {
	it('counts the communes with a network against the phase target', async () => {
		const { networkSentence } = await import('./map-model');
		const plan = planFromJson((await import('../../../data/plans/kontum-3430.json')).default);
		const units = Array.from({ length: 102 }, (_, i) => ({
			code: String(23000 + i),
			name: `Xã ${i}`,
			level: 'commune' as const,
			district_code: '608',
			name_ascii: ''
		}));
		const values = {
			2025: Object.fromEntries(
				units.map((u, i) => [u.code, { network_communes_count: i < 51 ? 1 : 0 }])
			)
		};
		const model = { years: [2025], units, values, timeliness: {} };
		expect(networkSentence(model, plan, 2025, 'vi')).toBe(
			'Năm 2025: 51/102 xã, phường, thị trấn có mạng lưới liên kết các dịch vụ bảo vệ, chăm sóc, giáo dục TEKT (mục tiêu 2025: 51/102).'
		);
		expect(networkSentence(model, plan, 2025, 'en')).toBe(
			'2025: 51/102 communes have a linked network of services for children with disabilities (target 2025: 51/102).'
		);
		// 2018–2020 counts another thing: services kept running (3430 §I.2.1), in the plan's words
		const y2019 = { ...model, years: [2019], values: { 2019: values[2025] } };
		expect(networkSentence(y2019, plan, 2019, 'vi')).toBe(
			'Năm 2019: 51/102 xã, phường, thị trấn duy trì dịch vụ bảo vệ, chăm sóc, giáo dục TEKT tại cộng đồng (mục tiêu 2020: 42/102).'
		);
	});
});

describe('childrenByType', () => {
	const cell = (unit: string, type: string, children: number | null, hidden: unknown) => ({
		year: 2025,
		unit_code: unit,
		disability_type: type,
		severity: 'all',
		sex: 'all',
		age_band: 'all',
		ethnicity: 'all',
		children,
		children_suppressed: hidden as boolean
	});
	it('reads one breakdown cells; hidden and unflagged-empty ones as null; no entry where none is published', () => {
		const out = childrenByType(
			[
				cell('608', 'all', 40, false),
				cell('608', '1', 35, false),
				cell('608', '3', null, true),
				cell('608', '2', null, null),
				{ ...cell('608', '1', 9, false), sex: 'nam' }, // two breakdowns: not this table
				cell('23281', 'all', 12, false) // a commune's total only
			],
			['1', '2', '3']
		);
		expect(out).toEqual({ 2025: { '608': [35, null, null] } });
	});
	it('stops on a cell without its flag', () => {
		const { children_suppressed: _, ...noFlag } = cell('608', '1', 35, false);
		expect(() => childrenByType([noFlag], ['1'])).toThrow(/children_suppressed/);
	});
});
