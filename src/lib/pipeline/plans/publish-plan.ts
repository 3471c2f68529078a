/**
 * From validated reports to the swapped-in folder: the tables of contract §3 built and protected
 * year by year, written to the staging folder with indicators.json and the boundaries, audited
 * there as a reader would read them, and committed only when the audit finds nothing.
 */
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Publication } from '../../domain/plan';
import { crosswalkPath, reformBoundariesPath } from '../../domain/plan/reforms';
import type { Manifest } from '../../domain/published';
import type { Protected, Table } from '../build-tables';
import { Publisher } from '../publish';
import type { Dataset } from '../read-inputs';
import { auditPlanFolder } from './audit';
import { ALL, countMeasures, cubeDims, cubeRows, unitFacts, type Row } from './aggregate';
import { peopleCounts } from './columns';
import { buildIndicators } from './indicators';
import { reportingRows } from './reporting';
import type { PlanInputs } from './run';
import { cellsPublished } from '../build-tables';
import { planTable, PlanProtectionError, protectYear, yearTree } from './tables';
import type { RecordRow, UnitRow } from './validate';

export interface PublishInput {
	root: string;
	out: string;
	inputs: PlanInputs;
	dataset: Dataset;
	files: { prefix: string; kind: 'records' | 'units'; year: number }[];
	records: RecordRow[];
	units: UnitRow[];
}

const L = (vi: string, en: string) => ({ vi, en });

