import { describe, expect, it } from 'vitest';
import kontum from '../../../data/plans/kontum-3430.json';
import { mapMeasures } from './coverage';
import {
	buildMapModel,
	childrenByType,
	eraFiles,
	mapEraOfYear,
	mapView,
	matchesUnit,
	networkSentence,
	sameEra,
	unitCollator,
	unitsOfYear
} from './map-model';
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

describe('units by era (the 2025 reform)', () => {
	// two eras as the units table publishes them: new 23293 reuses old 23293's code
	const row = (
		unit_code: string,
		name: string,
		level: string,
		district_code: string,
		valid_from: string,
		valid_to: string,
		predecessor_codes = ''
	) => ({
		unit_code,
		name,
		type: '',
		level,
		district_code,
		name_ascii: '',
		valid_from,
		valid_to,
		predecessor_codes
	});
	const units = [
		row('62', 'Tỉnh Kon Tum', 'province', '', '', '2025-06-30'),
		row('608', 'Thành phố Kon Tum', 'district', '608', '', '2025-06-30'),
		row('23281', 'Phường Quang Trung', 'commune', '608', '', '2025-06-30'),
		row('23293', 'Phường Thắng Lợi', 'commune', '608', '', '2025-06-30'),
		row('23296', 'Phường Trường Chinh', 'commune', '608', '', '2025-06-30'),
		row('62', 'Khu vực tỉnh Kon Tum cũ', 'province', '', '2025-07-01', ''),
		row('608', 'Khu vực thành phố Kon Tum cũ', 'district', '608', '2025-07-01', ''),
		row('23293', 'Phường Kon Tum', 'commune', '608', '2025-07-01', '', '23281;23293'),
		row('23296', 'Phường Đăk Cấm', 'commune', '608', '2025-07-01', '', '23296')
	];
	const network = (code: string, n: 0 | 1) => ({
		year: 0,
		unit_code: code,
		network_communes_count: n
	});
	const indicators = [
		...[network('23281', 1), network('23293', 0), network('23296', 1)].map((r) => ({
			...r,
			year: 2024
		})),
		...[network('23293', 1), network('23296', 1)].map((r) => ({ ...r, year: 2025 }))
	];
	const plan = planFromJson(kontum);
	const model = buildMapModel(plan, { indicators, units, reporting: [] });

	it('cuts the unit list into eras, each with its own names; new units name their predecessors', () => {
		expect(model.eras.map((e) => [e.from, e.to, e.units.length])).toEqual([
			['', '2025-06-30', 4],
			['2025-07-01', '', 3]
		]);
		expect(model.eras[1].units.find((u) => u.code === '23293')).toEqual({
			code: '23293',
			name: 'Phường Kon Tum',
			level: 'commune',
			district_code: '608',
			name_ascii: '',
			predecessors: [
				{ code: '23281', name: 'Phường Quang Trung' },
				{ code: '23293', name: 'Phường Thắng Lợi' }
			]
		});
		expect(model.eras[0].units.every((u) => u.predecessors === undefined)).toBe(true);
	});

	it('a year takes the units in force on its last day: 2018–2024 the old, 2025 the new', () => {
		const names = (y: number) => unitsOfYear(model, y).map((u) => `${u.code} ${u.name}`);
		expect(names(2018)).toEqual(names(2024));
		expect(names(2024)).toEqual([
			'608 Thành phố Kon Tum',
			'23281 Phường Quang Trung',
			'23293 Phường Thắng Lợi',
			'23296 Phường Trường Chinh'
		]);
		expect(names(2025)).toEqual([
			'608 Khu vực thành phố Kon Tum cũ',
			'23293 Phường Kon Tum',
			'23296 Phường Đăk Cấm'
		]);
		expect(mapEraOfYear(model, 2025).from).toBe('2025-07-01');
		expect(sameEra(model, 2018, 2024)).toBe(true);
		expect(sameEra(model, 2024, 2025)).toBe(false);
	});

	it("a year's values are drawn on that year's units only, named as that era names them", () => {
		const m = mapMeasures(plan)[0];
		const v2025 = mapView(model, plan, m, 2025, 'commune').units;
		expect(v2025.map((u) => [u.code, u.name, u.cls])).toEqual([
			['23293', 'Phường Kon Tum', 'yes'],
			['23296', 'Phường Đăk Cấm', 'yes']
		]);
		const v2024 = mapView(model, plan, m, 2024, 'commune').units;
		// 23293 had no network in 2024 as Phường Thắng Lợi; 2025's value never reaches it
		expect(v2024.map((u) => [u.code, u.name, u.cls])).toEqual([
			['23281', 'Phường Quang Trung', 'yes'],
			['23293', 'Phường Thắng Lợi', 'no'],
			['23296', 'Phường Trường Chinh', 'yes']
		]);
		expect(mapView(model, plan, m, 2025, 'district').units.map((u) => u.name)).toEqual([
			'Khu vực thành phố Kon Tum cũ'
		]);
	});

	it("the network sentence counts the year's units, and says the target was set on the old ones", () => {
		expect(networkSentence(model, plan, 2024, 'vi')).toMatch(
			/^Năm 2024: 2\/3 xã.*\(mục tiêu 2025: 51\/102\)\.$/
		);
		expect(networkSentence(model, plan, 2025, 'vi')).toMatch(
			/^Năm 2025: 2\/2 xã.*\(mục tiêu 2025: 51\/102 xã, phường, thị trấn trước sắp xếp\)\.$/
		);
		expect(networkSentence(model, plan, 2025, 'en')).toMatch(
			/\(target 2025: 51\/102 communes before the reorganisation\)\.$/
		);
	});

	it('names the published files of each era', () => {
		expect(eraFiles('')).toEqual({ communes: 'communes', crosswalk: null });
		expect(eraFiles('2025-07-01')).toEqual({
			communes: 'communes-2025-07-01',
			crosswalk: 'crosswalk-2025-07-01.csv'
		});
	});

	it('a model without eras (built before them) keeps its one list of units', () => {
		const old = { units: model.eras[0].units, values: {}, timeliness: {} };
		expect(unitsOfYear(old, 2025)).toBe(model.eras[0].units);
	});
});
