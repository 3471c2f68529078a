/** Reads the plan, the code list and the report files from data/ (build time, Node). */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import Papa from 'papaparse';
import { planFromJson, type Plan } from '../domain/plan';
import { buildGeography, provincePartitions, type Geography, type Unit } from '../domain/units';
import { chainEras, eraAfter, type NewUnit, type UnitEra } from '../domain/unit-eras';
import { shown, type IntakeIssue } from '../domain/intake/messages';
import type { ValidatedFile } from '../domain/intake/validate';
import { classifyEntries, openRegular, readReportFile, type ReportEntry } from './report-files';

export interface Dataset {
	illustrative: boolean;
	asOf: string;
	source: { vi: string; en: string };
	/** licence of the published tables (SPDX id); CC-BY-4.0 when not given */
	licence?: string;
	/** how reports are kept: the worksheet of .xlsx reports to read (the first when not given) */
	format?: { sheet?: string };
}

export async function readPlan(file: string): Promise<Plan> {
	return planFromJson(JSON.parse(await readFile(file, 'utf8')), file);
}

async function readUnits(root: string, plan: Plan): Promise<Unit[]> {
	const text = await readFile(path.join(root, plan.geography.unitsFile), 'utf8');
	return Papa.parse<Unit>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
}

const topUnit = (plan: Plan) => ({
	code: plan.geography.province.code,
	name: plan.geography.province.name.vi
});

/** Every unit of the code list under the plan's top unit (what the intake checks codes against). */
export async function readGeography(root: string, plan: Plan): Promise<Geography> {
	return buildGeography(topUnit(plan), await readUnits(root, plan));
}

/**
 * The plan's units over time: its unit list, then the units of each reform that names them. A
 * plan spanning several provinces (a national list) has one era: reforms apply to one area.
 */
export async function readEras(root: string, plan: Plan, first: Geography): Promise<UnitEra[]> {
	const later: UnitEra[] = [];
	for (const r of plan.spec.geography.reforms) {
		if (!r.units) continue;
		const text = await readFile(path.join(root, r.units), 'utf8');
		const units = Papa.parse<NewUnit>(text.replace(/^\uFEFF/, ''), {
			header: true,
			skipEmptyLines: true
		}).data;
		later.push(eraAfter(first, r, units));
	}
	return chainEras(first, later);
}

export interface Setup {
	plan: Plan;
	/** every unit of the plan's first list: the intake checks codes against it */
	geo: Geography;
	/** the units over time (one era when no reform changed them) */
	eras: UnitEra[];
	/** one geography per province, aggregated and protected one at a time */
	partitions: Geography[];
	dataset: Dataset;
	/** report files, sorted: path relative to the reports folder's parent, and absolute path */
	reports: ReportEntry[];
}

/**
 * The plan, the code list, dataset.json and the list of report files. Every entry of the reports
 * folder that is not a report or dataset.json, and a missing or broken dataset.json, comes back
 * as an issue (with no setup when nothing can go on).
 */
export async function readSetup(opts: {
	root: string;
	plan: string;
	reports: string;
}): Promise<{ setup?: Setup; issues: IntakeIssue[] }> {
	const plan = await readPlan(path.resolve(opts.root, opts.plan));
	const units = await readUnits(opts.root, plan);
	const reportsDir = path.resolve(opts.root, opts.reports);
	const folder = path.basename(reportsDir);
	let entries;
	try {
		entries = await readdir(reportsDir, { withFileTypes: true });
	} catch (e) {
		return {
			issues: [
				{
					file: folder,
					row: 0,
					column: '',
					value: '',
					severity: 'error',
					message: {
						vi: `Không đọc được thư mục báo cáo ${reportsDir} (${(e as NodeJS.ErrnoException).code}): kiểm tra đường dẫn (--reports).`,
						en: `The reports folder ${reportsDir} cannot be read (${(e as NodeJS.ErrnoException).code}): check the path (--reports).`
					}
				}
			]
		};
	}
	const { reports, issues } = classifyEntries(folder, reportsDir, entries);
	const geo = buildGeography(topUnit(plan), units);
	const partitions = provincePartitions(topUnit(plan), units);
	const dataset = await readDataset(path.posix.join(folder, 'dataset.json'), reportsDir);
	if ('issue' in dataset) return { issues: [dataset.issue, ...issues] };
	return {
		setup: {
			plan,
			geo,
			eras: partitions.length === 1 ? await readEras(opts.root, plan, geo) : chainEras(geo, []),
			partitions,
			dataset: dataset.dataset,
			reports
		},
		issues
	};
}

/** dataset.json, checked: a message for a missing, unreadable or incomplete file, never a stack trace. */
export async function readDataset(
	file: string,
	dir: string
): Promise<{ dataset: Dataset } | { issue: IntakeIssue }> {
	const issue = (vi: string, en: string): { issue: IntakeIssue } => ({
		issue: { file, row: 0, column: '', value: '', severity: 'error', message: { vi, en } }
	});
	const opened = await openRegular(file, path.join(dir, 'dataset.json'));
	if ('issue' in opened) return opened;
	let text: string;
	try {
		if (opened.size > 1 << 20)
			return issue(
				'dataset.json lớn hơn 1 MB: tệp này chỉ mô tả bộ số liệu (xem data/README.md).',
				'dataset.json is over 1 MB: it only describes the dataset (see data/README.md).'
			);
		text = (await opened.fh.readFile('utf8')).replace(/^\uFEFF/, '');
	} finally {
		await opened.fh.close();
	}
	let d: Record<string, unknown>;
	try {
		d = JSON.parse(text);
	} catch (e) {
		const why = shown((e as Error).message);
		return issue(
			`dataset.json không phải JSON hợp lệ (${why}): sửa tệp theo mẫu trong data/README.md.`,
			`dataset.json is not valid JSON (${why}): fix it after the example in data/README.md.`
		);
	}
	const source = (d?.source ?? {}) as Record<string, unknown>;
	const format = d?.format as Record<string, unknown> | undefined;
	const wrong: string[] = [];
	if (typeof d !== 'object' || d === null || Array.isArray(d)) wrong.push('(top level)');
	else {
		if (typeof d.illustrative !== 'boolean') wrong.push('illustrative (true/false)');
		if (typeof d.asOf !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(d.asOf))
			wrong.push('asOf (YYYY-MM-DD)');
		if (typeof source.vi !== 'string' || typeof source.en !== 'string')
			wrong.push('source.vi, source.en');
		if (d.licence !== undefined && typeof d.licence !== 'string') wrong.push('licence');
		if (format !== undefined && (typeof format !== 'object' || typeof format.sheet !== 'string'))
			wrong.push('format.sheet');
	}
	if (wrong.length > 0)
		return issue(
			`dataset.json thiếu hoặc sai mục: ${wrong.join('; ')}. Sửa theo mẫu trong data/README.md.`,
			`dataset.json lacks or has wrong entries: ${wrong.join('; ')}. Fix it after the example in data/README.md.`
		);
	return { dataset: d as unknown as Dataset };
}

/** Reads and validates one report file (all its rows in memory: for tests and small folders). */
export async function readReport(
	report: ReportEntry,
	ctx: { plan: Plan; geo: Geography },
	opts: Parameters<typeof readReportFile>[2] = {}
): Promise<ValidatedFile> {
	return readReportFile(report, ctx, opts);
}
