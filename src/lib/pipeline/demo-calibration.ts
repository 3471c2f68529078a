/**
 * What the home plan's illustrative-data generator (demo-data.ts, scripts/generate-demo-data.ts)
 * knows about its place: from the plan file (the area, the years, the reports' due dates, when
 * the plan asks for a linked network) and from data/calibration/<plan-id>.json (every figure with
 * its source: district sizes and ethnic mix, prevalence, category mixes, the story's trajectory).
 * `checkDemoCalibration` names every figure missing or of the wrong type.
 */
import type { Plan } from '../domain/plan';

/** The script that reads these files; the other calibration files are generate-plan-data's. */
export const DEMO_GENERATOR = 'scripts/generate-demo-data.ts';

/** What the generator takes from the plan file. */
export interface DemoPlan {
	/** the plan's area: the province row of the units files */
	area: { code: string; name: string };
	firstYear: number;
	lastYear: number;
	/** due dates (MM-DD) of the reports written in report_h1_submitted and report_year_submitted */
	due: { h1: string; year: string };
	/** the first year a unit's flag is linked_network (services_maintained before it) */
	networkFrom: number;
}

/** The calibration file's figures, values only, series indexed from the plan's first year. */
export interface DemoCalibration {
	plan: string;
	seed: number;
	asOf: string;
	/** per district code */
	districts: Record<string, { population: number; minorityShare: number }>;
	highland: string[];
	/** prevalence of disability among ethnic-minority and Kinh children */
	prevalence: { minority: number; kinh: number };
	/** relative weights, in the plan's category order */
	typeMix: number[];
	severityMix: number[];
	ageMix: number[];
	boysShare: number;
	register: { firstYear: number; yearlyGrowth: number };
	trajectory: { access: number[]; skills: number[]; caregivers: number[]; staff: number[] };
	tolerance: number;
	network: { communes: number[]; districts: number[] };
	facilityStaff: { seatDistrict: string; seatWard: number; ward: number; town: number };
}

/** The breakdowns drawn from a mix of the calibration file, by the field they fill. */
const MIXES = { typeMix: 'disability_type', severityMix: 'severity', ageMix: 'age_band' } as const;
const TRAJECTORIES = ['access', 'skills', 'caregivers', 'staff'] as const;

type Json = Record<string, unknown>;

/** A field under a field already reported broken: read silently, so one error is said once. */
const SKIP = Symbol('under a broken field');
const BROKEN: Json = new Proxy({}, { get: () => SKIP });

const shown = (v: unknown) =>
	v === null ? 'null' : Array.isArray(v) ? 'an array' : `${typeof v} ${JSON.stringify(v)}`;

/** Readers that record an error naming the field and return a placeholder (NaN, '', undefined). */
function readers(errors: string[]) {
	const fail = (path: string, what: string): undefined => {
		errors.push(`${path}: ${what}`);
		return undefined;
	};
	const object = (v: unknown, path: string): Json | undefined => {
		if (v === SKIP) return undefined;
		if (v === undefined) return fail(path, 'missing');
		if (typeof v !== 'object' || v === null || Array.isArray(v))
			return fail(path, `must be an object, is ${shown(v)}`);
		return v as Json;
	};
	/** Fields other than `keys` (and "$comment" notes) are typos. */
	const only = (o: Json, path: string, keys: readonly string[]) => {
		for (const k of Object.keys(o))
			if (!k.startsWith('$') && !keys.includes(k)) fail(`${path}.${k}`, 'not a field of this file');
	};
	const string = (v: unknown, path: string): string => {
		if (typeof v === 'string' && v.trim() !== '') return v;
		if (v !== SKIP)
			fail(path, v === undefined ? 'missing' : `must be a non-empty string, is ${shown(v)}`);
		return '';
	};
	const number = (v: unknown, path: string, rule: Rule = any): number => {
		if (typeof v !== 'number' || !Number.isFinite(v)) {
			if (v !== SKIP) fail(path, v === undefined ? 'missing' : `must be a number, is ${shown(v)}`);
			return NaN;
		}
		const broken = rule(v);
		if (!broken) return v;
		fail(path, `${broken}, is ${v}`);
		return NaN;
	};
	/** { "value": number, "source": "where it comes from" } */
	const figure = (v: unknown, path: string, rule: Rule = any): number => {
		const o = object(v, path);
		if (!o) return NaN;
		only(o, path, ['value', 'source']);
		string(o.source, `${path}.source`);
		return number(o.value, `${path}.value`, rule);
	};
	return { fail, object, only, string, number, figure };
}

