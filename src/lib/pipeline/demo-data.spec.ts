import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { breakdown } from '../domain/breakdowns';
import { checkDemoCalibration, demoPlan, readDemoCalibration } from './demo-calibration';
import { demoDatasetInfo, generateDemoData, type DemoUnit } from './demo-data';
import { homeDemoInputs, readPlan, readPlanDemoCalibration } from './demo-inputs';

const root = process.cwd();
const unitLines = readFileSync(join(root, 'data/geo/kontum-units.csv'), 'utf8').trim().split('\n');
const unitCols = unitLines[0].split(',');
const units = unitLines.slice(1).map((line) => {
	const cells = line.split(',');
	return Object.fromEntries(unitCols.map((c, i) => [c, cells[i]])) as unknown as DemoUnit;
});
const plan = readPlan('data/plans/kontum-3430.json');
const renames = plan.geography.renames;
const calibration = readPlanDemoCalibration(plan);
const base = { units, renames, plan: demoPlan(plan), calibration };

const SEED = 3430;
const { files } = generateDemoData({ seed: SEED, ...base });
const YEARS = [2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025];
const HIGHLAND = ['610', '613', '617', '618'];
const communeDistrict = new Map(
	units.filter((u) => u.level === 'commune').map((u) => [u.code, u.district_code])
);
const districtCodes = new Set(units.filter((u) => u.level === 'district').map((u) => u.code));

type Row = Record<string, string>;
function parse(text: string): Row[] {
	const lines = text.split('\n').filter((l) => l !== '' && !l.startsWith('#'));
	const header = lines[0].split(',');
	return lines.slice(1).map((l) => {
		const cells = l.split(',');
		expect(cells.length).toBe(header.length);
		return Object.fromEntries(header.map((h, i) => [h, cells[i]]));
	});
}
const file = (name: string) => {
	const f = files.find((x) => x.name === name);
	if (!f) throw new Error(`missing ${name}`);
	return parse(f.text);
};
const sum = (rows: Row[], col: string) => rows.reduce((s, r) => s + Number(r[col] || 0), 0);
const rate = (rows: Row[], num: string, den: string) => sum(rows, num) / sum(rows, den);

