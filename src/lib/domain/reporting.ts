/** Whether a periodic report arrived, and on time, against its due date. */
export type ReportStatus = 'on_time' | 'late' | 'missing' | 'not_due';

export const reportStatuses: ReportStatus[] = ['on_time', 'late', 'missing', 'not_due'];

/** Dates are ISO (YYYY-MM-DD), so string order is date order. */
export function reportStatus(submitted: string | null, due: string, asOf: string): ReportStatus {
	if (submitted !== null) return submitted <= due ? 'on_time' : 'late';
	return due > asOf ? 'not_due' : 'missing';
}