type Rule = (v: number) => string | undefined;
const any: Rule = () => undefined;
const share: Rule = (v) => (v >= 0 && v <= 1 ? undefined : 'must be between 0 and 1');
const positive: Rule = (v) => (v > 0 ? undefined : 'must be above 0');
const weight: Rule = (v) => (v >= 0 ? undefined : 'must not be negative');
const count: Rule = (v) => (Number.isInteger(v) && v >= 0 ? undefined : 'must be a whole number');

/**
 * Reads a calibration file's JSON against the plan: the figures, or every error found (one line
 * each, the field's path first).
 */
export function checkDemoCalibration(
	json: unknown,
	plan: Plan
): { calibration: DemoCalibration; errors: string[] } {
	const errors: string[] = [];
	const r = readers(errors);
	const c = r.object(json, 'calibration') ?? BROKEN;
	r.only(c, 'calibration', [
		'plan',
		'generator',
		'seed',
		'asOf',
		'notes',
		'districts',
		'highland',
		'prevalence',
		'categories',
		'boysShare',
		'register',
		'trajectory',
		'tolerance',
		'network',
		'facilityStaff'
	]);
	if (r.string(c.plan, 'plan') && c.plan !== plan.id)
		r.fail('plan', `is "${c.plan}", the plan is "${plan.id}"`);
	if (r.string(c.generator, 'generator') && c.generator !== DEMO_GENERATOR)
		r.fail('generator', `is "${c.generator}": this file is not read by ${DEMO_GENERATOR}`);
	const seed = r.number(c.seed, 'seed', (v) =>
		Number.isInteger(v) ? undefined : 'must be a whole number'
	);
	const asOf = r.string(c.asOf, 'asOf');
	if (asOf && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) r.fail('asOf', `must be YYYY-MM-DD, is "${asOf}"`);
	if (c.notes !== undefined) r.string(c.notes, 'notes');

	const districts: DemoCalibration['districts'] = {};
	const ds = r.object(c.districts, 'districts') ?? BROKEN;
	for (const [code, v] of Object.entries(ds)) {
		if (code.startsWith('$')) continue;
		const path = `districts.${code}`;
		const d = r.object(v, path);
		if (!d) continue;
		r.only(d, path, ['name', 'population', 'minorityShare']);
		if (d.name !== undefined) r.string(d.name, `${path}.name`);
		districts[code] = {
			population: r.figure(d.population, `${path}.population`, positive),
			minorityShare: r.figure(d.minorityShare, `${path}.minorityShare`, share)
		};
	}
	if (Object.keys(districts).length === 0 && ds !== BROKEN)
		r.fail('districts', 'names no district');

	const hl = r.object(c.highland, 'highland') ?? BROKEN;
	r.only(hl, 'highland', ['districts', 'source']);
	r.string(hl.source, 'highland.source');
	const highland: string[] = [];
	const listed = hl.districts;
	if (Array.isArray(listed))
		listed.forEach((code, i) => {
			if (typeof code !== 'string' || !(code in districts))
				r.fail(`highland.districts[${i}]`, `${shown(code)} is not a district of "districts"`);
			else highland.push(code);
		});
	else if (listed !== SKIP)
		r.fail(
			'highland.districts',
			listed === undefined ? 'missing' : `must be a list of codes, is ${shown(listed)}`
		);

	const pv = r.object(c.prevalence, 'prevalence') ?? BROKEN;
	r.only(pv, 'prevalence', ['minority', 'kinh']);
	const prevalence = {
		minority: r.figure(pv.minority, 'prevalence.minority', share),
		kinh: r.figure(pv.kinh, 'prevalence.kinh', share)
	};

	const cats = r.object(c.categories, 'categories') ?? BROKEN;
	r.only(cats, 'categories', Object.values(MIXES));
	const mix = (id: string): number[] => {
		const path = `categories.${id}`;
		const b = plan.spec.breakdowns.find((x) => x.id === id);
		if (!b) {
			r.fail(path, `the plan has no breakdown "${id}"`);
			return [];
		}
		const o = r.object(cats[id], path);
		if (!o) return [];
		r.only(
			o,
			path,
			b.categories.map((x) => x.code)
		);
		return b.categories.map((x) => r.figure(o[x.code], `${path}.${x.code}`, weight));
	};
	const typeMix = mix(MIXES.typeMix);
	const severityMix = mix(MIXES.severityMix);
	const ageMix = mix(MIXES.ageMix);

	const boysShare = r.figure(c.boysShare, 'boysShare', share);
	const rg = r.object(c.register, 'register') ?? BROKEN;
	r.only(rg, 'register', ['firstYear', 'yearlyGrowth']);
	const register = {
		firstYear: r.figure(rg.firstYear, 'register.firstYear', positive),
		yearlyGrowth: r.figure(rg.yearlyGrowth, 'register.yearlyGrowth')
	};

	/** { "source": "…", "byYear": { "<year>": number, … } }, every year of the plan. */
	const series = (v: unknown, path: string, rule: Rule): number[] => {
		const o = r.object(v, path);
		if (!o) return [];
		r.only(o, path, ['source', 'byYear']);
		r.string(o.source, `${path}.source`);
		const by = r.object(o.byYear, `${path}.byYear`);
		if (!by) return [];
		const { first, last } = plan.years;
		for (const y of Object.keys(by))
			if (!(/^\d{4}$/.test(y) && Number(y) >= first && Number(y) <= last))
				r.fail(`${path}.byYear.${y}`, `not a year of the plan (${first}–${last})`);
		const out: number[] = [];
		for (let y = first; y <= last; y++) out.push(r.number(by[y], `${path}.byYear.${y}`, rule));
		return out;
	};
	const tr = r.object(c.trajectory, 'trajectory') ?? BROKEN;
	r.only(tr, 'trajectory', TRAJECTORIES);
	const trajectory = {
		access: series(tr.access, 'trajectory.access', share),
		skills: series(tr.skills, 'trajectory.skills', share),
		caregivers: series(tr.caregivers, 'trajectory.caregivers', share),
		staff: series(tr.staff, 'trajectory.staff', share)
	};
	const tolerance = r.figure(c.tolerance, 'tolerance', positive);
	const nw = r.object(c.network, 'network') ?? BROKEN;
	r.only(nw, 'network', ['communes', 'districts']);
	const network = {
		communes: series(nw.communes, 'network.communes', count),
		districts: series(nw.districts, 'network.districts', count)
	};

	const fs = r.object(c.facilityStaff, 'facilityStaff') ?? BROKEN;
	r.only(fs, 'facilityStaff', ['seatDistrict', 'seatWard', 'ward', 'town']);
	const seat = r.object(fs.seatDistrict, 'facilityStaff.seatDistrict') ?? BROKEN;
	r.only(seat, 'facilityStaff.seatDistrict', ['code', 'source']);
	r.string(seat.source, 'facilityStaff.seatDistrict.source');
	const seatDistrict = r.string(seat.code, 'facilityStaff.seatDistrict.code');
	if (seatDistrict && !(seatDistrict in districts))
		r.fail('facilityStaff.seatDistrict.code', `"${seatDistrict}" is not a district of "districts"`);
	const facilityStaff = {
		seatDistrict,
		seatWard: r.figure(fs.seatWard, 'facilityStaff.seatWard', count),
		ward: r.figure(fs.ward, 'facilityStaff.ward', count),
		town: r.figure(fs.town, 'facilityStaff.town', count)
	};

	return {
		calibration: {
			plan: plan.id,
			seed,
			asOf,
			districts,
			highland,
			prevalence,
			typeMix,
			severityMix,
			ageMix,
			boysShare,
			register,
			trajectory,
			tolerance,
			network,
			facilityStaff
		},
		errors
	};
}

