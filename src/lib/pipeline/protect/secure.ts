/**
 * Protects one table's counts of people against the attacker of SECURITY.md:
 *
 * 1. primary: every count from rule.min to rule.max is hidden;
 * 2. whole groups: where a group's size (children; caregivers; staff) is hidden, every count of
 *    the row that is part of it (`atMost`, directly or through another part) is, so nothing is
 *    said of what a small group received;
 * 3. complements, cheap first: no identity of the table may have a single hidden cell;
 * 4. complements the attacker asks for: the audit's linear programme (with truth, and knowing
 *    which hidden counts are not zero) names every small group it can still pin, and a
 *    neighbour in one of that group's identities is hidden, until it names none.
 *
 * Step 4 is the same attack the pipeline runs on the files afterwards (with the records model for
 * the measures that fit it, audit/records.ts); it only guides the choice of cells here. Deterministic: same table, same cells hidden.
 */
import type { ColumnSpec } from '../columns';
import { auditSystem, type Disclosure } from '../audit/audit';
import { buildCellSystem, type ReadTable, type ReadUnit } from '../audit/cell-system';
import { recordsMeasures, withRecords } from '../audit/records';
import { additiveGroups, type AdditiveGroup, type TableShape } from './additive-groups';
import { suppressCounts, type SuppressionRule } from './suppress';

export interface SecureInput {
	name: string;
	/** rows with dimensions and raw counts (null: no data) */
	rows: Record<string, string | number | boolean | null>[];
	/** the table's columns as published (dimensions and the protected counts) */
	columns: ColumnSpec[];
	shape: TableShape;
	/** protected count columns, parts after the counts they are part of */
	measures: string[];
	units: ReadUnit[];
	rule: SuppressionRule;
	/** give up after this many rounds of step 4 (the pipeline then refuses to publish) */
	maxRounds?: number;
	/** measures the attack models as sums of records (default: all that fit, recordsMeasures) */
	records?: string[];
}

export interface SecureResult {
	/** per measure, per row: hidden */
	hidden: Record<string, boolean[]>;
	cells: number;
	primary: number;
	secondary: number;
	rounds: number;
	/** what the attack still found when rounds ran out (empty: protected) */
	remaining: Disclosure[];
	/** the measures the attack modelled as sums of records */
	records: string[];
}

const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

