/**
 * The pipeline: read → validate → aggregate → reconcile → protect → publish. Returns the issues
 * found; publishes only when there is no error, so the last good data stays otherwise.
 */
import path from 'node:path';
import {
	crossFileDuplicate,
	escapeControl,
	formatIssue,
	type IntakeIssue
} from '../domain/intake/messages';
import type { UnitRecord } from '../domain/intake/schema';
import { planYears, type Plan } from '../domain/plan';
import type { Manifest } from '../domain/published';
import type { Geography } from '../domain/units';
import { aggregateUnitYears, ChildrenStore, type CubeRow, type UnitYear } from './aggregate';
import { buildReportingTables, buildUnitsTable } from './build-reporting';
import { auditPublication } from './audit/publication';
import {
	buildCubeTable,
	buildIndicatorTable,
	cellsPublished,
	ProtectionError,
	type Protected,
	type Table
} from './build-tables';
import { Publisher, recoverPublished, type PublishedExtra } from './publish';
import { acquireLock } from './lock';
import { readSetup, type Setup } from './read-inputs';
import { readReportFile } from './report-files';
import { reconcile } from './reconcile';
import { homePlan } from './site-config';
import { eraOfYear } from '../domain/unit-eras';

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
	// The lock comes first: recovery and staging belong to one run at a time.
	const lock = await acquireLock(out);
	if ('issue' in lock) return { ok: false, issues: [lock.issue], problems: [] };
	try {
		await recoverPublished(out);
		return await runLocked(root, out, opts);
	} finally {
		await lock.release();
	}
}

async function runLocked(
	root: string,
	out: string,
	opts: PipelineOptions
): Promise<PipelineResult> {
	const read = await readSetup({
		root,
		plan: opts.plan ?? homePlan(root).plan,
		reports: opts.reports ?? homePlan(root).reports
	});
	const issues: IntakeIssue[] = [...read.issues];
	if (!read.setup) return { ok: false, issues, problems: [] };
	const setup = read.setup;
	const { plan, geo, partitions, dataset } = setup;
	const store = await ChildrenStore.open();
	try {
		// Files are read in pieces and their children rows go straight to DuckDB as they are
		// validated, so memory holds one row of a file, not a country's.
		const problems: string[] = [];
		const units: UnitRecord[] = [];
		const seen = new Map<string, { file: string; line: number }>();
		let childrenFiles = 0;
		for (const report of setup.reports) {
			const rows = await store.beginFile(report.file);
			const unitRows: { r: UnitRecord; line: number }[] = [];
			let f;
			try {
				f = await readReportFile(
					report,
					{ plan, geo, eras: setup.eras },
					{
						onChildren: rows.add,
						onUnits: (r, line) => unitRows.push({ r, line }),
						sheetName: dataset.format?.sheet
					}
				);
			} finally {
				rows.close();
			}
			for (const i of f.issues) issues.push(i); // a spread of a huge list would overflow the stack
			if (f.kind === 'children') childrenFiles++;
			if (f.issues.some((i) => i.severity === 'error')) {
				await rows.discard();
				continue;
			}
			// The same key in two files is a duplicate too (each file checks its own rows).
			for (const { r, line } of unitRows) {
				const key = `${r.unit_code}|${r.year}`;
				const first = seen.get(key);
				if (first)
					issues.push(
						crossFileDuplicate(
							first,
							{ file: f.file, line },
							['unit_code', 'year'],
							`${r.unit_code}, ${r.year}`
						)
					);
				else seen.set(key, { file: f.file, line });
				units.push(r);
			}
		}
		if (childrenFiles === 0)
			issues.push({
				file: path.basename(path.resolve(root, opts.reports ?? homePlan(root).reports)),
				row: 0,
				column: '',
				value: '',
				severity: 'error',
				message: {
					vi: 'Thư mục báo cáo không có tệp trẻ em nào (tệp có cột commune_code): thêm tệp children-<năm>.csv hoặc .xlsx.',
					en: 'The reports folder has no children file (one with a commune_code column): add children-<year>.csv or .xlsx.'
				}
			});
		if (issues.some((i) => i.severity === 'error')) return { ok: false, issues, problems };
		for (const i of await store.duplicatesAcrossFiles()) issues.push(i);
		if (issues.some((i) => i.severity === 'error')) return { ok: false, issues, problems };

		// A year of the plan is published when some report has it. Children figures come only
		// from the years a children report has: a year with units rows but no children rows is
		// published with its children counts empty ("no report"), never as zeros.
		const withChildren = new Set(await store.years());
		const years = planYears(plan).filter(
			(y) => withChildren.has(y) || units.some((r) => r.year === y)
		);
		const childYears = years.filter((y) => withChildren.has(y));
		const periodColumns = plan.reporting.periods.map((p) => p.column);
		const publisher = await Publisher.open(out, {
			planId: plan.id,
			publication: plan.publication,
			dataset
		});
		try {
			const manifest = await publishPartitions(publisher, store, {
				partitions,
				units,
				years,
				childYears,
				periodColumns,
				problems,
				setup,
				root
			});
			if (!manifest) {
				await publisher.abort();
				return { ok: false, issues, problems };
			}
			return { ok: true, issues, problems, manifest };
		} catch (e) {
			await publisher.abort();
			throw e;
		}
	} finally {
		store.close();
	}
}

