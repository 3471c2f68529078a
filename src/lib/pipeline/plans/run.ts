/**
 * The general plan runtime: any plan file of the general model, with no plan-specific code. Reads
 * the plan, its unit list and its dataset folder, validates them against the plan's intake
 * format, sums up the tree, protects, publishes to a staging folder, audits it as a reader would
 * and swaps it in (static/plan-data/<plan id>/). On any error nothing is published and the last
 * good folder stays as it was.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { IntakeIssue } from '../../domain/intake/messages';
import { intakeFormat } from '../../domain/plan/intake-format';
import { loadPlan } from '../../domain/plan/load';
import { readCrosswalk } from '../../domain/plan/reforms';
import type { PlanSpec } from '../../domain/plan/types';
import { checkYears } from '../../domain/plan/unit-list-years';
import {
	parseUnitList,
	unitsInYear,
	type UnitVersion,
	type YearUnits
} from '../../domain/plan/unit-list';
import type { Manifest } from '../../domain/published';
import { acquireLock } from '../lock';
import { recoverPublished } from '../publish';
import { fileIssue, readDatasetFolder } from './read-dataset';
import { publishPlan } from './publish-plan';
import { validateFiles } from './validate';

export interface PlanPipelineOptions {
	root: string;
	/** the plan file, relative to root */
	planFile: string;
	/** the dataset folder (default data/datasets/<plan id>) */
	datasets?: string;
	/** where the plan's folder is published (default static/plan-data/<plan id>) */
	out?: string;
}

export interface PlanPipelineResult {
	ok: boolean;
	plan?: string;
	issues: IntakeIssue[];
	problems: string[];
	manifest?: Manifest & { years: number[] };
}

export interface PlanInputs {
	spec: PlanSpec;
	versions: UnitVersion[];
	trees: Map<number, YearUnits>;
}

/** The plan file and its unit list, checked. */
export async function readPlanInputs(
	root: string,
	planFile: string
): Promise<{ inputs?: PlanInputs; issues: IntakeIssue[] }> {
	let json: unknown;
	try {
		json = JSON.parse(await readFile(path.resolve(root, planFile), 'utf8'));
	} catch (e) {
		return {
			issues: [
				fileIssue(
					planFile,
					`Không đọc được tệp kế hoạch (${(e as Error).message}).`,
					`The plan file cannot be read (${(e as Error).message}).`
				)
			]
		};
	}
	const loaded = loadPlan(json);
	if (!loaded.ok)
		return { issues: loaded.errors.map((e) => fileIssue(planFile, e.vi, e.en, 0, e.path)) };
	const spec = loaded.plan;
	const unitsFile = spec.geography.unitsFile;
	if (!unitsFile)
		return {
			issues: [
				fileIssue(
					planFile,
					'Kế hoạch chưa ghi danh sách đơn vị: thêm geography.unitsFile.',
					'The plan names no unit list: add geography.unitsFile.',
					0,
					'geography.unitsFile'
				)
			]
		};
	let text: string;
	try {
		text = await readFile(path.resolve(root, unitsFile), 'utf8');
	} catch {
		return {
			issues: [
				fileIssue(
					unitsFile,
					'Không đọc được danh sách đơn vị: kiểm tra geography.unitsFile.',
					'The unit list cannot be read: check geography.unitsFile.'
				)
			]
		};
	}
	const levels = spec.geography.levels.map((l) => l.id);
	const years: number[] = [];
	for (let y = spec.years.first; y <= spec.years.last; y++) years.push(y);
	const parsed = parseUnitList(text, unitsFile, levels);
	const issues =
		parsed.issues.length > 0
			? parsed.issues
			: checkYears(parsed.versions, unitsFile, levels, years);
	if (issues.length > 0) return { issues };
	const reformIssues = await checkReforms(root, spec, parsed.versions);
	if (reformIssues.length > 0) return { issues: reformIssues };
	const trees = new Map(years.map((y) => [y, unitsInYear(parsed.versions, y, levels)]));
	return { inputs: { spec, versions: parsed.versions, trees }, issues: [] };
}

