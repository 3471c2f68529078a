/**
 * Small readers for checking a parsed JSON plan: each one records an error naming the JSON path
 * and what to write there (vi + en), and returns the value when it is of the right shape.
 */
import type { Label } from '../breakdowns';

export interface PlanError {
	/** where in the file, e.g. indicators[3].targets[0].value */
	path: string;
	vi: string;
	en: string;
}

type Obj = Record<string, unknown>;

export class Checker {
	readonly errors: PlanError[] = [];

	error(path: string, vi: string, en: string): void {
		this.errors.push({ path, vi, en });
	}

	obj(v: unknown, path: string): Obj | undefined {
		if (v !== null && typeof v === 'object' && !Array.isArray(v)) return v as Obj;
		this.error(path, 'Cần một đối tượng JSON { … }.', 'Expected a JSON object { … }.');
		return undefined;
	}

	arr(v: unknown, path: string, opts: { optional?: boolean; nonEmpty?: boolean } = {}): unknown[] {
		if (v === undefined && opts.optional) return [];
		if (!Array.isArray(v)) {
			this.error(path, 'Cần một danh sách JSON [ … ].', 'Expected a JSON list [ … ].');
			return [];
		}
		if (opts.nonEmpty && v.length === 0)
			this.error(path, 'Danh sách không được rỗng.', 'The list must not be empty.');
		return v;
	}

	str(v: unknown, path: string, opts: { optional?: boolean } = {}): string | undefined {
		if (v === undefined && opts.optional) return undefined;
		if (typeof v === 'string' && v.trim() !== '') return v;
		this.error(path, 'Cần một chuỗi ký tự không rỗng.', 'Expected a non-empty string.');
		return undefined;
	}

	int(
		v: unknown,
		path: string,
		opts: { optional?: boolean; min?: number } = {}
	): number | undefined {
		if (v === undefined && opts.optional) return undefined;
		if (typeof v === 'number' && Number.isInteger(v) && v >= (opts.min ?? -Infinity)) return v;
		const min = opts.min !== undefined ? ` ≥ ${opts.min}` : '';
		this.error(path, `Cần một số nguyên${min}.`, `Expected a whole number${min}.`);
		return undefined;
	}

	num(v: unknown, path: string, opts: { optional?: boolean } = {}): number | undefined {
		if (v === undefined && opts.optional) return undefined;
		if (typeof v === 'number' && Number.isFinite(v)) return v;
		this.error(path, 'Cần một số.', 'Expected a number.');
		return undefined;
	}

	bool(v: unknown, path: string, fallback: boolean): boolean {
		if (v === undefined) return fallback;
		if (typeof v === 'boolean') return v;
		this.error(path, 'Cần true hoặc false.', 'Expected true or false.');
		return fallback;
	}

	oneOf<T extends string>(
		v: unknown,
		path: string,
		allowed: readonly T[],
		opts: { optional?: boolean } = {}
	): T | undefined {
		if (v === undefined && opts.optional) return undefined;
		if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
		const list = allowed.map((a) => `"${a}"`).join(', ');
		this.error(path, `Giá trị phải là một trong: ${list}.`, `The value must be one of: ${list}.`);
		return undefined;
	}

	label(v: unknown, path: string, opts: { optional?: boolean } = {}): Label | undefined {
		if (v === undefined && opts.optional) return undefined;
		const o = this.obj(v, path);
		if (!o) return undefined;
		const vi = this.str(o.vi, `${path}.vi`);
		const en = this.str(o.en, `${path}.en`);
		return vi && en ? { vi, en } : undefined;
	}

	/** A calendar date written YYYY-MM-DD that exists. */
	date(v: unknown, path: string, opts: { optional?: boolean } = {}): string | undefined {
		if (v === undefined && opts.optional) return undefined;
		if (typeof v === 'string' && isIsoDate(v)) return v;
		this.error(
			path,
			'Cần một ngày có thật, viết YYYY-MM-DD (ví dụ 2018-12-06).',
			'Expected a real date written YYYY-MM-DD (e.g. 2018-12-06).'
		);
		return undefined;
	}

	/** Ids in a list must be unique; returns the set. */
	unique(ids: (string | undefined)[], path: (i: number) => string): Set<string> {
		const seen = new Set<string>();
		ids.forEach((id, i) => {
			if (id === undefined) return;
			if (seen.has(id))
				this.error(
					path(i),
					`Mã "${id}" bị trùng: mỗi mã chỉ dùng một lần.`,
					`Id "${id}" is used twice: each id must be unique.`
				);
			seen.add(id);
		});
		return seen;
	}

	/** A reference to something declared elsewhere in the file. */
	ref(id: string | undefined, path: string, declared: Set<string>, what: Label): boolean {
		if (id === undefined) return false;
		if (declared.has(id)) return true;
		const list = [...declared].map((d) => `"${d}"`).join(', ') || '–';
		this.error(
			path,
			`"${id}" không có trong ${what.vi} đã khai báo (${list}).`,
			`"${id}" is not among the declared ${what.en} (${list}).`
		);
		return false;
	}
}

export function isIsoDate(v: string): boolean {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
	if (!m) return false;
	const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
	return d.toISOString().slice(0, 10) === v;
}

/** MM-DD that exists in a leap year (02-29 allowed). */
export function isMonthDay(v: string): boolean {
	return /^\d{2}-\d{2}$/.test(v) && isIsoDate(`2000-${v}`);
}

/** One measure or a list of them, as a list. */
export function sumOf(c: Checker, v: unknown, path: string): string[] {
	if (typeof v === 'string') return [c.str(v, path)].filter((x): x is string => !!x);
	const list = c.arr(v, path, { nonEmpty: true });
	return list.map((x, i) => c.str(x, `${path}[${i}]`)).filter((x): x is string => !!x);
}
