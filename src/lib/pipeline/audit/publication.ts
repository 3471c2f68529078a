/**
 * The pipeline's last step before publishing: the audit, run on the staged folder exactly as a
 * reader would download it, judged against the true counts (which only the pipeline has).
 */
import type { CubeRow, UnitYear } from '../aggregate';
import type { Plan } from '../../domain/plan';
import type { Protection } from '../../domain/published';
import { auditSystem, type Disclosure } from './audit';
import { buildCellSystem, type ReadTable } from './cell-system';
import { recordsMeasures, withRecords } from './records';
import { readPublishedFolder, unitTree, type PublishedFolder } from './read-published';

/** Both languages in one text, as the published files' notices are: the page shows it as it is. */
export const AUDIT_METHOD =
	'Quy hoạch tuyến tính HiGHS trên mọi bảng công bố cùng lúc, từng năm: cận của mỗi số bị ẩn, chỉ từ số liệu công bố và khi biết số nào khác 0 / HiGHS linear programming over every published table at once, per year: bounds of every hidden count, from the published values alone and knowing which hidden counts are not zero';

/** The method, with the measures the attacker also rebuilt from records (records.ts). */
export function auditMethod(records: string[]): string {
	if (records.length === 0) return AUDIT_METHOD;
	const [vi, en] = AUDIT_METHOD.split(' / ');
	const list = records.join(', ');
	return `${vi}; ${list}: mô hình bản ghi (mỗi số là tổng các bản ghi theo đơn vị cơ sở × mọi tổ hợp phân tổ) / ${en}; ${list}: records model (every count a sum of records per bottom unit × every combination of breakdowns)`;
}

/** Columns that only describe a row's unit: left out of a message naming the cell. */
const UNIT_ATTRIBUTES = ['level', 'district_code'];

export interface PublicationAudit {
	summary: Protection['audit'];
	disclosures: Disclosure[];
	/** published values that contradict each other: a pipeline bug, never published either */
	problems: string[];
	/** one line per disclosure (the first few), for the pipeline's error list */
	messages: string[];
}

export async function auditPublication(
	dir: string,
	plan: Plan,
	truth: { cube: CubeRow[]; unitYears: UnitYear[] }[]
): Promise<PublicationAudit> {
	const started = performance.now();
	const whole = await readPublishedFolder(dir);
	const parts: Awaited<ReturnType<typeof auditPart>>[] = [];
	for (const { folder, inEra } of eraParts(whole))
		parts.push(
			await auditPart(
				folder,
				truth.map((p) => ({
					cube: p.cube.filter((r) => inEra(r.year)),
					unitYears: p.unitYears.filter((r) => inEra(r.year))
				})),
				plan
			)
		);
	const messages = parts.flatMap((p) => p.messages);
	const disclosures = parts.flatMap((p) => p.disclosures);
	const problems = parts.flatMap((p) => p.problems);
	return {
		summary: {
			method: auditMethod([...new Set(parts.flatMap((p) => p.records))]),
			hiddenValues: parts.reduce((n, p) => n + p.hiddenValues, 0),
			smallGroups: parts.reduce((n, p) => n + p.smallGroups, 0),
			disclosures: disclosures.length,
			seconds: Math.round((performance.now() - started) / 100) / 10
		},
		disclosures,
		problems,
		messages: messages.length > 21 ? [...messages.slice(0, 20), '… and more.'] : messages
	};
}

/**
 * The publication cut by the eras of its unit list (units with valid_from): a code names a unit
 * within its era only, so each era is solved with its own unit tree, over its own years (a year
 * belongs to the units in force on its last day). One part when the units never changed.
 */
