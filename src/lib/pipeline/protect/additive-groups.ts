/**
 * The additive identities of a published table: "this row is the sum of those rows", for every
 * count column. Small-cell suppression (suppress.ts) needs them: a hidden cell that is the only
 * unknown of one identity can be worked out by subtraction, so it is not hidden at all.
 */

/** rows[total][c] === sum(rows[m][c] for m of members), for every count column c (row indices). */
export interface AdditiveGroup {
	total: number;
	members: number[];
}

export interface TableShape {
	/** All key columns of the table; together they identify a row. */
	dimensions: string[];
	/** Dimension column -> the value meaning "total over this dimension", e.g. `'all'`. */
	marginals: Record<string, string>;
	/**
	 * A dimension whose values nest: the row of a parent unit is the sum of the rows of its
	 * children. `ignore` lists columns that differ between parent and child rows although the rows
	 * describe the same cell (e.g. `level`, `district_code`); they are left out of the comparison.
	 */
	hierarchy?: { column: string; childrenOf: Map<string, string[]>; ignore?: string[] };
}

/**
 * Row keys over a subset of the dimensions. Every value is replaced by a small integer code per
 * dimension; a key is then a mixed-radix number, so dropping a dimension or swapping in another
 * unit is one subtraction or addition instead of building a string. Tables whose code space does
 * not fit in a safe integer fall back to strings of codes.
 */
class RowKeys {
	private readonly codes: number[][]; // [dimension][row]
	private readonly dictionaries: Map<string, number>[];
	private readonly weights: number[];
	private readonly full: number[] = [];
	private readonly numeric: boolean;

	constructor(rows: Record<string, unknown>[], dimensions: string[]) {
		this.dictionaries = dimensions.map(() => new Map());
		this.codes = dimensions.map((column, d) => {
			const dictionary = this.dictionaries[d];
			return rows.map((row) => {
				const value = String(row[column]);
				let code = dictionary.get(value);
				if (code === undefined) dictionary.set(value, (code = dictionary.size));
				return code;
			});
		});
		this.weights = [];
		let weight = 1;
		for (const dictionary of this.dictionaries) {
			this.weights.push(weight);
			weight *= Math.max(1, dictionary.size);
		}
		this.numeric = weight <= Number.MAX_SAFE_INTEGER;
		if (this.numeric) {
			for (let i = 0; i < rows.length; i++) {
				this.full.push(this.codes.reduce((key, codes, d) => key + codes[i] * this.weights[d], 0));
			}
		}
	}

	/** Code of a value in dimension d, undefined if no row has it. */
	code(d: number, value: string): number | undefined {
		return this.dictionaries[d].get(value);
	}

	/** Code of row i's value in dimension d. */
	codeAt(d: number, i: number): number {
		return this.codes[d][i];
	}

	/** Key of row i on all dimensions but `skip`; with `swap`, dimension swap.d reads swap.code. */
	key(i: number, skip: number[], swap?: { d: number; code: number }): number | string {
		if (this.numeric) {
			let key = this.full[i];
			for (const d of skip) key -= this.codes[d][i] * this.weights[d];
			return swap ? key + (swap.code - this.codes[swap.d][i]) * this.weights[swap.d] : key;
		}
		return this.codes
			.map((codes, d) => (skip.includes(d) ? '' : swap?.d === d ? swap.code : codes[i]))
			.join(',');
	}
}

/**
 * Groups come out in a fixed order: marginal groups by dimension order then by total row, then
 * hierarchy groups by parent row. Members are ascending row indices.
 */
export function additiveGroups(
	rows: Record<string, unknown>[],
	shape: TableShape
): AdditiveGroup[] {
	const { dimensions, marginals, hierarchy } = shape;
	for (const column of [...Object.keys(marginals), ...(hierarchy ? [hierarchy.column] : [])]) {
		if (!dimensions.includes(column)) {
			throw new Error(`additiveGroups: '${column}' is not one of the table's dimensions`);
		}
	}
	const keys = new RowKeys(rows, dimensions);
	assertUniqueKeys(rows, keys);

	let groups: AdditiveGroup[] = [];
	dimensions.forEach((column, d) => {
		if (Object.hasOwn(marginals, column)) {
			groups = groups.concat(marginalGroups(rows.length, keys, d, marginals[column]));
		}
	});
	if (hierarchy) {
		const d = dimensions.indexOf(hierarchy.column);
		const ignored = dimensions.flatMap((c, i) =>
			i !== d && hierarchy.ignore?.includes(c) ? [i] : []
		);
		groups = groups.concat(
			hierarchyGroups(rows, keys, hierarchy.column, d, ignored, hierarchy.childrenOf)
		);
	}
	return groups;
}

/** Two rows with the same key would make every identity ambiguous: that is a pipeline bug. */
function assertUniqueKeys(rows: Record<string, unknown>[], keys: RowKeys): void {
	const seen = new Map<number | string, number>();
	for (let i = 0; i < rows.length; i++) {
		const key = keys.key(i, []);
		const other = seen.get(key);
		if (other !== undefined)
			throw new Error(`additiveGroups: two rows have the same key (${other}, ${i})`);
		seen.set(key, i);
	}
}

/**
 * Total over dimension d: the rows that agree on every other dimension and carry a category of
 * d. Categories with no row are zeros, so the identity holds even if some are missing.
 */
function marginalGroups(
	count: number,
	keys: RowKeys,
	d: number,
	totalValue: string
): AdditiveGroup[] {
	const totalCode = keys.code(d, totalValue);
	if (totalCode === undefined) return [];
	const membersByKey = new Map<number | string, number[]>();
	const totals: number[] = [];
	for (let i = 0; i < count; i++) {
		if (keys.codeAt(d, i) === totalCode) {
			totals.push(i);
			continue;
		}
		const key = keys.key(i, [d]);
		const members = membersByKey.get(key);
		if (members) members.push(i);
		else membersByKey.set(key, [i]);
	}
	const groups: AdditiveGroup[] = [];
	for (const total of totals) {
		const members = membersByKey.get(keys.key(total, [d]));
		if (members) groups.push({ total, members });
	}
	return groups;
}

/**
 * Parent unit = sum of its children. Unlike categories, a missing child row is not known to be
 * zero (the unit may not have reported), so the identity is only emitted when every child is there.
 */
function hierarchyGroups(
	rows: Record<string, unknown>[],
	keys: RowKeys,
	column: string,
	d: number,
	ignored: number[],
	childrenOf: Map<string, string[]>
): AdditiveGroup[] {
	const rowByKey = new Map<number | string, number>();
	for (let i = 0; i < rows.length; i++) {
		const key = keys.key(i, ignored);
		const other = rowByKey.get(key);
		if (other !== undefined) {
			throw new Error(`additiveGroups: rows ${other} and ${i} differ only in ignored columns`);
		}
		rowByKey.set(key, i);
	}

	const groups: AdditiveGroup[] = [];
	for (let total = 0; total < rows.length; total++) {
		const children = childrenOf.get(String(rows[total][column])) ?? [];
		const members: number[] = [];
		for (const child of children) {
			const code = keys.code(d, child);
			const member =
				code === undefined ? undefined : rowByKey.get(keys.key(total, ignored, { d, code }));
			if (member === undefined) break;
			members.push(member);
		}
		if (children.length > 0 && members.length === children.length) {
			groups.push({ total, members: members.sort((a, b) => a - b) });
		}
	}
	return groups;
}
