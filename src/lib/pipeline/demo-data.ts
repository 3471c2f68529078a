/**
 * Deterministic illustrative dataset for the home plan, written in the intake format of
 * data/README.md. Pure: the caller reads the plan, its unit list and its calibration file
 * (demo-inputs.ts: data/calibration/<plan-id>.json, every figure with its source) and writes the
 * files. Nothing here names a place: the area, years and due dates are the plan's (`DemoPlan`),
 * every figure about the place or the story the data tells is the calibration's (`DemoCalibration`).
 *
 * Model: a fixed seed draws the communes' traits once (size, ethnic mix, how well they run,
 * network ranking), then every year simulates the register child by child and aggregates it into
 * breakdown cells. Outcome rates follow a logistic model whose intercept is calibrated each year
 * so the province figures tell the intended story (some targets met, some not).
 */
import { breakdownIds, breakdowns, childCountColumns } from '../domain/breakdowns';
import { formerAreaName } from '../domain/unit-eras';
import type { DemoCalibration, DemoPlan } from './demo-calibration';
import { Rng } from './rng';

export type { DemoCalibration, DemoPlan } from './demo-calibration';

export interface DemoUnit {
	code: string;
	name: string;
	level: string;
	district_code: string;
	type: string;
}
/** A commune's earlier name (data/plans/*.json geography.renames). */
export interface DemoRename {
	code: string;
	until: string;
	oldName: string;
}
export interface DemoOptions {
	seed: number;
	units: DemoUnit[];
	/** the area, years and due dates: the plan's (demo-calibration.ts demoPlan) */
	plan: DemoPlan;
	/** the figures of data/calibration/<plan-id>.json (demo-calibration.ts readDemoCalibration) */
	calibration: DemoCalibration;
	renames?: DemoRename[];
	/** Reports dated after this day have not arrived yet (default: the calibration's asOf). */
	asOf?: string;
	/**
	 * A reorganisation (the plan's geography.reforms with its units): the years whose last day falls
	 * after `from` are reported by the new units, each the sum of the old communes it took in.
	 */
	reform?: { from: string; area: string; units: (DemoUnit & { predecessor_codes: string })[] };
}
export interface DemoFile {
	name: string;
	text: string;
}

const COMMENT = (seed: number) =>
	'# DỮ LIỆU MINH HỌA, không phải số liệu chính thức / ILLUSTRATIVE DATA, not official statistics' +
	` — scripts/generate-demo-data.ts seed=${seed}`;

export const CHILD_HEADER = [
	'commune_code',
	'commune_name',
	'year',
	...breakdownIds,
	...childCountColumns
].join(',');
export const UNIT_HEADER =
	'unit_code,unit_name,year,caregivers,caregivers_trained,staff,staff_trained,' +
	'services_maintained,linked_network,centre_model_running,report_h1_submitted,report_year_submitted';
/** Breakdowns in intake column order (disability_type, severity, sex, age_band, ethnicity). */
const CATEGORIES = breakdowns.map((b) => b.categories);

export const cumulate = (weights: number[]) => {
	let sum = 0;
	return weights.map((w) => (sum += w));
};
export const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
export const logit = (p: number) => Math.log(p / (1 - p));
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/**
 * Draws one success count per item (n people sharing a logit offset) with P = sigmoid(base + offset), base solved by bisection so
 * the expected overall rate is `target`; redraws until the realised rate is within tolerance so
 * whether a target is met does not depend on the seed.
 */
function drawCalibrated(
	rng: Rng,
	items: { n: number; offset: number }[],
	target: number,
	tolerance: number
) {
	const total = items.reduce((s, it) => s + it.n, 0);
	const expected = (b: number) =>
		items.reduce((s, it) => s + it.n * sigmoid(b + it.offset), 0) / total;
	let lo = -12;
	let hi = 12;
	for (let i = 0; i < 60; i++) {
		const mid = (lo + hi) / 2;
		if (expected(mid) < target) lo = mid;
		else hi = mid;
	}
	let best: number[] = [];
	let bestGap = Infinity;
	for (let attempt = 0; attempt < 200 && bestGap > tolerance; attempt++) {
		const draw = items.map((it) => rng.binomial(it.n, sigmoid(lo + it.offset)));
		const gap = Math.abs(draw.reduce((s, k) => s + k, 0) / total - target);
		if (gap < bestGap) [best, bestGap] = [draw, gap];
	}
	return best;
}

