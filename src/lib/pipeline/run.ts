/**
 * The pipeline: read → validate → aggregate → reconcile → protect → publish. Returns the issues
 * found; publishes only when there is no error, so the last good data stays otherwise.
 */
import path from 'node:path';
import { formatIssue, type IntakeIssue } from '../domain/intake/messages';
import { breakdownIds } from '../domain/breakdowns';
import { planYears } from '../domain/plan';
import { aggregateCube, aggregateUnitYears } from './aggregate';
import { buildReportingTables, buildUnitsTable } from './build-reporting';
import { buildCubeTable, buildIndicatorTable } from './build-tables';
import type { Manifest } from '../domain/published';
import { publish, recoverPublished } from './publish';
import { readInputs } from './read-inputs';
import { reconcile } from './reconcile';

export interface PipelineOptions {
	root: string;
	plan?: string;
	reports?: string;
	/** where published data goes (default static/data) */
	out?: string;
}

export interface PipelineResult {
	ok: boolean;
	issues: IntakeIssue[];
	problems: string[];
	manifest?: Manifest;
}

export async function runPipeline(opts: PipelineOptions): Promise<PipelineResult> {
	const root = path.resolve(opts.root);
	const out = path.resolve(root, opts.out ?? 'static/data');
	await recoverPublished(out);
	const inputs = await readInputs({
		root,
		plan: opts.plan ?? 'data/plans/kontum-3430.json',
		reports: opts.reports ?? 'data/reports'
	});
	const { plan, geo, dataset, files } = inputs;
	const issues = files.flatMap((f) => f.issues);
	const problems: string[] = [];
	if (!files.some((f) => f.kind === 'children'))
		problems.push('No children report file (children-*.csv) in the reports folder.');
	if (issues.some((i) => i.severity === 'error') || problems.length > 0)
		return { ok: false, issues, problems };

	const years = planYears(plan).filter((y) =>
		files.some((f) => f.children.some((r) => r.year === y) || f.units.some((r) => r.year === y))
	);
	const children = files.flatMap((f) => f.children);
	const units = files.flatMap((f) => f.units);
	// The same key in two files is a duplicate too (each file checks its own rows).
	const seen = new Map<string, string>();
	const once = (file: string, key: string, what: string) => {
		if (seen.has(key)) problems.push(`${file}: ${what} is also in ${seen.get(key)}`);
		else seen.set(key, file);
	};
	for (const f of files) {
		for (const r of f.units)
			once(f.file, `u|${r.unit_code}|${r.year}`, `unit ${r.unit_code} year ${r.year}`);
		for (const r of f.children) {
			const cell = breakdownIds.map((d) => r[d]).join('|');
			once(
				f.file,
				`c|${r.commune_code}|${r.year}|${cell}`,
				`commune ${r.commune_code} year ${r.year} cell ${cell}`
			);
		}
	}
	if (problems.length > 0) return { ok: false, issues, problems };

	const periodColumns = plan.reporting.periods.map((p) => p.column);
	const cube = await aggregateCube(children, geo, years);
	const unitYears = aggregateUnitYears(units, geo, years, periodColumns);
	problems.push(...reconcile(cube, unitYears, geo));
	if (problems.length > 0) return { ok: false, issues, problems };

	const cubeTable = buildCubeTable(cube, plan, geo);
	const indicators = buildIndicatorTable(cubeTable, cube, unitYears, plan, geo);
	const [reporting, reportingSummary] = buildReportingTables(unitYears, plan, geo, dataset.asOf);
	const unitsTable = buildUnitsTable(plan, geo);
	const geoDir = path.join(root, path.dirname(plan.geography.unitsFile));
	const manifest = await publish(out, {
		planId: plan.id,
		dataset,
		tables: [indicators, cubeTable, reporting, reportingSummary, unitsTable],
		jsonTables: ['indicators', 'reporting', 'reporting_summary', 'units'],
		extras: [
			{
				from: path.join(root, plan.geography.communeBoundaries),
				to: 'geo/communes.geojson',
				format: 'geojson',
				licence: 'GPL-3.0',
				title: { vi: 'Ranh giới 102 xã, phường, thị trấn', en: 'Boundaries of the 102 communes' }
			},
			{
				from: path.join(root, plan.geography.districtBoundaries),
				to: 'geo/districts.geojson',
				format: 'geojson',
				licence: 'GPL-3.0',
				title: { vi: 'Ranh giới 10 huyện, thành phố', en: 'Boundaries of the 10 districts' }
			},
			{
				from: path.join(geoDir, 'README.md'),
				to: 'geo/README.md',
				format: 'text',
				licence: 'GPL-3.0',
				title: {
					vi: 'Nguồn, giấy phép và khiếm khuyết của ranh giới',
					en: 'Boundary sources, licences and defects'
				}
			},
			{
				from: path.join(geoDir, 'LICENSE-GPL-3.0.txt'),
				to: 'geo/LICENSE-GPL-3.0.txt',
				format: 'text',
				licence: 'GPL-3.0',
				title: { vi: 'Văn bản giấy phép GPL-3.0', en: 'GPL-3.0 licence text' }
			}
		]
	});
	return { ok: true, issues, problems, manifest };
}

export function reportIssues(result: PipelineResult): string {
	const lines: string[] = [];
	for (const i of result.issues)
		lines.push(
			`${i.severity === 'error' ? 'LỖI/ERROR' : 'CẢNH BÁO/WARNING'} ${formatIssue(i, 'vi')}\n    ${formatIssue(i, 'en')}`
		);
	for (const p of result.problems) lines.push(`LỖI/ERROR ${p}`);
	return lines.join('\n');
}