/** The calibration file's figures; throws naming `file` and every error. */
export function readDemoCalibration(json: unknown, plan: Plan, file: string): DemoCalibration {
	const { calibration, errors } = checkDemoCalibration(json, plan);
	if (errors.length)
		throw new Error(
			`${file}: ${errors.length} error(s) in the calibration of ${plan.id}\n  ${errors.join('\n  ')}`
		);
	return calibration;
}

/** What the generator takes from the plan file; throws when the plan lacks it. */
export function demoPlan(plan: Plan): DemoPlan {
	const due = (column: string) => {
		const d = plan.reporting.periods.find((p) => p.column === column)?.due;
		if (!d)
			throw new Error(
				`${plan.id}: no reporting duty writes ${column} (the illustrative data has that column)`
			);
		return d;
	};
	const spec = plan.spec;
	const networkYears = spec.indicators.flatMap((ind) =>
		ind.kind === 'unit_count'
			? ind.targets
					.filter((t) => (t.flag ?? ind.flag) === 'linked_network')
					.map((t) => spec.phases.find((p) => p.id === t.phase)?.startYear ?? Infinity)
			: []
	);
	const networkFrom = Math.min(...networkYears);
	if (!Number.isFinite(networkFrom))
		throw new Error(`${plan.id}: no phase's unit-count target counts the flag linked_network`);
	return {
		area: { code: plan.geography.province.code, name: plan.geography.province.name.vi },
		firstYear: plan.years.first,
		lastYear: plan.years.last,
		due: { h1: due('report_h1_submitted'), year: due('report_year_submitted') },
		networkFrom
	};
}