interface Commune {
	unit: DemoUnit;
	highland: boolean;
	weight: number;
	/** P(ethnic minority) among this commune's children with disabilities */
	minority: number;
	/** how well the commune runs, on the logit scale, fixed across years */
	effect: number;
	networkScore: number;
	staffBase: number;
	/** staff of the facilities and organisations located here (a district seat's, the province's) */
	facilityStaff: number;
}

/** Fixed, not drawn: the rest of the illustrative data keeps its random sequence. */
function facilityStaff(u: DemoUnit, f: DemoCalibration['facilityStaff']): number {
	if (u.type === 'Phường') return u.district_code === f.seatDistrict ? f.seatWard : f.ward;
	return u.type === 'Thị trấn' ? f.town : 0;
}

function setUpCommunes(rng: Rng, units: DemoUnit[], cal: DemoCalibration): Commune[] {
	const communes = units
		.filter((u) => u.level === 'commune')
		.sort((a, b) => a.code.localeCompare(b.code));
	const missing = [...new Set(communes.map((u) => u.district_code))].filter(
		(d) => !(d in cal.districts)
	);
	if (missing.length)
		throw new Error(
			`calibration of ${cal.plan}: districts ${missing.join(', ')} of the unit list have no figures (districts.<code>)`
		);
	const { prevalence } = cal;
	const highlandSet = new Set(cal.highland);
	// Lognormal-ish size within the district; urban wards are small and more often Kinh.
	const raw = communes.map((u) => Math.exp(0.5 * rng.normal()) * (u.type === 'Phường' ? 0.5 : 1));
	const districtSum: Record<string, number> = {};
	communes.forEach(
		(u, i) => (districtSum[u.district_code] = (districtSum[u.district_code] ?? 0) + raw[i])
	);
	const result = communes.map((unit, i): Commune => {
		const d = unit.district_code;
		const { population, minorityShare: share } = cal.districts[d];
		const m = sigmoid(logit(share) + 0.7 * rng.normal() - (unit.type === 'Xã' ? 0 : 0.8));
		// A district's expected register scales with population × prevalence of its ethnic mix.
		const rate = share * prevalence.minority + (1 - share) * prevalence.kinh;
		const weight = (population * rate * raw[i]) / districtSum[d];
		const highland = highlandSet.has(d);
		return {
			unit,
			highland,
			weight,
			minority: (m * prevalence.minority) / (m * prevalence.minority + (1 - m) * prevalence.kinh),
			effect: 0.35 * rng.normal(),
			networkScore: rng.normal() - (highland ? 1.2 : 0) + (unit.type === 'Xã' ? 0 : 0.8),
			staffBase: 0,
			facilityStaff: facilityStaff(unit, cal.facilityStaff)
		};
	});
	// Staff team size grows with the commune's expected register.
	const totalWeight = result.reduce((s, c) => s + c.weight, 0);
	for (const c of result) {
		const expectedChildren = (c.weight / totalWeight) * cal.register.firstYear;
		c.staffBase = clamp(4 + 0.15 * expectedChildren + 1.5 * rng.normal(), 3, 14);
	}
	return result;
}

interface Child {
	commune: number;
	cell: number[];
	accessed: boolean;
	services: boolean[];
	skills: boolean;
}

/** Logit offset shared by the children's indicators: remote, minority and severe children lag. */
function childOffset(c: Commune, child: Child, network: boolean): number {
	const [, severity, , age, ethnicity] = child.cell;
	return (
		c.effect +
		(c.highland ? -0.8 : 0) +
		(ethnicity === 1 ? -0.3 : 0) +
		[-0.4, 0, 0.15][severity] +
		(age === 0 ? -0.15 : 0) +
		(network ? 0.3 : 0)
	);
}

