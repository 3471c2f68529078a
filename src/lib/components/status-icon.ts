import type { ProgressStatus } from '$lib/domain/progress';

/** A shape per status, so the status reads without colour. */
export const statusIcon: Record<ProgressStatus, string> = {
	met: '✓',
	on_track: '✓',
	at_risk: '!',
	off_track: '✗',
	not_met: '✗',
	no_data: '–'
};