/**
 * Aggregates, reconciles and protects one province at a time, writing each as it is done.
 * One province (Kon Tum) publishes its tables whole, as before. Several (a national plan)
 * publish the cube one file per province plus the provinces' own rows in one table; the
 * smaller tables are joined. Returns undefined, with `problems` filled, when totals do not add up.
 */
async function publishPartitions(
	publisher: Publisher,
	store: ChildrenStore,
	ctx: {
		partitions: Geography[];
		units: UnitRecord[];
		years: number[];
		/** the years some children report has */
		childYears: number[];
		periodColumns: string[];
		problems: string[];
		setup: Setup;
		root: string;
	}
): Promise<Manifest | undefined> {
	const { plan, dataset, eras } = ctx.setup;
	const single = ctx.partitions.length === 1;
	// One province's units over time: one piece per era, each with its years (a code names a unit
	// within its era only). A national list: one piece per province, every year.
	const pieces =
		single && eras.length > 1
			? eras.map((era) => ({
					geo: era.geo,
					era,
					years: ctx.years.filter((y) => eraOfYear(eras, y) === era)
				}))
			: ctx.partitions.map((geo) => ({ geo, era: single ? eras[0] : undefined, years: ctx.years }));
	// A row for the top of a national list (the country) belongs to no province: it has no row
	// of its own in the published tables either.
	const unitsOf = (piece: (typeof pieces)[number]) =>
		ctx.units.filter((r) => piece.years.includes(r.year) && piece.geo.byCode.has(r.unit_code));

	const joined: Record<'indicators' | 'reporting' | 'reporting_summary' | 'units', Table[]> = {
		indicators: [],
		reporting: [],
		reporting_summary: [],
		units: []
	};
	const cubes: Table[] = [];
	const report: Protected[] = [];
	const truth: { cube: CubeRow[]; unitYears: UnitYear[] }[] = [];
	for (const piece of pieces) {
		const { geo } = piece;
		if (piece.years.length === 0) {
			// an era no report reaches yet: its units are published, no figures
			joined.units.push(buildUnitsTable(plan, geo, piece.era));
			continue;
		}
		const childYears = ctx.childYears.filter((y) => piece.years.includes(y));
		const cube = await store.cube(geo, childYears, plan.publication.breakdownDepth);
		const unitYears = aggregateUnitYears(unitsOf(piece), geo, piece.years, ctx.periodColumns);
		ctx.problems.push(...reconcile(cube, unitYears, geo));
		if (ctx.problems.length > 0) return undefined;
		let cubeTable: Table;
		try {
			cubeTable = await buildCubeTable(cube, plan, geo, report);
			joined.indicators.push(
				await buildIndicatorTable(cubeTable, cube, unitYears, plan, geo, report, piece.era)
			);
		} catch (e) {
			if (!(e instanceof ProtectionError)) throw e;
			ctx.problems.push(`${e.message}. Nothing is published; the last published data stays.`);
			return undefined;
		}
		truth.push({ cube, unitYears });
		const [reporting, reportingSummary] = buildReportingTables(
			unitYears,
			plan,
			geo,
			dataset.asOf,
			piece.era
		);
		joined.reporting.push(reporting);
		joined.reporting_summary.push(reportingSummary);
		joined.units.push(buildUnitsTable(plan, geo, eras.length > 1 ? piece.era : undefined));
		if (single) cubes.push(cubeTable);
		else {
			await publisher.writePartition(cubeTable, geo.province.code);
			await publisher.appendRows({
				...cubeTable,
				name: 'children_cube_provinces',
				title: {
					vi: `${cubeTable.title.vi}: dòng của các tỉnh`,
					en: `${cubeTable.title.en}: the provinces' own rows`
				},
				rows: cubeTable.rows.filter((r) => r.level === 'province')
			});
		}
	}
	if (single) await publisher.writeTable(joinTables(cubes));
	const order = ['indicators', 'children_cube', 'reporting', 'reporting_summary', 'units'];
	for (const name of ['indicators', 'reporting', 'reporting_summary', 'units'] as const)
		await publisher.writeTable(joinTables(joined[name]), { json: true });
	publisher.manifest.tables.sort((a, b) => rank(order, a.name) - rank(order, b.name));

	for (const extra of extras(ctx.root, plan, ctx.partitions)) await publisher.copyExtra(extra);

	// The attack: the staged files, read back as a reader would, solved all at once.
	publisher.manifest.protection.cells = cellsPublished(report);
	await publisher.stage();
	const audit = await auditPublication(publisher.staging, plan, truth);
	publisher.manifest.protection.audit = audit.summary;
	if (audit.disclosures.length > 0 || audit.problems.length > 0) {
		ctx.problems.push(...audit.messages);
		return undefined;
	}
	return publisher.commit();
}