describe('generateDemoData', () => {
	it('is deterministic for a seed and differs across seeds', () => {
		const again = generateDemoData({ seed: SEED, ...base }).files;
		expect(again).toEqual(files);
		const other = generateDemoData({ seed: SEED + 1, ...base }).files;
		expect(other.map((f) => f.text)).not.toEqual(files.map((f) => f.text));
	});

	it('writes one children and one units file per plan year, each flagged illustrative', () => {
		expect(files.map((f) => f.name).sort()).toEqual(
			YEARS.flatMap((y) => [`children-${y}.csv`, `units-${y}.csv`]).sort()
		);
		for (const f of files) {
			expect(f.text.split('\n')[0]).toBe(
				'# DỮ LIỆU MINH HỌA, không phải số liệu chính thức / ILLUSTRATIVE DATA, not official statistics' +
					` — scripts/generate-demo-data.ts seed=${SEED}`
			);
			expect(f.text).not.toContain('\r');
			expect(f.text.charCodeAt(0)).not.toBe(0xfeff);
			expect(f.text.endsWith('\n')).toBe(true);
		}
	});

	it('children rows use allowed values, unique keys and numerators within denominators', () => {
		const allowed = Object.fromEntries(
			['disability_type', 'severity', 'sex', 'age_band', 'ethnicity'].map((id) => [
				id,
				breakdown(id).categories
			])
		);
		const problems: string[] = [];
		for (const year of YEARS) {
			const keys = new Set<string>();
			file(`children-${year}.csv`).forEach((r, i) => {
				const bad = (what: string) => problems.push(`${year} row ${i + 2}: ${what}`);
				const n = (c: string) => Number(r[c]);
				if (!communeDistrict.has(r.commune_code)) bad(`unknown commune ${r.commune_code}`);
				if (r.year !== String(year)) bad(`year ${r.year}`);
				for (const [col, cats] of Object.entries(allowed)) {
					if (!cats.some((c) => c.code === r[col])) bad(`${col}=${r[col]}`);
				}
				for (const col of Object.keys(r).slice(8))
					if (!/^\d+$/.test(r[col])) bad(`${col}=${r[col]}`);
				if (!(n('children') > 0)) bad('children row with no child');
				if (n('accessed') > n('children')) bad('accessed > children');
				if (n('skills') > n('children')) bad('skills > children');
				for (const s of ['health', 'education', 'social', 'protection']) {
					if (n(`accessed_${s}`) > n('accessed')) bad(`accessed_${s} > accessed`);
				}
				const key = Object.keys(allowed).reduce((k, c) => `${k}|${r[c]}`, r.commune_code);
				if (keys.has(key)) bad(`duplicate key ${key}`);
				keys.add(key);
			});
		}
		expect(problems).toEqual([]);
	});

	it('units rows cover province, districts and communes with valid values', () => {
		for (const year of YEARS) {
			const rows = file(`units-${year}.csv`);
			expect(rows.length).toBe(1 + districtCodes.size + communeDistrict.size);
			for (const r of rows) {
				// one flag per meaning: services maintained (2018–2020), a linked network (from 2021),
				// the provincial centre's model (province row only)
				const own =
					r.unit_code === '62'
						? ['centre_model_running']
						: year < 2021
							? ['services_maintained']
							: ['linked_network'];
				for (const f of ['services_maintained', 'linked_network', 'centre_model_running'])
					expect(r[f], `${r.unit_code} ${year} ${f}`).toMatch(own.includes(f) ? /^[01]$/ : /^$/);
				const isCommune = communeDistrict.has(r.unit_code);
				expect(isCommune || districtCodes.has(r.unit_code) || r.unit_code === '62').toBe(true);
				if (isCommune) {
					const n = (c: string) => Number(r[c]);
					expect(n('caregivers_trained')).toBeLessThanOrEqual(n('caregivers'));
					expect(n('staff_trained')).toBeLessThanOrEqual(n('staff'));
					expect(n('staff')).toBeGreaterThanOrEqual(3);
					// the commune team (3–15) plus the staff of facilities located there (wards, towns)
					expect(n('staff')).toBeLessThanOrEqual(15 + 24);
					// 3430's staff: the facilities in a ward of the provincial city count there (24 + team)
					if (r.unit_name.startsWith('Phường') && communeDistrict.get(r.unit_code) === '608')
						expect(n('staff')).toBeGreaterThanOrEqual(24 + 3);
				} else {
					for (const c of ['caregivers', 'caregivers_trained', 'staff', 'staff_trained']) {
						expect(r[c]).toBe('');
					}
				}
				if (r.unit_code === '62') {
					expect(r.centre_model_running).toBe('1');
					expect(r.report_h1_submitted + r.report_year_submitted).toBe('');
				}
				for (const c of ['report_h1_submitted', 'report_year_submitted']) {
					expect(r[c]).toMatch(/^(\d{4}-\d{2}-\d{2})?$/);
					if (r[c]) expect(r[c] <= '2025-12-10').toBe(true);
				}
			}
		}
	});

	it('uses the name a commune had in the report year', () => {
		const name = (year: number) =>
			file(`units-${year}.csv`).find((r) => r.unit_code === '23473')?.unit_name;
		expect(name(2018)).toBe('Xã Đắk Long');
		expect(name(2019)).toBe('Thị trấn Măng Đen');
	});

	it('keeps province figures plausible and tells the intended story', () => {
		for (const year of YEARS) {
			const rows = file(`children-${year}.csv`);
			const total = sum(rows, 'children');
			expect(total).toBeGreaterThanOrEqual(2500);
			expect(total).toBeLessThanOrEqual(6000);
			const boys = sum(
				rows.filter((r) => r.sex === 'nam'),
				'children'
			);
			expect(boys / total).toBeGreaterThan(0.52);
			expect(boys / total).toBeLessThan(0.57);
		}
		expect(rate(file('children-2020.csv'), 'accessed', 'children')).toBeGreaterThanOrEqual(0.7);
		expect(rate(file('children-2025.csv'), 'accessed', 'children')).toBeLessThan(0.9);

		const networkCommunes = (year: number) =>
			file(`units-${year}.csv`).filter(
				(r) =>
					communeDistrict.has(r.unit_code) &&
					r[year < 2021 ? 'services_maintained' : 'linked_network'] === '1'
			).length;
		expect(networkCommunes(2020)).toBeGreaterThanOrEqual(40);
		expect(networkCommunes(2020)).toBeLessThanOrEqual(44);
		expect(networkCommunes(2025)).toBeGreaterThanOrEqual(50);
		expect(networkCommunes(2025)).toBeLessThanOrEqual(53);
	});

	it('shows the highland districts lagging the province in 2025', () => {
		const rows = file('children-2025.csv');
		const province = rate(rows, 'accessed', 'children');
		for (const d of HIGHLAND) {
			const inDistrict = rows.filter((r) => communeDistrict.get(r.commune_code) === d);
			expect(rate(inDistrict, 'accessed', 'children')).toBeLessThan(province);
		}
	});
});

