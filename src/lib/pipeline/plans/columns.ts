/**
 * Column metadata of a plan's published tables, from the general plan alone: every measure of
 * the plan is a protected count of people (with its `atMost`), unless its population counts units;
 * flags and `reported` count units,
 * breakdown columns list their codes. Fails closed like ../columns.ts: an unknown name throws.
 */
import type { Label } from '../../domain/breakdowns';
import type { PlanSpec } from '../../domain/plan/types';
import type { ColumnSpec } from '../columns';

const dim = (type: ColumnSpec['type'], vi: string, en: string): Omit<ColumnSpec, 'name'> => ({
	type,
	role: 'dimension',
	label: { vi, en }
});

export function planColumnCatalogue(spec: PlanSpec): Record<string, Omit<ColumnSpec, 'name'>> {
	const levels = spec.geography.levels.map((l) => l.id).join('/');
	const cat: Record<string, Omit<ColumnSpec, 'name'>> = {
		year: dim('INTEGER', 'Năm', 'Year'),
		level: dim('VARCHAR', `Cấp (${levels})`, `Level (${levels})`),
		unit_code: dim('VARCHAR', 'Mã đơn vị', 'Unit code'),
		parent_code: dim(
			'VARCHAR',
			'Mã đơn vị có phần số liệu riêng này',
			'Code of the unit these own figures belong to'
		),
		code: dim('VARCHAR', 'Mã đơn vị', 'Unit code'),
		name: dim('VARCHAR', 'Tên đơn vị', 'Unit name'),
		type: dim('VARCHAR', 'Loại đơn vị', 'Unit type'),
		parent: dim('VARCHAR', 'Mã đơn vị cấp trên', 'Code of the unit above'),
		valid_from: dim(
			'VARCHAR',
			'Hiệu lực từ ngày (trống: không giới hạn)',
			'Valid from (empty: open)'
		),
		valid_to: dim('VARCHAR', 'Hiệu lực đến ngày (trống: không giới hạn)', 'Valid to (empty: open)'),
		duty: dim(
			'VARCHAR',
			'Nghĩa vụ báo cáo (reporting.duties)',
			'Reporting duty (reporting.duties)'
		),
		due_date: dim(
			'DATE',
			'Hạn nộp (trống: kế hoạch không ghi)',
			'Due date (empty: the plan gives none)'
		),
		submitted_date: dim('DATE', 'Ngày nộp', 'Date received'),
		status: dim(
			'VARCHAR',
			'Tình trạng (on_time/late/missing/not_due/undated)',
			'Status (on_time/late/missing/not_due/undated)'
		),
		reported: {
			type: 'INTEGER',
			role: 'count',
			counts: 'units',
			label: {
				vi: 'Đơn vị có báo cáo số liệu năm này (1 có, 0 không)',
				en: 'The unit reported figures this year (1 yes, 0 no)'
			}
		}
	};
	for (const b of spec.breakdowns) {
		const codes = b.categories.map((c) => c.code).join(', ');
		if (!b.overlapping)
			cat[b.id] = dim('VARCHAR', `${b.label.vi} (${codes}, all)`, `${b.label.en} (${codes}, all)`);
		else
			for (const c of b.categories)
				cat[`${b.id}_${c.code}`] = dim(
					'VARCHAR',
					`${b.label.vi}: ${c.label.vi} (1 có, 0 không, all)`,
					`${b.label.en}: ${c.label.en} (1 yes, 0 no, all)`
				);
	}
	const popLabel = new Map(spec.populations.map((p) => [p.id, p.label]));
	for (const m of spec.measures) {
		const label: Label = m.label ?? {
			vi: `${popLabel.get(m.population)?.vi ?? m.population}: ${m.id}`,
			en: `${popLabel.get(m.population)?.en ?? m.population}: ${m.id}`
		};
		// a count of units (facilities, foster families) singles out no one: not protected
		const people = spec.populations.find((p) => p.id === m.population)?.counts !== 'units';
		cat[m.id] =
			m.type === 'count' && people
				? {
						type: 'INTEGER',
						role: 'count',
						label,
						protected: true,
						...(m.atMost ? { atMost: m.atMost } : {})
					}
				: { type: 'INTEGER', role: 'count', counts: 'units', label };
	}
	return cat;
}

export function describePlanColumns(spec: PlanSpec, names: string[]): ColumnSpec[] {
	const cat = planColumnCatalogue(spec);
	return names.map((name): ColumnSpec => {
		if (name.endsWith('_suppressed')) {
			const of = name.slice(0, -'_suppressed'.length);
			const l = cat[of]?.label ?? { vi: of, en: of };
			return {
				name,
				type: 'BOOLEAN',
				role: 'flag',
				label: { vi: `${l.vi}: đã ẩn do số nhỏ`, en: `${l.en}: suppressed (small number)` }
			};
		}
		const spec = cat[name];
		if (!spec) throw new Error(`plan runtime: no column metadata for "${name}"`);
		return { name, ...spec };
	});
}

/** The count measures among `measures` that count people (protected), in the given order. */
export function peopleCounts(spec: PlanSpec, measures: string[]): string[] {
	const cat = planColumnCatalogue(spec);
	return measures.filter((m) => cat[m]?.protected === true);
}