export async function secureTable(input: SecureInput): Promise<SecureResult> {
	const { rows, measures, rule, shape } = input;
	const groups = additiveGroups(rows, shape);
	const groupsOf: number[][] = rows.map(() => []);
	const totals = new Set(groups.map((g) => g.total));
	groups.forEach((g, k) => [g.total, ...g.members].forEach((c) => groupsOf[c].push(k)));
	const values: Record<string, number[]> = {};
	const hidden: Record<string, boolean[]> = {};
	const atMost = Object.fromEntries(
		input.columns.filter((c) => c.atMost).map((c) => [c.name, c.atMost as string])
	);
	const rootOf = (m: string) => {
		let c = m;
		for (let i = 0; i < 10 && atMost[c]; i++) c = atMost[c];
		return c;
	};
	// the groups' sizes: measures that others are part of (a table may have several: the
	// indicators' caregivers and staff), each with the measures of its group, itself first
	const groupOf: Record<string, string[]> = {};
	for (const m of measures)
		if (!atMost[m] && measures.some((o) => atMost[o] === m))
			groupOf[m] = measures.filter((o) => rootOf(o) === m);
	for (const m of measures) {
		values[m] = rows.map((r) => num(r[m]) ?? 0);
		hidden[m] = values[m].map((v) => v >= rule.min && v <= rule.max);
	}
	let primary = 0;
	for (const m of measures) primary += hidden[m].filter(Boolean).length;

	const wholeRows = () => {
		let changed = false;
		for (const [size, group] of Object.entries(groupOf))
			hidden[size].forEach((h, i) => {
				if (!h) return;
				for (const m of group)
					if (!hidden[m][i]) {
						hidden[m][i] = true;
						changed = true;
					}
			});
		return changed;
	};
	const singleEquations = () => {
		let changed = false;
		for (const m of measures) {
			const next = suppressCounts(values[m], groups, rule, hidden[m]);
			if (next.some((h, i) => h !== hidden[m][i])) changed = true;
			hidden[m] = next;
		}
		return changed;
	};
	const cheap = () => {
		for (let i = 0; i < 20; i++) if (!(wholeRows() || singleEquations())) return;
	};
	cheap();

	const noData = (i: number, m: string) => rows[i][m] === null;
	// the table as a reader would have it if nothing were hidden: the attack's cells and truth
	const plain: ReadTable = {
		name: input.name,
		columns: input.columns,
		rows: rows.map((r) => {
			const out: Record<string, unknown> = { ...r };
			for (const m of measures) out[`${m}_suppressed`] = false;
			return out;
		})
	};
	// one system for every round: its shape does not change, only which values are hidden
	const system = buildCellSystem([plain], input.units);
	const trueValues = system.cells.map((c) => c.value as number);
	const truth = new Map(system.cells.map((c, i) => [c.key, trueValues[i]]));
	const cellByKey = new Map(system.cells.map((c) => [c.key, c]));
	const showHidden = () =>
		system.cells.forEach((c, i) => {
			c.value = hidden[c.column][c.row] ? null : trueValues[i];
		});
	showHidden();
	// the same cells (shared), with the records they are summed from as further unknowns
	const records = input.records ?? recordsMeasures(system);
	const attacked = withRecords(system, records);

	let remaining: Disclosure[] = [];
	let dirty = new Set<string>();
	let rounds = 0;
	const maxRounds = input.maxRounds ?? 30;
	for (; rounds < maxRounds; rounds++) {
		showHidden();
		// a complement changes only its own year: after the first round, audit the years that moved
		const audit = await auditSystem(attacked, {
			rule,
			truth: (c) => truth.get(c.key),
			attackers: ['not-zero'],
			only: rounds === 0 ? undefined : dirty
		});
		remaining = audit.disclosures;
		dirty = new Set(remaining.map((d) => cellByKey.get(d.key)?.partition ?? ''));
		if (remaining.length === 0) break;
		let added = 0;
		for (const d of remaining) {
			const cell = cellByKey.get(d.key);
			if (!cell) continue;
			const column = d.column;
			const target = complementFor(cell.row, column, d.kind, d.truth ?? 0);
			if (target === undefined) continue;
			for (const m of groupOf[target.column] ?? [target.column])
				if (!hidden[m][target.row] && !noData(target.row, m)) {
					hidden[m][target.row] = true;
					added++;
				}
		}
		cheap();
		if (added === 0) break;
	}

	/**
	 * A published cell whose hiding lets the pinned value move: in an identity of row `row`, or
	 * failing that of a hidden cell next to it (breadth first). For a size pinned low, a cell with
	 * enough to give (the smallest such); for a part pinned to none, one with some to give; for a
	 * part pinned to all, a sibling with room.
	 */
	function complementFor(
		row: number,
		column: string,
		kind: Disclosure['kind'],
		value: number
	): { row: number; column: string } | undefined {
		const v = values[column];
		const h = hidden[column];
		const sizeOf = values[rootOf(column)];
		const need = kind === 'size' ? rule.max + 2 - value : 2;
		const seen = new Set([row]);
		let frontier = [row];
		for (let depth = 0; depth < 6 && frontier.length > 0; depth++) {
			let best: { row: number; score: number } | undefined;
			const next: number[] = [];
			for (const r of frontier)
				for (const k of groupsOf[r]) {
					const g: AdditiveGroup = groups[k];
					for (const c of [g.total, ...g.members]) {
						if (seen.has(c)) continue;
						seen.add(c);
						if (h[c]) {
							next.push(c);
							continue;
						}
						const slack = kind === 'all' ? sizeOf[c] - v[c] : v[c];
						if (slack < 1 || noData(c, column)) continue;
						// enough to give, as little as possible beyond it; else as much as there is; a
						// total last, since a unit's or a margin's total is what readers look for
						const score = (slack >= need ? slack : 1e6 - slack) + (totals.has(c) ? 1e7 : 0);
						if (!best || score < best.score || (score === best.score && c < best.row))
							best = { row: c, score };
					}
				}
			if (best) return { row: best.row, column };
			frontier = next;
		}
		return undefined;
	}

	let cells = 0;
	let hiddenCount = 0;
	for (const m of measures)
		rows.forEach((_, i) => {
			if (noData(i, m)) return;
			cells++;
			if (hidden[m][i]) hiddenCount++;
		});
	return {
		hidden,
		cells,
		primary,
		secondary: hiddenCount - primary,
		rounds,
		remaining,
		records
	};
}