/** The day before an ISO date. */
const dayBefore = (iso: string) =>
	new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/**
 * Each reform's crosswalk (and boundaries) can be read, and the crosswalk names the plan's units
 * as its unit list does on the eve of the reform (reforms.ts says what is checked).
 */
async function checkReforms(
	root: string,
	spec: PlanSpec,
	versions: UnitVersion[]
): Promise<IntakeIssue[]> {
	const issues: IntakeIssue[] = [];
	for (const [i, r] of spec.geography.reforms.entries()) {
		const eve = dayBefore(r.from);
		const planUnits = new Map(
			versions
				.filter((v) => (v.validFrom ?? '') <= eve && (v.validTo === null || v.validTo >= eve))
				.map((v) => [v.code, v.name])
		);
		let text: string;
		try {
			text = await readFile(path.resolve(root, r.crosswalk), 'utf8');
		} catch {
			issues.push(
				fileIssue(
					r.crosswalk,
					'Không đọc được bảng chuyển đổi: kiểm tra geography.reforms[].crosswalk.',
					'The crosswalk cannot be read: check geography.reforms[].crosswalk.',
					0,
					`geography.reforms[${i}].crosswalk`
				)
			);
			continue;
		}
		for (const p of readCrosswalk(text.replace(/^\uFEFF/, ''), planUnits).problems)
			issues.push({ ...fileIssue(r.crosswalk, p.vi, p.en, p.row, p.column), value: p.value });
		if (r.boundaries && !existsSync(path.resolve(root, r.boundaries)))
			issues.push(
				fileIssue(
					r.boundaries,
					'Không có tệp ranh giới của các đơn vị mới: kiểm tra geography.reforms[].boundaries.',
					'The new units’ boundaries file is missing: check geography.reforms[].boundaries.',
					0,
					`geography.reforms[${i}].boundaries`
				)
			);
	}
	return issues;
}

export async function runPlanPipeline(opts: PlanPipelineOptions): Promise<PlanPipelineResult> {
	const root = path.resolve(opts.root);
	const read = await readPlanInputs(root, opts.planFile);
	if (!read.inputs) return { ok: false, issues: read.issues, problems: [] };
	const { spec } = read.inputs;
	const out = path.resolve(root, opts.out ?? path.join('static/plan-data', spec.id));
	await mkdir(path.dirname(out), { recursive: true });
	const lock = await acquireLock(out);
	if ('issue' in lock) return { ok: false, plan: spec.id, issues: [lock.issue], problems: [] };
	try {
		await recoverPublished(out);
		const format = intakeFormat(spec);
		const dir = path.resolve(root, opts.datasets ?? path.join('data/datasets', spec.id));
		const folder = await readDatasetFolder(dir, format);
		const levels = spec.geography.levels.map((l) => l.id);
		const checked = validateFiles(folder.files, (y) => read.inputs!.trees.get(y), levels);
		const issues = [...folder.issues, ...checked.issues];
		if (folder.files.length === 0 && issues.length === 0)
			issues.push(
				fileIssue(
					path.basename(dir),
					'Thư mục số liệu không có tệp báo cáo nào.',
					'The dataset folder holds no report file.'
				)
			);
		if (issues.some((i) => i.severity === 'error') || !folder.dataset)
			return { ok: false, plan: spec.id, issues, problems: [] };
		const published = await publishPlan({
			root,
			out,
			inputs: read.inputs,
			dataset: folder.dataset,
			files: folder.files.map((f) => ({ prefix: f.spec.prefix, kind: f.spec.kind, year: f.year })),
			records: checked.records,
			units: checked.units
		});
		return {
			ok: published.ok,
			plan: spec.id,
			issues,
			problems: published.problems,
			manifest: published.manifest
		};
	} finally {
		await lock.release();
	}
}
