/**
 * The disclosure audit: an attacker who has every published table, the unit list and every
 * public rule, and solves them all at once (SECURITY.md states the model). For each hidden
 * count it asks how small and how large the count can be; a disclosure is
 *
 * - size: a group of min–max people (1–4) whose count is pinned inside min–max, either by the
 *   published values alone, or by an attacker who also knows which hidden counts are not zero
 *   (hidden counts are then ≥ 1: the largest possible value must still reach max + 1);
 * - attribute: a small group of which the attacker learns that none, or all, got a service or a
 *   skill (a count that is `atMost` the group's size is pinned to 0 or to the size).
 *
 * With `truth` (the pipeline, or a test that read the reports) only true small groups are judged
 * and the "not zero" knowledge is exact; without it every hidden count is judged and every
 * hidden count is assumed ≥ 1 (which the published values may refute: then nothing is pinned).
 */
import {
	buildCellSystem,
	type Cell,
	type CellSystem,
	type ReadTable,
	type ReadUnit
} from './cell-system';
import { recordsMeasures, withRecords } from './records';
import { floorBound, partitions, PartitionProgramme, type Expression } from './solve';

export interface AuditRule {
	min: number;
	max: number;
}

export interface AuditOptions {
	rule: AuditRule;
	/** the true value of a hidden cell, when the auditor has it */
	truth?: (cell: Cell) => number | undefined;
	/** which attackers to run (default both): the stronger one alone decides whether it is safe */
	attackers?: Disclosure['attacker'][];
	/**
	 * measures the attacker models as sums of records (records.ts); default: every measure that
	 * fits the solver's limit (recordsMeasures), [] for the cell model alone
	 */
	records?: string[];
	/** audit only these partitions (years) */
	only?: Set<string>;
	/** progress, one line per partition */
	log?: (line: string) => void;
}

export interface Disclosure {
	key: string;
	table: string;
	column: string;
	kind: 'size' | 'none' | 'all';
	/** 'published': from the published values alone; 'not-zero': knowing which hidden counts are ≥ 1 */
	attacker: 'published' | 'not-zero';
	/** what the attacker concludes, e.g. "1–3" or "accessed = 0" */
	conclusion: string;
	truth?: number;
}

export interface AuditResult {
	/** hidden counts of people */
	hiddenValues: number;
	/** among them, groups of min–max (known with truth; without it, every hidden count) */
	smallGroups: number;
	disclosures: Disclosure[];
	/** partitions where "every hidden count is ≥ 1" contradicts the published values */
	refuted: string[];
	/** published values that contradict each other (a reader would notice) */
	problems: string[];
	seconds: number;
}

const rootOf = (atMost: Record<string, string>, column: string): string => {
	let c = column;
	for (let i = 0; i < 10 && atMost[c]; i++) c = atMost[c];
	return c;
};

export async function auditTables(
	tables: ReadTable[],
	units: ReadUnit[],
	opts: AuditOptions
): Promise<AuditResult> {
	const started = performance.now();
	const cellSystem = buildCellSystem(tables, units);
	const system = withRecords(cellSystem, opts.records ?? recordsMeasures(cellSystem));
	const result = await auditSystem(system, opts);
	result.seconds = (performance.now() - started) / 1000;
	return result;
}

/** The published values admit no solution at all: a pipeline bug. Names a broken rule if truth tells. */
function contradiction(
	system: CellSystem,
	relations: CellSystem['relations'],
	name: string,
	truth: AuditOptions['truth']
): Error {
	const broken = truth
		? relations.find((r) => {
				let v = r.constant;
				for (const t of r.terms) {
					const c = system.cells[t.cell];
					v += t.coef * (c.value ?? truth(c) ?? 0);
				}
				return r.kind === 'eq' ? Math.abs(v) > 1e-6 : v < -1e-6;
			})
		: undefined;
	return new Error(
		`audit: the published values of ${name} contradict each other${broken ? ` (${broken.why}: ${broken.terms.map((t) => `${system.cells[t.cell].key} = ${system.cells[t.cell].value ?? `hidden, truly ${truth?.(system.cells[t.cell])}`}`).join(', ')})` : ''}`
	);
}

