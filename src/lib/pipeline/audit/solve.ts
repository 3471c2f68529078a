/**
 * How far a hidden value can move, given everything published: one linear programme per
 * partition (a year), solved with HiGHS. Many questions are asked of the same programme, so
 * they are batched: "can each of these reach its cap?" is one solve that pushes all of them up
 * at once (auxiliary y ≤ cap, y ≤ expression, maximise Σ y); only the ones that could not are
 * then asked one at a time.
 */
import highsLoader, { type Highs, type Model } from 'highs';
import type { CellSystem, Relation } from './cell-system';

let loaded: Promise<Highs> | undefined;
export const loadSolver = () => (loaded ??= highsLoader());

/** Σ coef·cell + constant: a value the attacker asks the bounds of. */
export interface Expression {
	terms: { cell: number; coef: number }[];
	constant: number;
}

export interface Partition {
	/** cell index -> column of the programme (hidden cells only) */
	column: Map<number, number>;
	cells: number[];
	relations: Relation[];
}

/** The hidden cells and relations of each partition. */
export function partitions(system: CellSystem): Map<string, Partition> {
	const out = new Map<string, Partition>();
	const of = (key: string) => {
		let p = out.get(key);
		if (!p) out.set(key, (p = { column: new Map(), cells: [], relations: [] }));
		return p;
	};
	system.cells.forEach((c, i) => {
		if (c.value !== null) return;
		const p = of(c.partition);
		p.column.set(i, p.cells.length);
		p.cells.push(i);
	});
	for (const r of system.relations) {
		const hidden = r.terms.find((t) => system.cells[t.cell].value === null);
		if (hidden) of(system.cells[hidden.cell].partition).relations.push(r);
	}
	return out;
}

const EPS = 1e-6;
export const stats = { batchRounds: 0, batchMs: 0, single: 0 };

/**
 * A programme over one partition's hidden cells. `lower` gives each hidden cell's lower bound
 * (0, or 1 for an attacker who knows it is not zero).
 */
export class PartitionProgramme {
	private constructor(
		private readonly highs: Highs,
		private readonly system: CellSystem,
		private readonly part: Partition,
		private readonly lower: (cell: number) => number
	) {}

	static async create(
		system: CellSystem,
		part: Partition,
		lower: (cell: number) => number
	): Promise<PartitionProgramme> {
		return new PartitionProgramme(await loadSolver(), system, part, lower);
	}

	/** Known part of an expression: published cells become constants. */
	private split(e: Expression): { vars: Map<number, number>; constant: number } {
		const vars = new Map<number, number>();
		let constant = e.constant;
		for (const t of e.terms) {
			const v = this.system.cells[t.cell].value;
			if (v !== null) constant += t.coef * v;
			else {
				const col = this.part.column.get(t.cell);
				if (col === undefined) throw new Error(`cell ${t.cell} is not in this partition`);
				vars.set(col, (vars.get(col) ?? 0) + t.coef);
			}
		}
		return { vars, constant };
	}

	/**
	 * Builds the model with one auxiliary column per target: y_t ≤ cap_t and y_t ≤ target_t.
	 * Returns the model and each target's constant.
	 */
	private build(targets: Expression[], caps: number[]): { model: Model; constants: number[] } {
		const n = this.part.cells.length;
		const rowsStarts: number[] = [0];
		const indices: number[] = [];
		const values: number[] = [];
		const rowLower: number[] = [];
		const rowUpper: number[] = [];
		const inf = this.highs.infinity;
		for (const r of this.part.relations) {
			const { vars, constant } = this.split(r);
			for (const [col, coef] of vars) {
				indices.push(col);
				values.push(coef);
			}
			rowsStarts.push(indices.length);
			// Σ vars + constant (= | ≥) 0
			rowLower.push(-constant);
			rowUpper.push(r.kind === 'eq' ? -constant : inf);
		}
		const constants: number[] = [];
		targets.forEach((t, k) => {
			const { vars, constant } = this.split(t);
			constants.push(constant);
			// y_k − Σ vars ≤ constant
			for (const [col, coef] of [...vars].sort((a, b) => a[0] - b[0])) {
				indices.push(col);
				values.push(-coef);
			}
			indices.push(n + k);
			values.push(1);
			rowsStarts.push(indices.length);
			rowLower.push(-inf);
			rowUpper.push(constant);
		});
		const numCols = n + targets.length;
		const model = this.highs.createModel({
			numCols,
			numRows: rowLower.length,
			sense: this.highs.constants.objectiveSense.maximize,
			colCost: new Float64Array(numCols),
			colLower: [...this.part.cells.map((c) => this.lower(c)), ...targets.map(() => -inf)],
			colUpper: [...this.part.cells.map(() => inf), ...caps],
			rowLower,
			rowUpper,
			matrix: {
				format: 'csr',
				numRows: rowLower.length,
				numCols,
				starts: rowsStarts,
				indices,
				values
			}
		});
		// warm starts: after a change of objective the last basis stays feasible, and the primal
		// simplex goes on from it in a few pivots (presolve would throw the basis away)
		model.options.set(
			process.env.AUDIT_LP_OPTS
				? JSON.parse(process.env.AUDIT_LP_OPTS)
				: { output_flag: false, presolve: 'off', simplex_strategy: 4 }
		);
		return { model, constants };
	}

