/**
 * The checked-in home plan shape (src/lib/domain/home-plan-shape.generated.json) says what the
 * home plan's file says: a plan edited without `npm run generate:shape` fails here, not on a
 * page. The oracle is the generator run on the plan file itself, and a plan edited on purpose
 * must change the result (the check can fail).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planFromJson } from '../domain/plan';
import { homePlanShape, shapeFileText, SHAPE_FILE } from './home-plan-shape';
import { homePlan } from './site-config';

const root = process.cwd();
const planFile = homePlan(root).plan;
const checkedIn = readFileSync(path.join(root, SHAPE_FILE), 'utf8');
const planJson = () => JSON.parse(readFileSync(path.join(root, planFile), 'utf8'));
const tmp = mkdtempSync(path.join(os.tmpdir(), 'plan-shape-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The generated file (without its comment) for the home plan after `edit`. */
function shapeAfter(edit: (plan: ReturnType<typeof planJson>) => void) {
	const plan = planJson();
	edit(plan);
	writeFileSync(path.join(tmp, 'plan.json'), JSON.stringify(plan));
	return withoutComment(shapeFileText(tmp, 'plan.json'));
}
function withoutComment(text: string) {
	const { $comment: _, ...shape } = JSON.parse(text);
	return shape;
}

describe('the checked-in home plan shape', () => {
	it(`is what ${planFile} says (else: npm run generate:shape)`, () => {
		expect(checkedIn).toBe(shapeFileText(root, planFile));
	});
	it('names the plan file and the command that wrote it', () => {
		const comment = JSON.parse(checkedIn).$comment as string;
		expect(comment).toContain(planFile);
		expect(comment).toContain('npm run generate:shape');
	});
	it('stays small: it is bundled into the pages, the plan is not', () => {
		expect(Buffer.byteLength(checkedIn)).toBeLessThan(4_500);
		expect(Buffer.byteLength(checkedIn)).toBeLessThan(
			readFileSync(path.join(root, planFile)).length / 4
		);
	});
});

describe('the generated shape follows each edit of the plan', () => {
	it('the plan unedited gives the checked-in file', () => {
		expect(shapeAfter(() => {})).toEqual(withoutComment(checkedIn));
	});
	it('a category relabelled', () => {
		const shape = shapeAfter((p) => (p.breakdowns[0].categories[2].label.en = 'Sight'));
		expect(shape).not.toEqual(withoutComment(checkedIn));
		expect(shape.breakdowns[0].categories[2].label).toEqual({ vi: 'Khuyết tật nhìn', en: 'Sight' });
	});
	it('a bound removed, a count column added to another population, a breakdown reordered', () => {
		const noBound = shapeAfter((p) => delete p.measures[6].atMost);
		expect(noBound.counts[6]).toEqual({ id: 'skills' });
		// a count of caregivers is not a column of the children cube
		const other = shapeAfter((p) =>
			p.measures.push({ id: 'extra', population: 'caregivers', type: 'count', levels: ['commune'] })
		);
		expect(other).toEqual(withoutComment(checkedIn));
		const reordered = shapeAfter((p) => p.populations[0].breakdowns.reverse());
		expect(reordered.breakdowns.map((b: { id: string }) => b.id)).toEqual([
			'ethnicity',
			'age_band',
			'sex',
			'severity',
			'disability_type'
		]);
	});
});

describe('homePlanShape', () => {
	it('refuses a plan whose first population has no breakdowns', () => {
		const plan = planJson();
		plan.populations[0].breakdowns = [];
		expect(() => homePlanShape(planFromJson(plan))).toThrow(/first population cut by breakdowns/);
	});
	it('keeps only the rates over the cube population', () => {
		const rates = homePlanShape(planFromJson(planJson())).rates.map((r) => r.id);
		expect(rates).toEqual(['access', 'skills']);
	});
});
