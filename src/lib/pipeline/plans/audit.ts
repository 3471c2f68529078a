/**
 * The disclosure audit of a plan's staged folder, read back as a reader downloads it: the
 * manifest, every table's CSV and the published unit list (its versions give each year's tree;
 * an upper unit's own row adds up under it through `parent_code`). Each year is one attack
 * (buildCellSystem + records model + auditSystem), judged against the true counts, which only
 * the pipeline has. Any disclosure: nothing is published.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Papa from 'papaparse';
import type { PlanSpec } from '../../domain/plan/types';
import type { Manifest, Protection } from '../../domain/published';
import { unitsInYear, type UnitVersion } from '../../domain/plan/unit-list';
import { auditMethod } from '../audit/publication';
import { auditSystem, type Disclosure } from '../audit/audit';
import { buildCellSystem, type ReadTable, type ReadUnit } from '../audit/cell-system';
import { recordsMeasures, withRecords } from '../audit/records';
import type { Row } from './aggregate';

export interface PlanAudit {
	summary: Protection['audit'];
	disclosures: Disclosure[];
	problems: string[];
}

async function readCsv(dir: string, file: string, skip: number): Promise<Record<string, string>[]> {
	const body = (await readFile(path.join(dir, file), 'utf8'))
		.replace(/^\uFEFF/, '')
		.split('\n')
		.slice(skip)
		.join('\n');
	const parsed = Papa.parse<Record<string, string>>(body, { header: true, skipEmptyLines: true });
	if (parsed.errors.length > 0) throw new Error(`${file}: ${parsed.errors[0].message}`);
	return parsed.data;
}

/** Every table of a published plan folder, as text rows. */
export async function readPlanFolder(
	dir: string
): Promise<{ manifest: Manifest; tables: ReadTable[] }> {
	const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
	const tables: ReadTable[] = [];
	for (const t of manifest.tables) {
		const rows: Record<string, string>[] = [];
		for (const f of t.files.filter((f) => f.format === 'csv'))
			rows.push(...(await readCsv(dir, f.path, t.csvCommentLines)));
		tables.push({ name: t.name, columns: t.columns, rows });
	}
	return { manifest, tables };
}

/** The tree of a year as a reader rebuilds it from units.csv and the own rows' parent codes. */
export function readerTree(tables: ReadTable[], levels: string[], year: number): ReadUnit[] {
	const list = tables.find((t) => t.name === 'units');
	if (!list) throw new Error('audit: the publication has no units table');
	const versions: UnitVersion[] = list.rows.map((r, i) => ({
		code: String(r.code),
		name: String(r.name),
		type: String(r.type),
		level: String(r.level),
		parent: r.parent ? String(r.parent) : null,
		validFrom: r.valid_from ? String(r.valid_from) : null,
		validTo: r.valid_to ? String(r.valid_to) : null,
		line: i + 2
	}));
	const units: ReadUnit[] = unitsInYear(versions, year, levels).units.map((u) => ({
		code: u.code,
		parent: u.parent
	}));
	for (const t of tables)
		if (t.columns.some((c) => c.name === 'parent_code'))
			for (const r of t.rows)
				if (String(r.year) === String(year))
					units.push({ code: String(r.unit_code), parent: String(r.parent_code) });
	return units;
}

export async function auditPlanFolder(
	dir: string,
	spec: PlanSpec,
	years: number[],
	/** the true rows of each protected table (before protection) */
	truth: Map<string, Row[]>
): Promise<PlanAudit> {
	const started = performance.now();
	const { tables } = await readPlanFolder(dir);
	const levels = spec.geography.levels.map((l) => l.id);
	const counted = tables.filter((t) => t.columns.some((c) => c.protected));
	const disclosures: Disclosure[] = [];
	const problems: string[] = [];
	const records = new Set<string>();
	let hiddenValues = 0;
	let smallGroups = 0;
	for (const year of years) {
		const units = readerTree(tables, levels, year);
		const ofYear = (rows: Record<string, unknown>[]) =>
			rows.filter((r) => String(r.year) === String(year));
		const published = counted.map((t) => ({ ...t, rows: ofYear(t.rows) }));
		const rawTables: ReadTable[] = counted.map((t) => ({
			name: t.name,
			columns: t.columns,
			rows: ofYear(truth.get(t.name) ?? []).map((r) => {
				const row: Record<string, unknown> = { ...r };
				for (const c of t.columns) if (c.protected) row[`${c.name}_suppressed`] = false;
				return row;
			})
		}));
		const truthByKey = new Map(
			buildCellSystem(rawTables, units).cells.map((c) => [c.key, c.value])
		);
		const cells = buildCellSystem(published, units);
		problems.push(...cells.problems.map((p) => `${year}: ${p}`));
		const measures = recordsMeasures(cells);
		measures.forEach((m) => records.add(m));
		const result = await auditSystem(withRecords(cells, measures), {
			rule: spec.publication.rule,
			truth: (c) => truthByKey.get(c.key) ?? undefined
		});
		hiddenValues += result.hiddenValues;
		smallGroups += result.smallGroups;
		disclosures.push(...result.disclosures);
	}
	return {
		summary: {
			method: auditMethod([...records].sort()),
			hiddenValues,
			smallGroups,
			disclosures: disclosures.length,
			seconds: Math.round((performance.now() - started) / 100) / 10
		},
		disclosures,
		problems
	};
}
