/** CSV text as the intake reads it: UTF-8, LF, the illustrative label as a '#' comment line first. */

const cell = (v: string | number) => {
	const s = String(v);
	return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

export function csvText(comment: string, columns: string[], rows: (string | number)[][]): string {
	const lines = [`# ${comment}`, columns.join(','), ...rows.map((r) => r.map(cell).join(','))];
	return lines.join('\n') + '\n';
}
