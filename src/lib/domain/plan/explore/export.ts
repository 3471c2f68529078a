/**
 * The explorer's result as a CSV file: one line per unit and column of the table shown, with
 * the breakdown categories it answers, so each line is true on its own. UTF-8 with a BOM, the
 * published files' notice as the first comment line, cells written by csvCell (a spreadsheet
 * never runs a unit name as a formula).
 */
import { toCsv, type CsvCell } from '../../csv';
import type { ExploreModel } from './model';
import type { ExploreResult } from './query';

export function resultCsv(model: ExploreModel, result: ExploreResult, description: string): string {
	const q = result.query;
	const choice = model.choices.find((c) => c.key === q.choice)!;
	const rate = choice.kind === 'rate';
	const bs = choice.breakdowns;
	const columns = [
		'year',
		'level',
		'unit_code',
		'unit_name',
		...bs,
		'measure',
		'value',
		...(rate ? ['numerator', 'denominator'] : []),
		'status'
	];
	const rows: Record<string, CsvCell>[] = [];
	for (const r of result.rows)
		result.columns.forEach((col, i) => {
			const cell = r.cells[i];
			const row: Record<string, CsvCell> = {
				year: q.year,
				level: q.level,
				unit_code: r.code,
				unit_name: r.name,
				measure: choice.key.slice(2),
				status: cell.status
			};
			for (const b of bs)
				row[b] = b === q.split && col.category !== null ? col.category : (q.filters[b] ?? 'all');
			if (cell.status === 'value') {
				row.value = cell.value;
				if (rate) Object.assign(row, { numerator: cell.numerator, denominator: cell.denominator });
			}
			rows.push(row);
		});
	return toCsv(columns, rows, {
		notice: [...(model.notice ? [model.notice] : []), description]
	});
}

/** The download's file name: the plan, the choice and the year, in ASCII. */
export function resultFileName(model: ExploreModel, result: ExploreResult): string {
	const q = result.query;
	const parts = [model.planId, q.choice.slice(2), q.year, q.level, q.unit, q.split];
	for (const [b, c] of Object.entries(q.filters)) parts.push(`${b}-${c}`);
	return `${parts
		.filter((p) => p !== '')
		.join('_')
		.replace(/[^A-Za-z0-9_.-]/g, '-')}.csv`;
}
