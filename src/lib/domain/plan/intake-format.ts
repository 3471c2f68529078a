/**
 * The report files a plan asks for, derived from the plan alone (contract §2): one records file
 * per population with breakdowns (a row is a group of children in one unit with the same
 * categories; an overlapping breakdown is one 0/1 column per category), and one units file with
 * every measure of a population without breakdowns and every reporting duty's date column.
 * The validator, the report templates and the data dictionary all read this one description.
 */
import type { Label } from '../breakdowns';
import type { PlanSpec } from './types';

export type IntakeColumn =
	| { name: string; kind: 'unit_code' | 'unit_name' | 'year' }
	/** a partition breakdown: one category code */
	| { name: string; kind: 'category'; breakdown: string; categories: string[] }
	/** one category of an overlapping breakdown: 1 (in it) or 0 */
	| { name: string; kind: 'binary'; breakdown: string; category: string }
	/** an integer 0…1,000,000; in the units file it may be empty (not reported) */
	| { name: string; kind: 'count'; measure: string; levels: string[]; atMost?: string }
	/** 1, 0 or empty */
	| { name: string; kind: 'flag'; measure: string; levels: string[] }
	/** YYYY-MM-DD or empty: the day a duty's report was received */
	| { name: string; kind: 'date'; duty: string };

export interface IntakeFile {
	kind: 'records' | 'units';
	/** the records file's population */
	population?: string;
	/** the file name before "-<year>.csv" (or .xlsx) */
	prefix: string;
	label: Label;
	columns: IntakeColumn[];
	/** columns whose values together may appear once per file and year */
	key: string[];
}

export interface IntakeFormat {
	files: IntakeFile[];
}

export const MAX_COUNT = 1_000_000;

export const binaryColumn = (breakdown: string, category: string) => `${breakdown}_${category}`;

const HEAD: IntakeColumn[] = [
	{ name: 'unit_code', kind: 'unit_code' },
	{ name: 'unit_name', kind: 'unit_name' },
	{ name: 'year', kind: 'year' }
];

export function intakeFormat(spec: PlanSpec): IntakeFormat {
	const files: IntakeFile[] = [];
	const bd = new Map(spec.breakdowns.map((b) => [b.id, b]));
	for (const pop of spec.populations) {
		if (pop.breakdowns.length === 0) continue;
		const dims: IntakeColumn[] = pop.breakdowns.flatMap((id): IntakeColumn[] => {
			const b = bd.get(id)!;
			return b.overlapping
				? b.categories.map((c) => ({
						name: binaryColumn(b.id, c.code),
						kind: 'binary' as const,
						breakdown: b.id,
						category: c.code
					}))
				: [
						{
							name: b.id,
							kind: 'category' as const,
							breakdown: b.id,
							categories: b.categories.map((c) => c.code)
						}
					];
		});
		const counts: IntakeColumn[] = spec.measures
			.filter((m) => m.population === pop.id && m.type === 'count')
			.map((m) => ({
				name: m.id,
				kind: 'count',
				measure: m.id,
				levels: m.levels,
				...(m.atMost ? { atMost: m.atMost } : {})
			}));
		files.push({
			kind: 'records',
			population: pop.id,
			prefix: pop.id,
			label: pop.label,
			columns: [...HEAD, ...dims, ...counts],
			key: ['unit_code', 'year', ...dims.map((d) => d.name)]
		});
	}
	const plain = new Set(spec.populations.filter((p) => p.breakdowns.length === 0).map((p) => p.id));
	const ofPlain = spec.measures.filter((m) => plain.has(m.population));
	const unitCols: IntakeColumn[] = [
		...ofPlain
			.filter((m) => m.type === 'count')
			.map((m): IntakeColumn => ({
				name: m.id,
				kind: 'count',
				measure: m.id,
				levels: m.levels,
				...(m.atMost ? { atMost: m.atMost } : {})
			})),
		...ofPlain
			.filter((m) => m.type === 'flag')
			.map((m): IntakeColumn => ({ name: m.id, kind: 'flag', measure: m.id, levels: m.levels })),
		...spec.reporting.duties
			.filter((d) => d.column)
			.map((d): IntakeColumn => ({ name: d.column!, kind: 'date', duty: d.id }))
	];
	if (unitCols.length > 0)
		files.push({
			kind: 'units',
			prefix: 'units',
			label: { vi: 'Số liệu theo đơn vị', en: 'Figures per unit' },
			columns: [...HEAD, ...unitCols],
			key: ['unit_code', 'year']
		});
	return { files };
}

/** The file a name stands for, and its year: `<prefix>-<year>.csv|.xlsx`. */
export function matchFile(
	format: IntakeFormat,
	name: string
): { file: IntakeFile; year: number; ext: 'csv' | 'xlsx' } | null {
	const m = /^(.+)-(\d{4})\.(csv|xlsx)$/i.exec(name);
	if (!m) return null;
	const file = format.files.find((f) => f.prefix === m[1]);
	return file ? { file, year: Number(m[2]), ext: m[3].toLowerCase() as 'csv' | 'xlsx' } : null;
}

/** The names a folder may hold, for an error message: `cwd-<năm>.csv`… */
export function expectedNames(format: IntakeFormat, year = '<year>'): string[] {
	return format.files.map((f) => `${f.prefix}-${year}.csv|.xlsx`);
}
