/** Reading dates and unit names as people write them in report files. */
import { foldDiacritics, type Geography, type Unit } from '../units';
import type { UnitEra } from '../unit-eras';
import type { Plan } from '../plan';

export interface IntakeContext {
	plan: Pick<Plan, 'years' | 'reporting' | 'geography' | 'flags'>;
	/** the plan's first units */
	geo: Geography;
	/** the units over time, when a reform changed them: a row is checked against its year's */
	eras?: UnitEra[];
}

/** YYYY-MM-DD or DD/MM/YYYY (how Vietnamese Excel writes dates) to ISO; undefined if invalid. */
export function readDate(raw: string): string | undefined {
	let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
	let y: number, mo: number, d: number;
	if (m) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
	else {
		m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(raw);
		if (!m) return undefined;
		[d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
	}
	const date = new Date(Date.UTC(y, mo - 1, d));
	if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d)
		return undefined;
	return date.toISOString().slice(0, 10);
}

const foldName = (s: string) =>
	foldDiacritics(s.normalize('NFC'))
		.toLowerCase()
		.replace(/^(xa|phuong|thi tran|huyen|thanh pho|tinh)\s+/, '')
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();

/** Units a name (not a code) may mean, old names included, diacritics and unit type ignored. */
export function unitsNamed(raw: string, ctx: IntakeContext) {
	const q = foldName(raw);
	if (q === '' || /^\d+$/.test(q)) return [];
	const out: { unit: Unit; district: string | null; formerly: string | null }[] = [];
	for (const unit of ctx.geo.byCode.values()) {
		const district =
			unit.level === 'commune' ? (ctx.geo.byCode.get(unit.district_code)?.name ?? null) : null;
		if (foldName(unit.name) === q) out.push({ unit, district, formerly: null });
		for (const r of ctx.plan.geography.renames)
			if (r.code === unit.code && foldName(r.oldName) === q)
				out.push({ unit, district, formerly: r.oldName });
	}
	return out;
}
