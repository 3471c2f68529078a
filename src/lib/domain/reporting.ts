/** Whether a periodic report arrived, and on time, against its due date. */
export type ReportStatus = 'on_time' | 'late' | 'missing' | 'not_due';

export const reportStatuses: ReportStatus[] = ['on_time', 'late', 'missing', 'not_due'];

/**
 * Dates are ISO (YYYY-MM-DD), so string order is date order. "trước ngày X" (strict, the plans'
 * wording) is on time only before X; a plan that says "đến ngày X" would set strict = false.
 */
export function reportStatus(
	submitted: string | null,
	due: string,
	asOf: string,
	strict = true
): ReportStatus {
	if (submitted !== null) return (strict ? submitted < due : submitted <= due) ? 'on_time' : 'late';
	return due > asOf ? 'not_due' : 'missing';
}