export async function publishPlan(
	input: PublishInput
): Promise<{ ok: boolean; problems: string[]; manifest?: Manifest & { years: number[] } }> {
	const { spec, trees, versions } = input.inputs;
	const years = [...new Set(input.files.map((f) => f.year))].sort((a, b) => a - b);
	const report: Protected[] = [];
	const tables: Table[] = [];
	const truth = new Map<string, Row[]>();
	/** per measure, unit|year → the protected row carrying its unit total */
	const totals = new Map<string, Map<string, Row>>();
	const keep = (m: string, r: Row) => {
		if (!totals.has(m)) totals.set(m, new Map());
		totals.get(m)!.set(`${r.unit_code}|${r.year}`, r);
	};
	try {
		for (const pop of spec.populations.filter((p) => p.breakdowns.length > 0)) {
			const dims = cubeDims(spec, pop).map((d) => d.name);
			const all = countMeasures(spec, pop.id);
			const measures = peopleCounts(spec, all);
			const unitOnly = all.filter((m) => !measures.includes(m));
			const rows: Row[] = [];
			const raw: Row[] = [];
			for (const year of input.files
				.filter((f) => f.prefix === pop.id)
				.map((f) => f.year)
				.sort()) {
				const tree = trees.get(year)!;
				const yearRows = cubeRows(spec, pop, tree, input.records);
				raw.push(...yearRows.map((r) => ({ ...r })));
				await protectYear(
					spec,
					`cube_${pop.id}`,
					yearRows,
					dims,
					measures,
					yearTree(tree, []),
					report
				);
				rows.push(...yearRows);
			}
			for (const r of rows) if (dims.every((d) => r[d] === ALL)) for (const m of all) keep(m, r);
			truth.set(`cube_${pop.id}`, raw);
			tables.push(
				planTable(
					spec,
					`cube_${pop.id}`,
					L(`${pop.label.vi} theo đơn vị và phân tổ`, `${pop.label.en} by unit and breakdown`),
					L(
						'Mỗi dòng: một đơn vị, một năm, một tổ hợp phân tổ ("all" là tổng).',
						'One row per unit, year and combination of breakdowns ("all" is the total).'
					),
					['year', 'level', 'unit_code', ...dims],
					measures,
					unitOnly,
					rows
				)
			);
		}

		const plain = new Set(
			spec.populations.filter((p) => p.breakdowns.length === 0).map((p) => p.id)
		);
		const counts = spec.measures
			.filter((m) => plain.has(m.population) && m.type === 'count')
			.map((m) => m.id);
		const people = peopleCounts(spec, counts);
		const unitOnly = counts.filter((m) => !people.includes(m));
		const flags = spec.measures
			.filter((m) => plain.has(m.population) && m.type === 'flag')
			.map((m) => m.id);
		const unitYears = input.files
			.filter((f) => f.kind === 'units')
			.map((f) => f.year)
			.sort();
		const facts: Row[] = [];
		const own: Row[] = [];
		const factsByKey = new Map<string, Row>();
		if (unitYears.length > 0) {
			const rawFacts: Row[] = [];
			const rawOwn: Row[] = [];
			for (const year of unitYears) {
				const tree = trees.get(year)!;
				const f = unitFacts(counts, people, flags, tree, input.units);
				rawFacts.push(...f.rows.map((r) => ({ ...r })));
				rawOwn.push(...f.own.map((r) => ({ ...r })));
				const both = [...f.rows, ...f.own];
				if (people.length > 0)
					await protectYear(
						spec,
						'unit_facts',
						both,
						[],
						people,
						yearTree(
							tree,
							f.own.map((r) => r.parent_code)
						),
						report
					);
				facts.push(...f.rows);
				own.push(...f.own);
			}
			for (const r of facts) {
				factsByKey.set(`${r.unit_code}|${r.year}`, r);
				for (const m of counts) keep(m, r);
			}
			truth.set('unit_facts', rawFacts);
			truth.set('unit_facts_own', rawOwn);
			tables.push(
				planTable(
					spec,
					'unit_facts',
					L('Số liệu theo đơn vị', 'Figures per unit'),
					L(
						'Mỗi dòng: một đơn vị, một năm; số của đơn vị cấp trên = số riêng + tổng các đơn vị trực thuộc.',
						"One row per unit and year; an upper unit's count = its own + its units'."
					),
					['year', 'level', 'unit_code'],
					people,
					[...unitOnly, ...flags, 'reported'],
					facts
				)
			);
			if (own.length > 0)
				tables.push(
					planTable(
						spec,
						'unit_facts_own',
						L('Số liệu riêng của đơn vị cấp trên', "Upper units' own figures"),
						L(
							'Phần số liệu do chính đơn vị cấp trên báo cáo (mã <đơn vị>~own), cộng vào dòng của đơn vị đó.',
							"The part an upper unit reports itself (code <unit>~own), added into that unit's row."
						),
						['year', 'level', 'unit_code', 'parent_code'],
						people,
						[],
						own
					)
				);
		}
		tables.push(
			planTable(
				spec,
				'reporting',
				L('Tình trạng báo cáo', 'Reporting status'),
				L(
					'Mỗi dòng: một đơn vị phải báo cáo, một nghĩa vụ, một năm.',
					'One row per reporting unit, duty and year.'
				),
				['year', 'unit_code', 'duty', 'due_date', 'submitted_date', 'status'],
				[],
				[],
				reportingRows(spec, trees, input.units, new Set(unitYears), input.dataset.asOf)
			)
		);
		tables.push(
			planTable(
				spec,
				'units',
				L('Danh sách đơn vị', 'Unit list'),
				L(
					'Các đơn vị và phiên bản theo thời gian (valid_from, valid_to).',
					'Units and their versions over time (valid_from, valid_to).'
				),
				['code', 'name', 'type', 'level', 'parent', 'valid_from', 'valid_to'],
				[],
				[],
				versions.map((v) => ({
					code: v.code,
					name: v.name,
					type: v.type,
					level: v.level,
					parent: v.parent,
					valid_from: v.validFrom,
					valid_to: v.validTo
				}))
			)
		);

		const publisher = await Publisher.open(input.out, {
			planId: spec.id,
			publication: spec.publication as unknown as Publication,
			dataset: input.dataset
		});
		try {
			for (const t of tables) await publisher.writeTable(t, { json: true });
			const indicators = JSON.stringify(buildIndicators(spec, totals, factsByKey, trees, years));
			await writeFile(path.join(publisher.staging, 'indicators.json'), indicators);
			publisher.manifest.files.push({
				path: 'indicators.json',
				format: 'json',
				bytes: Buffer.byteLength(indicators),
				sha256: createHash('sha256').update(indicators).digest('hex'),
				title: L(
					'Chỉ số theo đơn vị và năm (từ các bảng đã bảo vệ)',
					'Indicators by unit and year (from the protected tables)'
				),
				licence: input.dataset.licence ?? 'CC-BY-4.0'
			});
			for (const level of spec.geography.levels)
				if (level.boundaries)
					await publisher.copyExtra({
						from: path.resolve(input.root, level.boundaries),
						to: `geo/${level.id}.geojson`,
						format: 'geojson',
						licence: spec.geography.attribution ?? '',
						title: L(`Ranh giới: ${level.label.vi}`, `Boundaries: ${level.label.en}`)
					});
			// each reorganisation the plan names: its official crosswalk with the acts it rests on, and
			// the new units' boundaries where given (published, not applied: the years stay keyed by
			// the plan's unit list)
			for (const r of spec.geography.reforms) {
				await publisher.copyExtra({
					from: path.resolve(input.root, r.crosswalk),
					to: crosswalkPath(r),
					format: 'csv',
					licence: r.licence,
					title: L(
						`${r.label.vi}: bảng chuyển đổi đơn vị cũ – mới từ ${r.from} (${r.source})`,
						`${r.label.en}: crosswalk from the old units to the new from ${r.from} (${r.source})`
					)
				});
				if (r.boundaries)
					await publisher.copyExtra({
						from: path.resolve(input.root, r.boundaries),
						to: reformBoundariesPath(spec, r),
						format: 'geojson',
						licence: spec.geography.attribution ?? r.licence,
						title: L(
							`${r.label.vi}: ranh giới các đơn vị từ ${r.from}`,
							`${r.label.en}: boundaries of the units from ${r.from}`
						)
					});
			}
			const manifest = publisher.manifest as Manifest & { years: number[] };
			manifest.years = years;
			manifest.protection.cells = cellsPublished(report);
			await publisher.stage();
			const audit = await auditPlanFolder(publisher.staging, spec, years, truth);
			manifest.protection.audit = audit.summary;
			if (audit.disclosures.length > 0 || audit.problems.length > 0) {
				await publisher.abort();
				return {
					ok: false,
					problems: [
						...audit.disclosures
							.slice(0, 20)
							.map(
								(d) =>
									`Disclosure audit: ${d.table} ${d.key}: ${d.column} ${d.conclusion} (${d.kind}, ${d.attacker}). Nothing is published; the last published data stays.`
							),
						...audit.problems.slice(0, 5).map((p) => `Published values disagree: ${p}`)
					]
				};
			}
			await publisher.commit();
			return { ok: true, problems: [], manifest };
		} catch (e) {
			await publisher.abort();
			throw e;
		}
	} catch (e) {
		if (e instanceof PlanProtectionError)
			return {
				ok: false,
				problems: [`${e.message}. Nothing is published; the last published data stays.`]
			};
		throw e;
	}
}