export async function auditSystem(system: CellSystem, opts: AuditOptions): Promise<AuditResult> {
	const { rule, truth } = opts;
	const attackers = opts.attackers ?? ['published', 'not-zero'];
	const disclosures: Disclosure[] = [];
	const refuted: string[] = [];
	let hiddenValues = 0;
	let smallGroups = 0;
	const cells = system.cells;
	const isSmall = (i: number) => {
		const t = truth?.(cells[i]);
		return t === undefined ? truth === undefined : t >= rule.min && t <= rule.max;
	};
	const notZero = (i: number) => {
		// records no table publishes may well be empty
		if (cells[i].latent) return false;
		if (!truth) return true;
		const t = truth(cells[i]);
		return t !== undefined && t >= 1;
	};
	const one = (cell: number): Expression => ({ terms: [{ cell, coef: 1 }], constant: 0 });
	const report = (
		i: number,
		kind: Disclosure['kind'],
		attacker: Disclosure['attacker'],
		conclusion: string
	) =>
		disclosures.push({
			key: cells[i].key,
			table: cells[i].table,
			column: cells[i].column,
			kind,
			attacker,
			conclusion,
			truth: truth?.(cells[i])
		});

	for (const [name, part] of partitions(system)) {
		if (opts.only && !opts.only.has(name)) continue;
		const began = performance.now();
		const targets = part.cells.filter((i) => cells[i].protected);
		const latentCount = part.cells.filter((i) => cells[i].latent).length;
		hiddenValues += targets.length;
		const small = targets.filter(isSmall);
		smallGroups += small.length;

		// 1. from the published values alone: pinned inside min–max (lowest ≥ min, highest ≤ max);
		// one model asks both, since its first solve is most of the cost
		if (attackers.includes('published')) {
			const plain = await PartitionProgramme.create(system, part, () => 0);
			const q = plain.questions(
				[...small.map(one), ...small.map((c) => ({ terms: [{ cell: c, coef: -1 }], constant: 0 }))],
				[...small.map(() => rule.max + 1), ...small.map(() => -(rule.min - 1))]
			);
			try {
				const highest = q.maxUpTo(small.map((_, k) => k));
				if (highest === null) throw contradiction(system, part.relations, name, truth);
				// only a count that cannot reach max + 1 needs its lowest value
				const low = small.map((_, k) => k).filter((k) => floorBound(highest[k]) <= rule.max);
				const lowestNeg = q.maxUpTo(low.map((k) => small.length + k));
				if (lowestNeg === null) throw contradiction(system, part.relations, name, truth);
				low.forEach((k, j) => {
					const hi = floorBound(highest[k]);
					const lo = -floorBound(lowestNeg[j]);
					if (lo >= rule.min)
						report(small[k], 'size', 'published', lo === hi ? `= ${lo}` : `${lo}–${hi}`);
				});
			} finally {
				q.dispose();
			}
		}
		if (!attackers.includes('not-zero')) continue;

		// 2. knowing which hidden counts are not zero: sizes, then attributes of small groups (a
		// part of the group pinned to none or to all of it), from one model
		const checks: { cell: number; kind: 'none' | 'all'; e: Expression; group: number }[] = [];
		const smallSet = new Set(small);
		for (const row of system.rows) {
			if (row.partition !== name) continue;
			const atMost = system.atMost[row.table] ?? {};
			for (const [column, cell] of Object.entries(row.cells)) {
				if (!atMost[column]) continue;
				const group = row.cells[rootOf(atMost, column)];
				if (group === undefined || !smallSet.has(group)) continue;
				checks.push({ cell, kind: 'none', e: one(cell), group });
				checks.push({
					cell,
					kind: 'all',
					e: {
						terms: [
							{ cell: group, coef: 1 },
							{ cell, coef: -1 }
						],
						constant: 0
					},
					group
				});
			}
		}
		const strong = await PartitionProgramme.create(system, part, (i) => (notZero(i) ? 1 : 0));
		const q = strong.questions(
			[...small.map(one), ...checks.map((c) => c.e)],
			[...small.map(() => rule.max + 1), ...checks.map(() => 1)]
		);
		let reach: number[] | null;
		try {
			const strongHigh = q.maxUpTo(small.map((_, k) => k));
			if (strongHigh === null) {
				refuted.push(name);
				continue;
			}
			small.forEach((c, k) => {
				const hi = floorBound(strongHigh[k]);
				if (hi <= rule.max) report(c, 'size', 'not-zero', hi === 1 ? '= 1' : `1–${hi}`);
			});
			reach = q.maxUpTo(checks.map((_, k) => small.length + k));
		} finally {
			q.dispose();
		}
		opts.log?.(
			`${name}: ${part.cells.length - latentCount} hidden + ${latentCount} records, ${small.length} small, ${checks.length} attribute checks, ${((performance.now() - began) / 1000).toFixed(1)} s`
		);
		if (reach === null) continue;
		checks.forEach((c, k) => {
			if (floorBound(reach[k]) < 1)
				report(
					c.cell,
					c.kind,
					'not-zero',
					c.kind === 'none'
						? `${cells[c.cell].column} = 0 of ${cells[c.group].column}`
						: `${cells[c.cell].column} = ${cells[c.group].column}`
				);
		});
	}
	return { hiddenValues, smallGroups, disclosures, refuted, problems: system.problems, seconds: 0 };
}