/** Files published as they are: the boundaries and their provenance. */
function extras(root: string, plan: Plan, partitions: Geography[]): PublishedExtra[] {
	const geoDir = path.join(root, path.dirname(plan.geography.unitsFile));
	// "Ranh giới 102 xã, phường, thị trấn": the count from the unit list, the words from the plan
	const [, district, commune] = plan.spec.geography.levels;
	const count = (level: 'districts' | 'communes') =>
		partitions.reduce((n, g) => n + g[level].length, 0);
	const boundaries = (n: number, label: { vi: string; en: string }) => ({
		vi: `Ranh giới ${n} ${label.vi.toLowerCase()}`,
		en: `Boundaries: ${n} units (${label.en.toLowerCase()})`
	});
	return [
		{
			from: path.join(root, plan.geography.communeBoundaries),
			to: 'geo/communes.geojson',
			format: 'geojson',
			licence: 'GPL-3.0',
			title: boundaries(count('communes'), commune.label)
		},
		{
			from: path.join(root, plan.geography.districtBoundaries),
			to: 'geo/districts.geojson',
			format: 'geojson',
			licence: 'GPL-3.0',
			title: boundaries(count('districts'), district.label)
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
		},
		// the boundaries of the units a reform made (dissolved from the old ones: their licence)
		...plan.spec.geography.reforms
			.filter((r) => r.boundaries)
			.map((r): PublishedExtra => ({
				from: path.join(root, r.boundaries!),
				to: `geo/communes-${r.from}.geojson`,
				format: 'geojson',
				licence: 'GPL-3.0',
				title: {
					vi: `${r.label.vi}: ranh giới các đơn vị từ ${r.from}`,
					en: `${r.label.en}: boundaries of the units from ${r.from}`
				}
			})),
		// the official crosswalk of each reorganisation the plan names, with the acts it rests on
		...plan.spec.geography.reforms.map((r): PublishedExtra => ({
			from: path.join(root, r.crosswalk),
			to: `geo/crosswalk-${r.from}.csv`,
			format: 'csv',
			licence: r.licence,
			title: {
				vi: `${r.label.vi}: bảng chuyển đổi từ ${r.from} (${r.source})`,
				en: `${r.label.en}: crosswalk from ${r.from} (${r.source})`
			}
		}))
	];
}

const rank = (order: string[], name: string) =>
	order.includes(name) ? order.indexOf(name) : order.length;

/** Tables of the same name, one per province or era, as one (the columns of all of them). */
function joinTables(parts: Table[]): Table {
	if (parts.length === 1) return parts[0];
	const withRows = parts.filter((p) => p.rows.length > 0);
	const widest = withRows.reduce((a, b) => (b.columns.length > a.columns.length ? b : a), parts[0]);
	return { ...widest, rows: parts.flatMap((p) => p.rows) };
}

export function reportIssues(result: PipelineResult): string {
	const lines: string[] = [];
	for (const i of result.issues)
		lines.push(
			`${i.severity === 'error' ? 'LỖI/ERROR' : 'CẢNH BÁO/WARNING'} ${formatIssue(i, 'vi')}\n    ${formatIssue(i, 'en')}`
		);
	for (const p of result.problems) lines.push(`LỖI/ERROR ${escapeControl(p)}`);
	return lines.join('\n');
}
