/**
 * The report templates a plan's data page offers: one per intake file (contract §2), each a
 * header row and one example row, clearly marked as an example (in a `#` comment line before the
 * header, which the intake skips, and in the example's unit name), as CSV and as .xlsx.
 */
import { toCsv } from '../csv';
import { xlsxWorkbook } from '../xlsx';
import type { PlanSpec } from './types';

export interface TemplateFile {
	/** the file name without extension: `cwd-2025`, `units-2025` */
	name: string;
	columns: string[];
	example: (string | number)[];
}

export const EXAMPLE_NAME = 'VÍ DỤ - xóa dòng này / EXAMPLE - delete this row';
export const EXAMPLE_NOTE =
	'Mẫu báo cáo. Dòng dưới tiêu đề là VÍ DỤ: xóa trước khi nộp. / Report template. The row under the header is an EXAMPLE: delete it before sending.';

/** The intake files of a plan for `year` (default: the plan's last year), per contract §2. */
export function templateFiles(
	spec: Pick<
		PlanSpec,
		'populations' | 'breakdowns' | 'measures' | 'reporting' | 'years' | 'geography'
	>,
	year = spec.years.last
): TemplateFile[] {
	const unit = spec.geography.area.code;
	const key = (): (string | number)[] => [unit, EXAMPLE_NAME, year];
	const out: TemplateFile[] = [];
	for (const pop of spec.populations.filter((p) => p.breakdowns.length > 0)) {
		const columns = ['unit_code', 'unit_name', 'year'];
		const example = key();
		for (const id of pop.breakdowns) {
			const b = spec.breakdowns.find((x) => x.id === id);
			if (!b) continue;
			if (b.overlapping)
				b.categories.forEach(
					(c, i) => (columns.push(`${b.id}_${c.code}`), example.push(i === 0 ? 1 : 0))
				);
			else (columns.push(b.id), example.push(b.categories[0]?.code ?? ''));
		}
		for (const m of spec.measures.filter((m) => m.population === pop.id && m.type === 'count'))
			(columns.push(m.id), example.push(m.atMost ? 5 : 10));
		out.push({ name: `${pop.id}-${year}`, columns, example });
	}
	const flat = new Set(spec.populations.filter((p) => p.breakdowns.length === 0).map((p) => p.id));
	const measures = spec.measures.filter((m) => flat.has(m.population));
	const columns = ['unit_code', 'unit_name', 'year'];
	const example = key();
	for (const m of measures.filter((m) => m.type === 'count'))
		(columns.push(m.id), example.push(m.atMost ? 5 : 10));
	for (const m of measures.filter((m) => m.type === 'flag')) (columns.push(m.id), example.push(1));
	for (const d of spec.reporting.duties)
		if (d.column) (columns.push(d.column), example.push(`${year}-06-01`));
	if (columns.length > 3) out.push({ name: `units-${year}`, columns, example });
	return out;
}

export function templateCsv(t: TemplateFile): string {
	const row = Object.fromEntries(t.columns.map((c, i) => [c, t.example[i]]));
	return toCsv(t.columns, [row], { notice: [EXAMPLE_NOTE] });
}

export function templateXlsx(t: TemplateFile): Uint8Array {
	return xlsxWorkbook(t.name, [[`# ${EXAMPLE_NOTE}`], t.columns, t.example]);
}