describe("the home plan's inputs (no place in code)", () => {
	it('come from the plan file: area, years, due dates, when a linked network is asked', () => {
		// 3430/KH-UBND: Kon Tum (GSO 62), 2018–2025, reports before 10 June and 10 December,
		// services maintained in 2018–2020 and a linked network in 2021–2025 (§I.2)
		expect(demoPlan(plan)).toEqual({
			area: { code: '62', name: 'Tỉnh Kon Tum' },
			firstYear: 2018,
			lastYear: 2025,
			due: { h1: '06-10', year: '12-10' },
			networkFrom: 2021
		});
	});

	it('reads the calibration file with its public figures', () => {
		expect(calibration.seed).toBe(3430);
		expect(calibration.asOf).toBe('2025-12-10');
		// the ten districts of the 2022 yearbook add up to the province's 579,914 people
		const people = Object.values(calibration.districts).reduce((s, d) => s + d.population, 0);
		expect(people).toBe(579_914);
		expect(Object.keys(calibration.districts).sort()).toEqual([...districtCodes].sort());
		expect(calibration.districts['617'].minorityShare).toBe(0.95); // Tu Mơ Rông
		expect(calibration.typeMix).toEqual([28, 15, 16, 17, 15, 12]); // MOLISA 2015
		expect(calibration.severityMix).toEqual([20, 38, 42]);
		expect(calibration.prevalence).toEqual({ minority: 0.0348, kinh: 0.0262 }); // VDS 2016
		expect(calibration.boysShare).toBe(0.545);
		expect(calibration.highland.sort()).toEqual(HIGHLAND);
		// the story against the plan's targets: access 70% met in 2020, 90% missed in 2025
		expect(calibration.trajectory.access).toHaveLength(8);
		expect(calibration.trajectory.access[2]).toBeGreaterThanOrEqual(0.7);
		expect(calibration.trajectory.access[7]).toBeLessThan(0.9);
		expect(calibration.network.communes[7]).toBeGreaterThanOrEqual(51);
	});

	const json = () =>
		JSON.parse(readFileSync(join(root, 'data/calibration/kontum-3430.json'), 'utf8'));

	it('names every figure missing or of the wrong type', () => {
		const c = json();
		delete c.districts['610'].population;
		c.prevalence.kinh.value = '0.0262';
		delete c.trajectory.access.byYear['2025'];
		c.trajectory.skills.byYear['2030'] = 0.9;
		c.categories.severity['4'] = { value: 1, source: 'x' };
		delete c.categories.age_band['0-5'];
		c.highland.districts.push('999');
		c.boysShare.value = 1.5;
		delete c.tolerance.source;
		c.network.communes.byYear['2019'] = 41.5;
		c.facilityStaff.seatDistrict.code = '700';
		c.generator = 'scripts/generate-plan-data.ts';
		c.register = 3650;
		c.extra = 1;
		expect(checkDemoCalibration(c, plan).errors.sort()).toEqual(
			[
				'calibration.extra: not a field of this file',
				'generator: is "scripts/generate-plan-data.ts": this file is not read by scripts/generate-demo-data.ts',
				'districts.610.population: missing',
				'highland.districts[4]: string "999" is not a district of "districts"',
				'prevalence.kinh.value: must be a number, is string "0.0262"',
				'categories.severity.4: not a field of this file',
				'categories.age_band.0-5: missing',
				'boysShare.value: must be between 0 and 1, is 1.5',
				'register: must be an object, is number 3650',
				'trajectory.skills.byYear.2030: not a year of the plan (2018–2025)',
				'trajectory.access.byYear.2025: missing',
				'tolerance.source: missing',
				'network.communes.byYear.2019: must be a whole number, is 41.5',
				'facilityStaff.seatDistrict.code: "700" is not a district of "districts"'
			].sort()
		);
		expect(() => readDemoCalibration(c, plan, 'x.json')).toThrow(
			/^x\.json: 14 error\(s\) in the calibration of kontum-3430\n {2}calibration\.extra/
		);
		expect(checkDemoCalibration(json(), plan).errors).toEqual([]);
		expect(checkDemoCalibration([], plan).errors[0]).toBe(
			'calibration: must be an object, is an array'
		);
	});

	it('refuses a unit list with a district the calibration has no figures for', () => {
		const { '618': _, ...districts } = calibration.districts;
		expect(() =>
			generateDemoData({ seed: SEED, ...base, calibration: { ...calibration, districts } })
		).toThrow(/districts 618 of the unit list have no figures/);
	});

	const home = homeDemoInputs(root);
	const info = join(root, home.reports, 'dataset.json');
	const illustrative = existsSync(info) && JSON.parse(readFileSync(info, 'utf8')).illustrative;
	it.runIf(illustrative)('write the committed illustrative reports byte for byte', () => {
		const { options, reports } = home;
		const written = generateDemoData(options).files;
		const dir = join(root, reports);
		expect(written.map((f) => f.name).sort()).toEqual(
			readdirSync(dir)
				.filter((f) => /^(children|units)-.*\.csv$/.test(f))
				.sort()
		);
		for (const f of written) expect(f.text, f.name).toBe(readFileSync(join(dir, f.name), 'utf8'));
		expect(
			JSON.stringify(demoDatasetInfo(options.seed, options.calibration.asOf), null, 2) + '\n'
		).toBe(readFileSync(info, 'utf8'));
	});
});
