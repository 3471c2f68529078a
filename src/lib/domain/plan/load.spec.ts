import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { wardPlan } from './fixtures';
import { loadPlan, planFromJson } from './index';

/** The paths of the errors a broken copy of the ward plan gives. */
function errorsOf(edit: (p: any) => void) {
	const p = wardPlan();
	edit(p);
	const r = loadPlan(p);
	if (r.ok) return [];
	for (const e of r.errors) {
		// every error says what to fix in both languages
		expect(e.vi.length).toBeGreaterThan(5);
		expect(e.en.length).toBeGreaterThan(5);
	}
	return r.errors.map((e) => e.path);
}

describe('loadPlan', () => {
	it('accepts a ward plan with two levels, local codes, no boundaries and a qualitative target', () => {
		const r = loadPlan(wardPlan());
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.plan.geography.levels.map((l) => l.boundaries)).toEqual([undefined, undefined]);
		expect(r.plan.geography.levels[1].codes).toBe('local');
		const access = r.plan.indicators[0];
		expect(access.kind === 'rate' && access.numerator).toEqual(['accessed']); // one measure read as a sum of one
		expect(access.targets[1].value).toBeUndefined();
		expect(r.plan.reporting.duties[0].strict).toBe(true); // "trước ngày" by default
		expect(r.plan.breakdowns[0].overlapping).toBe(false);
	});

	it('is not served by the present (three-level) site, and says why', () => {
		expect(() => planFromJson(wardPlan())).toThrow(/levels ward → group/);
	});

	const cases: [string, (p: any) => void, string[]][] = [
		['a bad id', (p) => (p.id = 'Kon Tum'), ['id']],
		['a label without English', (p) => delete p.title.en, ['title.en']],
		['an impossible plan date', (p) => (p.document.date = '2019-02-30'), ['document.date']],
		[
			'two levels with one id',
			(p) => (p.geography.levels[1].id = 'ward'),
			[
				'geography.levels[1].id',
				'measures[0].levels[0]',
				'measures[1].levels[0]',
				'measures[2].levels[0]',
				'indicators[1].level',
				'reporting.duties[0].reporters.levels[0]',
				'publication.breakdownDepth.group'
			]
		],
		[
			'an unknown code kind',
			(p) => (p.geography.levels[1].codes = 'none'),
			['geography.levels[1].codes']
		],
		[
			'years the wrong way round',
			(p) => (p.years = { first: 2025, last: 2018 }),
			['years', 'phases[0]', 'phases[1]']
		],
		['overlapping phases', (p) => (p.phases[1].startYear = 2020), ['phases[1].startYear']],
		[
			'a reorganisation with an impossible date and no crosswalk',
			(p) =>
				(p.geography.reforms = [
					{
						from: '2025-06-31',
						label: { vi: 'Sáp nhập', en: 'Merger' },
						source: 'NQ',
						licence: 'x'
					}
				]),
			['geography.reforms[0].from', 'geography.reforms[0].crosswalk']
		],
		[
			'a baseline after the phase starts',
			(p) => (p.phases[0].baselineYear = 2019),
			['phases[0].baselineYear']
		],
		[
			'a population cut by an undeclared breakdown',
			(p) => (p.populations[0].breakdowns = ['age']),
			['populations[0].breakdowns[0]']
		],
		[
			'a measure of an undeclared population',
			(p) => (p.measures[0].population = 'csec'),
			['measures[0].population']
		],
		[
			'a measure at an undeclared level',
			(p) => (p.measures[0].levels = ['commune']),
			['measures[0].levels[0]']
		],
		[
			'atMost across populations',
			(p) => (p.measures[1].atMost = 'network'),
			['measures[1].atMost']
		],
		[
			'a rate over an undeclared measure',
			(p) => (p.indicators[0].denominator = ['children', 'staff']),
			['indicators[0].denominator[1]']
		],
		[
			'a rate over a flag',
			(p) => (p.indicators[0].numerator = 'network'),
			['indicators[0].numerator[0]']
		],
		['an unknown kind', (p) => (p.indicators[0].kind = 'ratio'), ['indicators[0].kind']],
		[
			'a unit count over a count',
			(p) => (p.indicators[1].flag = 'children'),
			['indicators[1].flag']
		],
		[
			'a rate target over 100',
			(p) => (p.indicators[0].targets[0].value = 900),
			['indicators[0].targets[0].value']
		],
		[
			'a numeric target with no test',
			(p) => delete p.indicators[0].targets[0].test,
			['indicators[0].targets[0].test']
		],
		[
			'an unknown test',
			(p) => (p.indicators[0].targets[0].test = 'reach'),
			['indicators[0].targets[0].test']
		],
		[
			"a target without the plan's words",
			(p) => delete p.indicators[0].targets[0].quote,
			['indicators[0].targets[0].quote']
		],
		[
			'a target of an undeclared phase',
			(p) => (p.indicators[0].targets[1].phase = 'p3'),
			['indicators[0].targets[1].phase']
		],
		[
			'two targets for one phase',
			(p) => (p.indicators[0].targets[1].phase = 'p1'),
			['indicators[0].targets[1].phase']
		],
		[
			'more units than it is out of',
			(p) => (p.indicators[1].targets[0].value = 6),
			['indicators[1].targets[0].value']
		],
		['"of" on a rate', (p) => (p.indicators[0].targets[0].of = 5), ['indicators[0].targets[0].of']],
		['an undeclared scheme', (p) => (p.indicators[0].scheme = '1437'), ['indicators[0].scheme']],
		['two indicators with one id', (p) => (p.indicators[1].id = 'access'), ['indicators[1].id']],
		[
			'a recurring due date written as a full date',
			(p) => (p.reporting.duties[0].due = '2019-11-30'),
			['reporting.duties[0].due']
		],
		[
			'an ad hoc report with a due date',
			(p) => (p.reporting.duties[0].frequency = 'ad_hoc'),
			['reporting.duties[0].due']
		],
		[
			'a one-off due date that does not exist',
			(p) => Object.assign(p.reporting.duties[0], { frequency: 'once', due: '2019-13-01' }),
			['reporting.duties[0].due']
		],
		[
			'nobody to report',
			(p) => (p.reporting.duties[0].reporters = {}),
			['reporting.duties[0].reporters']
		],
		[
			'a first date before the plan exists',
			(p) => (p.reporting.duties[0].from = '2018-06-10'),
			['reporting.duties[0].from']
		],
		[
			'an unknown frequency',
			(p) => (p.reporting.duties[0].frequency = 'quarterly'),
			['reporting.duties[0].frequency']
		],
		[
			'a breakdown depth for an undeclared level',
			(p) => (p.publication.breakdownDepth.commune = 1),
			['publication.breakdownDepth.commune']
		]
	];
	it('names the root when the file is not an object, and every missing section when empty', () => {
		expect(
			loadPlan([]).ok || (loadPlan([]) as { errors: { path: string }[] }).errors.map((e) => e.path)
		).toEqual(['$']);
		const empty = loadPlan({});
		const paths = empty.ok ? [] : empty.errors.map((e) => e.path);
		for (const p of [
			'id',
			'geography',
			'years',
			'phases',
			'populations',
			'measures',
			'indicators',
			'reporting',
			'publication'
		])
			expect(paths).toContain(p);
	});

	it.each(cases)('names the field for %s', (_name, edit, paths) => {
		expect(errorsOf(edit)).toEqual(paths);
	});

	it('warns, without failing, of a one-off deadline that precedes the plan (copied from the parent plan)', () => {
		const p = wardPlan() as any;
		p.reporting.duties.push({
			...p.reporting.duties[0],
			id: 'start',
			frequency: 'once',
			due: '2019-01-20'
		});
		const r = loadPlan(p);
		expect(r.ok && r.warnings.map((w) => w.path)).toEqual(['reporting.duties[1].due']);
	});
});

describe('the plan files', () => {
	const dir = path.join(process.cwd(), 'data/plans');
	const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
	it('are the five seed plans', () => expect(files.length).toBe(5));
	it.each(files)('%s loads without errors', (f) => {
		const r = loadPlan(JSON.parse(readFileSync(path.join(dir, f), 'utf8')));
		expect(r.ok ? [] : r.errors).toEqual([]);
	});
});
