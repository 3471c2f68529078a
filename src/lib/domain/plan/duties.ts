/**
 * When a reporting duty falls due, and whether a report met it. "trước ngày X" (before X) is
 * strict: a report dated X is late. No report is due before the plan exists: occurrences before
 * the duty's first date (its `from`, else the plan's own date) are not owed.
 */
import type { Duty, PlanSpec } from './types';

export interface Occurrence {
	duty: string;
	year: number;
	/** YYYY-MM-DD, or null when the plan gives no date (004: "định kỳ 6 tháng") */
	due: string | null;
}

/** The first date a duty can be owed from: its own `from`, else the plan's date, else the plan's first year. */
export function firstDate(plan: Pick<PlanSpec, 'document' | 'years'>, duty: Duty): string {
	return duty.from ?? plan.document.date ?? `${plan.years.first}-01-01`;
}

/** Every occurrence of a duty the plan can require within its years (none for ad hoc reports). */
export function occurrences(plan: Pick<PlanSpec, 'document' | 'years'>, duty: Duty): Occurrence[] {
	const from = firstDate(plan, duty);
	const out: Occurrence[] = [];
	if (duty.frequency === 'ad_hoc') return out;
	if (duty.frequency === 'once') {
		if (duty.due === undefined || duty.due >= from)
			out.push({
				duty: duty.id,
				year: Number((duty.due ?? from).slice(0, 4)),
				due: duty.due ?? null
			});
		return out;
	}
	for (let y = plan.years.first; y <= plan.years.last; y++) {
		if (duty.due === undefined) {
			// undated: owed once per half (or year) that ends on or after the first date
			const ends = duty.frequency === 'semiannual' ? [`${y}-06-30`, `${y}-12-31`] : [`${y}-12-31`];
			for (const end of ends) if (end >= from) out.push({ duty: duty.id, year: y, due: null });
			continue;
		}
		const due = `${y}-${duty.due}`;
		if (due >= from) out.push({ duty: duty.id, year: y, due });
	}
	return out;
}

/** Is a duty owed in `year`, on its due date in that year? */
export function owedIn(
	plan: Pick<PlanSpec, 'document' | 'years'>,
	duty: Duty,
	year: number
): boolean {
	return occurrences(plan, duty).some((o) => o.year === year);
}

/** On time: strictly before the due date when the plan says "trước ngày", else on or before. */
export function onTime(submitted: string, due: string, strict: boolean): boolean {
	return strict ? submitted < due : submitted <= due;
}
