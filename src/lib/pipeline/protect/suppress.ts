/**
 * Small-cell suppression with complementary suppression.
 *
 * Primary: a count in [min, max] could single out a child, so it is hidden. Complementary: a
 * hidden cell that is the only hidden cell of an additive identity (total = sum of members) is
 * recovered by subtraction, so every identity must end with zero or at least two hidden cells.
 */
import type { AdditiveGroup } from './additive-groups';

/** Counts in [min, max] are suppressed. */
export interface SuppressionRule {
	min: number;
	max: number;
}

export const DEFAULT_SUPPRESSION_RULE: Readonly<SuppressionRule> = { min: 1, max: 4 };

function isPrimary(value: number, rule: SuppressionRule): boolean {
	return value >= rule.min && value <= rule.max;
}

function cellsOf(group: AdditiveGroup): number[] {
	return [group.total, ...group.members];
}

function checkGroups(length: number, groups: AdditiveGroup[]): void {
	for (const group of groups) {
		for (const cell of cellsOf(group)) {
			if (!Number.isInteger(cell) || cell < 0 || cell >= length) {
				throw new Error(`suppress: group cell ${cell} is not a row index (0..${length - 1})`);
			}
		}
	}
}

/** Returns, per value, whether it must be withheld. Deterministic; `values` is not modified. */
export function suppressCounts(
	values: number[],
	groups: AdditiveGroup[],
	rule: SuppressionRule = DEFAULT_SUPPRESSION_RULE,
	/** cells already hidden for another reason (a row hidden whole) */
	initial?: boolean[]
): boolean[] {
	if (!(rule.min <= rule.max)) throw new Error(`suppress: empty rule [${rule.min}, ${rule.max}]`);
	checkGroups(values.length, groups);
	const suppressed = values.map((value, i) => isPrimary(value, rule) || initial?.[i] === true);

	// Worklist: a group only needs another look when one of its cells becomes suppressed. Each
	// step suppresses one more cell and nothing is ever un-suppressed, so this terminates (at most
	// values.length steps). When the queue is empty every group was checked after its last change.
	const groupsOf: number[][] = values.map(() => []);
	groups.forEach((group, g) => cellsOf(group).forEach((cell) => groupsOf[cell].push(g)));
	const queue = groups.map((_, g) => g);
	const queued = new Uint8Array(groups.length).fill(1);
	for (let head = 0; head < queue.length; head++) {
		const g = queue[head];
		queued[g] = 0;
		const cell = complement(groups[g], values, suppressed);
		if (cell === undefined) continue;
		suppressed[cell] = true;
		for (const other of groupsOf[cell]) {
			if (!queued[other]) {
				queued[other] = 1;
				queue.push(other);
			}
		}
	}
	return suppressed;
}

/** The cell to suppress next in `group`, or undefined if it does not need one. */
function complement(
	group: AdditiveGroup,
	values: number[],
	suppressed: boolean[]
): number | undefined {
	let hidden = 0;
	let lone = -1;
	for (const cell of cellsOf(group)) {
		if (suppressed[cell]) {
			hidden++;
			lone = cell;
		}
	}
	if (hidden !== 1) return undefined;

	// The smallest positive member loses the least information. A zero is a poor complement: zeros
	// are common in these sparse tables and easily guessed, and a guessed zero recovers the cell.
	const positive = smallestPublished(group.members, values, suppressed, true);
	if (positive !== undefined) return positive;
	// A hidden member whose published siblings are all zero equals the total: hide the total.
	if (lone !== group.total) return group.total;
	// A hidden total with only zero members left: any member will do, so take the smallest.
	return smallestPublished(group.members, values, suppressed, false);
}

/** Published member with the smallest value (ties: lowest row index). */
function smallestPublished(
	members: number[],
	values: number[],
	suppressed: boolean[],
	positiveOnly: boolean
): number | undefined {
	let best: number | undefined;
	for (const cell of members) {
		if (suppressed[cell] || (positiveOnly && !(values[cell] > 0))) continue;
		if (
			best === undefined ||
			values[cell] < values[best] ||
			(values[cell] === values[best] && cell < best)
		) {
			best = cell;
		}
	}
	return best;
}

/**
 * Suppressed cells that one group equation gives away: in some group they are the only hidden
 * cell among {total, ...members}. Ascending row indices; empty after `suppressCounts`.
 */
export function recoverableCells(
	values: number[],
	suppressed: boolean[],
	groups: AdditiveGroup[]
): number[] {
	if (suppressed.length !== values.length) throw new Error('suppress: mask length differs');
	checkGroups(values.length, groups);
	const found = new Set<number>();
	for (const group of groups) {
		const hidden = cellsOf(group).filter((cell) => suppressed[cell]);
		if (hidden.length === 1) found.add(hidden[0]);
	}
	return [...found].sort((a, b) => a - b);
}

/** Primary-rule violations: indices whose value is in [min, max] but is published. */
export function unsafeCells(
	values: number[],
	suppressed: boolean[],
	rule: SuppressionRule = DEFAULT_SUPPRESSION_RULE
): number[] {
	if (suppressed.length !== values.length) throw new Error('suppress: mask length differs');
	const unsafe: number[] = [];
	values.forEach((value, i) => {
		if (isPrimary(value, rule) && !suppressed[i]) unsafe.push(i);
	});
	return unsafe;
}
