/**
 * A published rate (percentage) built from two counts of the same cell. A rate can give away a
 * suppressed count (e.g. 100 % of a published denominator), so it is withheld whenever either
 * count is, and also when the denominator is too small for the rate to hide the numerator.
 */

export interface RateCell {
	/** Percentage 0–100, one decimal; null when withheld or when there is no data. */
	value: number | null;
	/** Withheld for confidentiality (as opposed to "no data"). */
	suppressed: boolean;
}

export function rateCell(
	num: number | null,
	den: number | null,
	numSuppressed: boolean,
	denSuppressed: boolean,
	minDenominator = 5
): RateCell {
	for (const count of [num, den]) {
		if (count !== null && !(Number.isFinite(count) && count >= 0)) {
			throw new Error(`rateCell: invalid count ${count}`);
		}
	}
	if (num !== null && den !== null && num > den) {
		throw new Error(`rateCell: numerator ${num} exceeds denominator ${den}`);
	}
	// Checked before "no data": saying the rate has no data would reveal a hidden denominator is 0.
	if (denSuppressed) return { value: null, suppressed: true };
	if (den === null || den === 0) return { value: null, suppressed: false };
	if (numSuppressed || den < minDenominator) return { value: null, suppressed: true };
	if (num === null) return { value: null, suppressed: false };
	return { value: Math.round((num * 1000) / den) / 10, suppressed: false };
}