function simulateChildren(
	rng: Rng,
	communes: Commune[],
	t: number,
	network: Set<number>,
	cal: DemoCalibration
): Child[] {
	const { register, trajectory, tolerance } = cal;
	const total = Math.round(
		register.firstYear * (1 + register.yearlyGrowth) ** t + 40 * rng.normal()
	);
	const where = cumulate(communes.map((c) => c.weight));
	const [types, sevs, ages] = [
		cumulate(cal.typeMix),
		cumulate(cal.severityMix),
		cumulate(cal.ageMix)
	];
	const children: Child[] = [];
	for (let i = 0; i < total; i++) {
		const commune = rng.pick(where);
		const cell = [
			rng.pick(types),
			rng.pick(sevs),
			rng.chance(cal.boysShare) ? 0 : 1,
			rng.pick(ages),
			rng.chance(communes[commune].minority) ? 1 : 0
		];
		children.push({ commune, cell, accessed: false, services: [], skills: false });
	}
	const offsets = children.map((ch) =>
		childOffset(communes[ch.commune], ch, network.has(ch.commune))
	);
	const access = drawCalibrated(
		rng,
		offsets.map((offset) => ({ n: 1, offset })),
		trajectory.access[t],
		tolerance
	);
	children.forEach((ch, i) => (ch.accessed = access[i] === 1));
	for (const ch of children.filter((c) => c.accessed)) {
		const [, severity, , age] = ch.cell;
		// Health and rehabilitation is the most common service; pre-school children rarely get education.
		ch.services = [
			rng.chance(severity === 0 ? 0.85 : 0.72),
			rng.chance([0.25, 0.75, 0.6][age] * (severity === 0 ? 0.6 : 1)),
			rng.chance([0.75, 0.5, 0.2][severity]),
			rng.chance(0.2)
		];
		if (!ch.services.some(Boolean)) ch.services[0] = true;
	}
	// Integration skills mostly reach children already in touch with services.
	const skills = drawCalibrated(
		rng,
		children.map((ch, i) => ({
			n: 1,
			offset: offsets[i] + (ch.accessed ? 0.8 : -1) + (ch.cell[3] === 0 ? -0.3 : 0)
		})),
		trajectory.skills[t],
		tolerance
	);
	children.forEach((ch, i) => (ch.skills = skills[i] === 1));
	return children;
}

