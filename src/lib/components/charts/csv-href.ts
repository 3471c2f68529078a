import { toCsv, type CsvCell } from '$lib/domain/csv';

/** A data: URL holding exactly the rows a chart shows, so "Tải CSV" works without a server or JS. */
export function csvHref(
	columns: string[],
	rows: Record<string, CsvCell>[],
	notice?: string | string[]
): string {
	const text = toCsv(columns, rows, { notice: notice === undefined ? [] : [notice].flat() });
	return `data:text/csv;charset=utf-8,${encodeURIComponent(text)}`;
}
