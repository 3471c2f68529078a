import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planFromJson } from '../domain/plan';
import { describe, expect, it } from 'vitest';
import { breakdown } from '../domain/breakdowns';
import { generateDemoData, type DemoUnit } from './demo-data';

const root = process.cwd();
const unitLines = readFileSync(join(root, 'data/geo/kontum-units.csv'), 'utf8').trim().split('\n');
const unitCols = unitLines[0].split(',');
const units = unitLines.slice(1).map((line) => {
	const cells = line.split(',');
	return Object.fromEntries(unitCols.map((c, i) => [c, cells[i]])) as unknown as DemoUnit;
});
const plan = planFromJson(
	JSON.parse(readFileSync(join(root, 'data/plans/kontum-3430.json'), 'utf8'))
);
const renames = plan.geography.renames;

const SEED = 3430;
const { files } = generateDemoData({ seed: SEED, units, renames });
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
		const again = generateDemoData({ seed: SEED, units, renames }).files;
		expect(again).toEqual(files);
		const other = generateDemoData({ seed: SEED + 1, units, renames }).files;
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
