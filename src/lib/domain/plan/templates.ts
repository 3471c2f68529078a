/**
 * The report templates a plan's data page offers: one per intake file (contract §2), each a
 * header row and one example row, clearly marked as an example (in a `#` comment line before the
 * header, which the intake skips, and in the example's unit name), as CSV and as .xlsx.
 */
import { toCsv } from '../csv';
import type { Label } from '../breakdowns';
import { intakeFormat } from './intake-format';
import type { PlanSpec } from './types';

export interface TemplateFile {
	/** the file name without extension: `cwd-2025`, `units-2025` */
	name: string;
	label: Label;
	columns: string[];
	example: (string | number)[];
}

export const EXAMPLE_NAME = 'VÍ DỤ - xóa dòng này / EXAMPLE - delete this row';
export const EXAMPLE_NOTE =
	'Mẫu báo cáo. Dòng dưới tiêu đề là VÍ DỤ: xóa trước khi nộp. / Report template. The row under the header is an EXAMPLE: delete it before sending.';

/**
 * The intake files of a plan (`intakeFormat`, the one description the validator also reads) for
 * `year` (default: the plan's last year), each with an example row for `unitCode`.
 */
export function templateFiles(
	spec: PlanSpec,
	unitCode = spec.geography.area.code,
	year = spec.years.last
): TemplateFile[] {
	return intakeFormat(spec).files.map((f) => {
		const firstOf = new Set<string>();
		const example = f.columns.map((c): string | number => {
			switch (c.kind) {
				case 'unit_code':
					return unitCode;
				case 'unit_name':
					return EXAMPLE_NAME;
				case 'year':
					return year;
				case 'category':
					return c.categories[0] ?? '';
				case 'binary':
					if (firstOf.has(c.breakdown)) return 0;
					firstOf.add(c.breakdown);
					return 1;
				case 'count':
					return c.atMost ? 5 : 10;
				case 'flag':
					return 1;
				case 'date':
					return `${year}-06-01`;
			}
		});
		return {
			name: `${f.prefix}-${year}`,
			label: f.label,
			columns: f.columns.map((c) => c.name),
			example
		};
	});
}

export function templateCsv(t: TemplateFile): string {
	const row = Object.fromEntries(t.columns.map((c, i) => [c, t.example[i]]));
	return toCsv(t.columns, [row], { notice: [EXAMPLE_NOTE] });
}

/** The template's rows for a spreadsheet: the note, the header, the example. */
export function templateRows(t: TemplateFile): (string | number | null)[][] {
	return [[`# ${EXAMPLE_NOTE}`], t.columns, t.example];
}