	private status(model: Model): 'optimal' | 'infeasible' | 'unbounded' {
		const s = model.getModelStatus();
		const k = this.highs.constants.modelStatus;
		if (s === k.optimal) return 'optimal';
		if (s === k.infeasible) return 'infeasible';
		if (s === k.unbounded || s === k.unboundedOrInfeasible) return 'unbounded';
		throw new Error(`audit: the solver stopped with status ${s}`);
	}

	/** Whether the published values and the rules hold at all under these bounds. */
	async feasible(): Promise<boolean> {
		const { model } = this.build([], []);
		try {
			model.run();
			return this.status(model) !== 'infeasible';
		} finally {
			model.dispose();
		}
	}

	/**
	 * For each target, the largest value it can take, but only exactly when that is below its
	 * cap: a target that can reach its cap reports the cap. Null when the bounds are infeasible.
	 */
	maxUpTo(targets: Expression[], caps: number[]): number[] | null {
		if (targets.length === 0) return [];
		const q = this.questions(targets, caps);
		try {
			return q.maxUpTo(targets.map((_, k) => k));
		} finally {
			q.dispose();
		}
	}

	/**
	 * One model for many questions (the first solve, from nothing, is most of the cost): ask
	 * `maxUpTo` of any subset of the targets, in turn; each solve starts from the last basis.
	 */
	questions(
		targets: Expression[],
		caps: number[]
	): { maxUpTo: (asked: number[]) => number[] | null; dispose: () => void } {
		const { model, constants } = this.build(targets, caps);
		const n = this.part.cells.length;
		const width = n + targets.length;
		const setCost = (cost: Float64Array) =>
			model.changeColsCost({ kind: 'range', from: 0, to: width - 1 }, cost);
		const maxUpTo = (asked: number[]): number[] | null => {
			const reached = new Map<number, number>();
			let open = [...asked];
			let rounds = 0;
			// batched: push every open target up at once, keep those that reached their cap
			while (open.length > 0) {
				const cost = new Float64Array(width);
				for (const k of open) cost[n + k] = 1;
				setCost(cost);
				const t0 = performance.now();
				model.run();
				rounds++;
				stats.batchMs += performance.now() - t0;
				const status = this.status(model);
				if (status === 'infeasible') return null;
				if (status === 'unbounded') break;
				const x = model.getSolution().colValue;
				const next: number[] = [];
				for (const k of open) {
					if (this.evaluate(targets[k], x) >= caps[k] - EPS) reached.set(k, caps[k]);
					else next.push(k);
				}
				if (next.length === open.length) break;
				open = next;
			}
			stats.batchRounds += rounds;
			stats.single += open.length;
			// one at a time: maximise the target itself; its optimum may show others reach their cap
			for (const k of open) {
				if (reached.has(k)) continue;
				const cost = new Float64Array(width);
				const { vars } = this.split(targets[k]);
				for (const [col, coef] of vars) cost[col] = coef;
				setCost(cost);
				model.run();
				const status = this.status(model);
				if (status === 'infeasible') return null;
				if (status === 'unbounded') {
					reached.set(k, caps[k]);
					continue;
				}
				reached.set(k, Math.min(caps[k], model.getObjectiveValue() + constants[k]));
				const x = model.getSolution().colValue;
				for (const o of open)
					if (!reached.has(o) && this.evaluate(targets[o], x) >= caps[o] - EPS)
						reached.set(o, caps[o]);
			}
			return asked.map((k) => reached.get(k) as number);
		};
		return { maxUpTo, dispose: () => model.dispose() };
	}

	private evaluate(e: Expression, x: Float64Array): number {
		let v = e.constant;
		for (const t of e.terms) {
			const known = this.system.cells[t.cell].value;
			v += t.coef * (known ?? x[this.part.column.get(t.cell) as number]);
		}
		return v;
	}
}

/** A bound found by the programme, as the whole number an attacker concludes. */
export const floorBound = (v: number) => Math.floor(v + EPS);
