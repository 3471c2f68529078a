import { MONTH_NAMES_EN } from './format';

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

interface LeadPeriod {
	label: Record<'vi' | 'en', string>;
	due: string;
	strict: boolean;
	levels: string[];
}

/**
 * The reporting rule in the plan's own terms: who reports ("10 huyện, thành phố", counted from the
 * unit list), to whom, and each period's deadline ("trước ngày 10/6" when the plan says "trước").
 */
export function reportingLeadParts(
	periods: LeadPeriod[],
	levels: { id: string; label: Record<'vi' | 'en', string>; units: number }[],
	lang: 'vi' | 'en'
): { reporters: string; dues: string } {
	const obliged = levels.filter((l) => periods.some((p) => p.levels.includes(l.id)));
	const reporters = obliged
		.map((l) =>
			lang === 'vi'
				? `${l.units} ${l.label.vi.toLowerCase()}`
				: `${l.units} ${l.label.en.toLowerCase()} units`
		)
		.join(lang === 'vi' ? ' và ' : ' and ');
	const months = MONTH_NAMES_EN;
	const dues = periods
		.map((p) => {
			const [m, d] = p.due.split('-').map(Number);
			const date = lang === 'vi' ? `${d}/${m}` : `${d} ${months[m - 1]}`;
			const word =
				lang === 'vi' ? (p.strict ? 'trước ngày' : 'đến hết ngày') : p.strict ? 'before' : 'by';
			return `${p.label[lang].toLowerCase()} ${word} ${date}`;
		})
		.join(', ');
	return { reporters, dues };
}