function addDays(date: string, days: number): string {
	const [y, m, d] = date.split('-').map(Number);
	return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Arrival date of one report: mostly a few days early, some late, a few never; improves over years. */
function reportDate(
	rng: Rng,
	year: number,
	due: string,
	risk: number,
	asOf: string,
	firstYear: number
): string {
	const t = year - firstYear;
	const missing = (0.07 - 0.006 * t) * risk;
	const late = (0.3 - 0.028 * t) * risk;
	const u = rng.next();
	if (u < missing) return '';
	const offset = u < missing + late ? rng.int(1, 40) : -rng.int(0, 9);
	const date = addDays(`${year}-${due}`, offset);
	return date > asOf ? '' : date;
}

function csvText(seed: number, header: string, rows: (string | number)[][]): string {
	const cell = (v: string | number) => {
		const s = String(v);
		return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
	};
	return [COMMENT(seed), header, ...rows.map((r) => r.map(cell).join(','))].join('\n') + '\n';
}

/** Indices of the k highest scores. */
const topK = (scores: number[], k: number) =>
	new Set(
		scores
			.map((_, i) => i)
			.sort((a, b) => scores[b] - scores[a])
			.slice(0, k)
	);

export function generateDemoData(options: DemoOptions): { files: DemoFile[] } {
	const { seed, units, plan, calibration: cal, renames = [], asOf = cal.asOf, reform } = options;
	const { trajectory, tolerance, network: networkSize } = cal;
	const highland = new Set(cal.highland);
	const rng = new Rng(seed);
	const communes = setUpCommunes(rng, units, cal);
	const districts = units
		.filter((u) => u.level === 'district')
		.sort((a, b) => a.code.localeCompare(b.code));
	// Districts with a network: lowland first, highland ones join later.
	const districtScore = districts.map((d) => rng.next() - (highland.has(d.code) ? 1 : 0));
	const nameIn = (u: DemoUnit, year: number) => {
		const r = renames.find((x) => x.code === u.code && year < Number(x.until.slice(0, 4)));
		return r ? r.oldName : u.name;
	};
	const cellCounts = CATEGORIES.map((c) => c.length);
	const cellCodes = CATEGORIES.map((cats) => cats.map((c) => c.code));
	const networkScores = communes.map((c) => c.networkScore);
	const files: DemoFile[] = [];

	// each old commune's new unit (its index in reform.units), for the years after the reform
	const successor = communes.map((c) =>
		(reform?.units ?? []).findIndex((u) => u.predecessor_codes.split(';').includes(c.unit.code))
	);
	if (reform && successor.some((i) => i < 0))
		throw new Error(`reform ${reform.from}: some old commune has no new unit`);

	for (let year = plan.firstYear; year <= plan.lastYear; year++) {
		const t = year - plan.firstYear;
		const network = topK(networkScores, networkSize.communes[t]);
		const children = simulateChildren(rng, communes, t, network, cal);
		const reformed = reform !== undefined && `${year}-12-31` >= reform.from;

		// Aggregate into breakdown cells; the numeric key sorts by commune, then category order.
		const cells = new Map<number, { child: Child; counts: number[] }>();
		const perCommune = communes.map(() => 0);
		for (const ch of children) {
			const unitIndex = reformed ? successor[ch.commune] : ch.commune;
			const key = ch.cell.reduce((k, v, i) => k * cellCounts[i] + v, unitIndex);
			const cell = cells.get(key) ?? { child: ch, counts: [0, 0, 0, 0, 0, 0, 0] };
			const flags = [true, ch.accessed, ...[0, 1, 2, 3].map((i) => !!ch.services[i]), ch.skills];
			flags.forEach((f, i) => (cell.counts[i] += f ? 1 : 0));
			cells.set(key, cell);
			perCommune[ch.commune]++;
		}
		const childRows = [...cells.entries()]
			.sort((a, b) => a[0] - b[0])
			.map(([, { child, counts }]) => {
				const unit = reformed
					? reform.units[successor[child.commune]]
					: communes[child.commune].unit;
				const codes = child.cell.map((v, i) => cellCodes[i][v]);
				return [unit.code, nameIn(unit, year), year, ...codes, ...counts];
			});
		files.push({ name: `children-${year}.csv`, text: csvText(seed, CHILD_HEADER, childRows) });

		// Units: caregivers follow the register; staff is a small, slowly growing team per commune,
		// plus (as the plan counts them) the staff of the service facilities and social organisations
		// located in the commune: a district seat's, and the provincial city's, many more.
		const caregivers = perCommune.map((n) => Math.round(n * (1.1 + 0.3 * rng.next())));
		const team = communes.map((c) =>
			Math.round(clamp(c.staffBase + 0.25 * t + 0.7 * rng.normal(), 3, 15))
		);
		const staff = communes.map((c, i) => team[i] + c.facilityStaff);
		const unitOffset = (c: Commune, i: number, highland: number, net: number) =>
			c.effect + (c.highland ? highland : 0) + (network.has(i) ? net : 0);
		const caregiversTrained = drawCalibrated(
			rng,
			communes.map((c, i) => ({ n: caregivers[i], offset: unitOffset(c, i, -0.6, 0.3) })),
			trajectory.caregivers[t],
			tolerance
		);
		const teamTrained = drawCalibrated(
			rng,
			communes.map((c, i) => ({ n: team[i], offset: unitOffset(c, i, -0.5, 0.4) })),
			trajectory.staff[t],
			tolerance
		);
		// Facility staff are trained less often; drawn from their own stream so that every other
		// number of the illustrative data stays as it was before they were counted.
		const side = new Rng(seed * 7919 + year);
		const staffTrained = communes.map(
			(c, i) => teamTrained[i] + side.binomial(c.facilityStaff, trajectory.staff[t] - 0.1)
		);
		const districtNetwork = topK(districtScore, networkSize.districts[t]);
		const reports = (risk: number) => [
			reportDate(rng, year, plan.due.h1, risk, asOf, plan.firstYear),
			reportDate(rng, year, plan.due.year, risk, asOf, plan.firstYear)
		];
		// services maintained (asked until the plan asks for a linked network), a linked network,
		// the centre's model
		const flags = (on: boolean) =>
			year < plan.networkFrom ? [on ? 1 : 0, '', ''] : ['', on ? 1 : 0, ''];
		const unitRows: (string | number)[][] = [
			[plan.area.code, plan.area.name, year, '', '', '', '', '', '', 1, '', '']
		];
		districts.forEach((d, i) => {
			const risk = (highland.has(d.code) ? 1.8 : 1) * 0.6;
			unitRows.push([
				d.code,
				d.name,
				year,
				'',
				'',
				'',
				'',
				...flags(districtNetwork.has(i)),
				...reports(risk)
			]);
		});
		communes.forEach((c, i) => {
			const counts = [caregivers[i], caregiversTrained[i], staff[i], staffTrained[i]];
			const risk = c.highland ? 1.8 : 1;
			unitRows.push([
				c.unit.code,
				nameIn(c.unit, year),
				year,
				...counts,
				...flags(network.has(i)),
				...reports(risk)
			]);
		});
		if (reformed) {
			files.push({
				name: `units-${year}.csv`,
				text: csvText(
					seed,
					UNIT_HEADER,
					reformedUnitRows(unitRows, reform, successor, rng, year, asOf, plan)
				)
			});
			continue;
		}
		files.push({ name: `units-${year}.csv`, text: csvText(seed, UNIT_HEADER, unitRows) });
	}
	return { files };
}

/**
 * A year after the reform, as its units report it: the area's row under its present name; the
 * former districts only with the report due before the reform (they still existed then); each
 * new unit with its old communes' counts summed, a network when one of them had it, and the
 * annual report, which it now owes.
 */
function reformedUnitRows(
	rows: (string | number)[][],
	reform: NonNullable<DemoOptions['reform']>,
	successor: number[],
	rng: Rng,
	year: number,
	asOf: string,
	plan: DemoPlan
): (string | number)[][] {
	const [province, ...rest] = rows;
	const districtRows = rest.slice(0, rest.length - successor.length);
	const communeRows = rest.slice(rest.length - successor.length);
	const before = `${year}-${plan.due.h1}` < reform.from;
	const out: (string | number)[][] = [[province[0], reform.area, ...province.slice(2)]];
	for (const d of districtRows)
		out.push([
			d[0],
			formerAreaName(String(d[1])),
			year,
			'',
			'',
			'',
			'',
			'',
			'',
			'',
			before ? d[10] : '',
			''
		]);
	reform.units.forEach((u, i) => {
		const olds = communeRows.filter((_, j) => successor[j] === i);
		const sum = (col: number) => olds.reduce((n, r) => n + Number(r[col]), 0);
		const network = olds.some((r) => r[year < plan.networkFrom ? 7 : 8] === 1) ? 1 : 0;
		const flags = year < plan.networkFrom ? [network, '', ''] : ['', network, ''];
		out.push([
			u.code,
			u.name,
			year,
			sum(3),
			sum(4),
			sum(5),
			sum(6),
			...flags,
			'',
			reportDate(rng, year, plan.due.year, 1.4, asOf, plan.firstYear)
		]);
	});
	return out;
}

/** Contents of data/reports/dataset.json for the illustrative dataset. */
export function demoDatasetInfo(seed: number, asOf: string) {
	return {
		illustrative: true,
		asOf,
		source: {
			vi: `Dữ liệu minh họa do scripts/generate-demo-data.ts tạo (hạt giống cố định ${seed}), hiệu chỉnh theo số liệu công khai; không phải số liệu chính thức.`,
			en: `Illustrative data written by scripts/generate-demo-data.ts (fixed seed ${seed}), calibrated on public figures; not official statistics.`
		},
		licence: 'CC-BY-4.0'
	};
}
