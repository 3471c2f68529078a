/** The two kinds of report file of the intake format (data/README.md). */
import {
	breakdowns,
	childCountBounds,
	childCountColumns,
	type BreakdownId,
	type ChildCountColumn
} from '../breakdowns';

export type ReportKind = 'children' | 'units';

export const childrenColumns = {
	key: ['commune_code', 'year', ...breakdowns.map((b) => b.id)] as string[],
	counts: [...childCountColumns] as string[],
	optional: ['commune_name']
};

export const unitCountColumns = [
	'caregivers',
	'caregivers_trained',
	'staff',
	'staff_trained'
] as const;
export type UnitCountColumn = (typeof unitCountColumns)[number];

/** The units file's columns: its flags (yes/no) are the ones the plan declares. */
export function unitsColumns(periodColumns: string[], flagColumns: string[]) {
	return {
		key: ['unit_code', 'year'],
		counts: [...unitCountColumns] as string[],
		flags: flagColumns,
		dates: periodColumns,
		optional: ['unit_name']
	};
}

/** Each numerator and the denominator it may not exceed, within one row (the plan's `atMost`). */
export const childrenBounds: [ChildCountColumn, ChildCountColumn][] = childCountBounds;
export const unitBounds: [UnitCountColumn, UnitCountColumn][] = [
	['caregivers_trained', 'caregivers'],
	['staff_trained', 'staff']
];

/**
 * One row of a children file: its commune and year, a category code per breakdown and a count per
 * count column (both the plan's: `sex: 'nu'`, `children: 3`).
 */
export interface ChildrenRecord {
	commune_code: string;
	year: number;
	[column: BreakdownId | ChildCountColumn]: string | number;
}

export interface UnitRecord extends Record<UnitCountColumn, number | null> {
	unit_code: string;
	year: number;
	/** per flag the plan declares (services maintained, linked network…): 1, 0 or null (not reported) */
	flags: Record<string, 0 | 1 | null>;
	/** submission date (YYYY-MM-DD) per reporting period column; null when not received */
	submitted: Record<string, string | null>;
}

/** Tells the kind of a file from its header row. */
export function detectKind(header: string[]): ReportKind | null {
	if (header.includes(breakdowns[0].id) || header.includes('commune_code')) return 'children';
	if (header.includes('unit_code')) return 'units';
	return null;
}