export function eraParts(
	folder: PublishedFolder
): { folder: PublishedFolder; inEra: (year: unknown) => boolean }[] {
	const unitRows = folder.tables.find((t) => t.name === 'units')?.rows ?? [];
	const froms = [...new Set(unitRows.map((r) => String(r.valid_from ?? '')))].sort();
	if (froms.length <= 1) return [{ folder, inEra: () => true }];
	return froms.map((from, i) => {
		const next = froms[i + 1];
		const inEra = (year: unknown) => {
			const end = `${year}-12-31`;
			return end >= from && (next === undefined || end < next);
		};
		const tables = folder.tables.map((t) =>
			t.name === 'units'
				? { ...t, rows: t.rows.filter((r) => String(r.valid_from ?? '') === from) }
				: t.columns.some((c) => c.name === 'year')
					? { ...t, rows: t.rows.filter((r) => inEra(r.year)) }
					: t
		);
		const units = unitTree(tables.find((t) => t.name === 'units')!.rows);
		return { folder: { ...folder, tables, units }, inEra };
	});
}

async function auditPart(
	folder: PublishedFolder,
	truth: { cube: CubeRow[]; unitYears: UnitYear[] }[],
	plan: Plan
) {
	const rawTables: ReadTable[] = [];
	for (const t of folder.tables) {
		// the indicators' own counts come from the units files; their child counts are the cube's
		const source: Record<string, unknown>[] =
			t.name === 'indicators'
				? truth.flatMap((p) => p.unitYears as unknown as Record<string, unknown>[])
				: truth.flatMap((p) => p.cube as unknown as Record<string, unknown>[]);
		const measures = t.columns.filter(
			(c) => c.role === 'count' && c.protected && source.length > 0 && c.name in source[0]
		);
		if (measures.length === 0) continue;
		const keep = t.columns.filter((c) => c.role === 'dimension' || measures.includes(c));
		rawTables.push({
			name: t.name,
			columns: keep,
			rows: source.map((r) => {
				const row: Record<string, unknown> = {};
				for (const c of keep) {
					row[c.name] = r[c.name] ?? null;
					if (c.role === 'count') row[`${c.name}_suppressed`] = false;
				}
				return row;
			})
		});
	}
	const truthSystem = buildCellSystem(rawTables, folder.units);
	const tableByName = new Map(folder.tables.map((t) => [t.name, t]));
	const truthByKey = new Map(truthSystem.cells.map((c) => [c.key, c.value]));
	const cells = buildCellSystem(folder.tables, folder.units);
	const records = recordsMeasures(cells);
	const system = withRecords(cells, records);
	const cellByKey = new Map(system.cells.map((c) => [c.key, c]));
	// the cell as a reader finds it in the file: the row's year, unit and breakdowns (not 'all')
	const whereOf = (d: Disclosure) => {
		const cell = cellByKey.get(d.key);
		const table = cell && tableByName.get(cell.table);
		const row = cell && table?.rows[cell.row];
		if (!table || !row) return d.key;
		return table.columns
			.filter((c) => c.role === 'dimension' && !UNIT_ATTRIBUTES.includes(c.name))
			.filter((c) => row[c.name] !== undefined && row[c.name] !== '' && row[c.name] !== 'all')
			.map((c) => `${c.name} ${row[c.name]}`)
			.join(', ');
	};
	const whatOf = (d: Disclosure) =>
		d.kind !== 'size'
			? `${d.conclusion} (${d.kind} of a small group)`
			: d.conclusion.startsWith('=')
				? `${d.column} ${d.conclusion}`
				: `${d.column} is ${d.conclusion}`;
	const result = await auditSystem(system, {
		rule: plan.publication.rule,
		truth: (c) => truthByKey.get(c.key) ?? undefined
	});
	const disclosures = result.disclosures;
	const messages = disclosures
		.slice(0, 20)
		.map(
			(d) =>
				`Kiểm tra bảo vệ: một nhóm nhỏ vẫn suy ra được / Disclosure audit: a small group can be worked out — ${d.table}, ${whereOf(d)}: ${whatOf(d)}, ${d.attacker === 'published' ? 'from the published values alone' : 'knowing which hidden counts are not zero'}. Nothing is published; the last published data stays.`
		);
	if (disclosures.length > 20) messages.push(`… and ${disclosures.length - 20} more.`);
	if (system.problems.length > 0)
		messages.push(...system.problems.slice(0, 5).map((p) => `Published values disagree: ${p}`));
	return {
		records,
		hiddenValues: result.hiddenValues,
		smallGroups: result.smallGroups,
		disclosures,
		problems: system.problems,
		messages
	};
}
