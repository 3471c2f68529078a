/** Column metadata of the published tables: type, role and labels, as the manifest lists them. */
import { breakdowns, type Label } from '../domain/breakdowns';
import type { Plan } from '../domain/plan';

export type ColumnType = 'VARCHAR' | 'INTEGER' | 'DOUBLE' | 'BOOLEAN' | 'DATE';
export type ColumnRole = 'dimension' | 'count' | 'rate' | 'flag';

export interface ColumnSpec {
	name: string;
	type: ColumnType;
	role: ColumnRole;
	label: Label;
	protected?: boolean;
	/** a count that is not of people: of units (districts with a network) or of reports */
	counts?: 'units' | 'reports';
	atMost?: string;
	numerator?: string;
	denominator?: string;
}

const base: Record<string, Omit<ColumnSpec, 'name'>> = {
	year: { type: 'INTEGER', role: 'dimension', label: { vi: 'Năm', en: 'Year' } },
	level: {
		type: 'VARCHAR',
		role: 'dimension',
		label: { vi: 'Cấp (province/district/commune)', en: 'Level (province/district/commune)' }
	},
	unit_code: {
		type: 'VARCHAR',
		role: 'dimension',
		label: { vi: 'Mã đơn vị (TCTK)', en: 'Unit code (GSO)' }
	},
	district_code: {
		type: 'VARCHAR',
		role: 'dimension',
		label: { vi: 'Mã huyện', en: 'District code' }
	},
	period: {
		type: 'VARCHAR',
		role: 'dimension',
		label: {
			vi: 'Kỳ báo cáo (H1: 6 tháng, Y: năm)',
			en: 'Reporting period (H1: half-year, Y: year)'
		}
	},
	due_date: { type: 'DATE', role: 'dimension', label: { vi: 'Hạn nộp', en: 'Due date' } },
	submitted_date: {
		type: 'DATE',
		role: 'dimension',
		label: { vi: 'Ngày nộp', en: 'Date received' }
	},
	status: {
		type: 'VARCHAR',
		role: 'dimension',
		label: {
			vi: 'Tình trạng (on_time/late/missing/not_due)',
			en: 'Status (on_time/late/missing/not_due)'
		}
	},
	children: {
		type: 'INTEGER',
		role: 'count',
		label: { vi: 'Số TEKT', en: 'Children with disabilities' }
	},
	accessed: {
		type: 'INTEGER',
		role: 'count',
		label: { vi: 'Số TEKT được tiếp cận dịch vụ', en: 'Children who accessed services' }
	},
	accessed_health: {
		type: 'INTEGER',
		role: 'count',
		label: { vi: 'Tiếp cận dịch vụ y tế, PHCN', en: 'Accessed health and rehabilitation' }
	},
	accessed_education: {
		type: 'INTEGER',
		role: 'count',
		label: { vi: 'Tiếp cận dịch vụ giáo dục', en: 'Accessed education' }
	},
	accessed_social: {
		type: 'INTEGER',
		role: 'count',
		label: { vi: 'Tiếp cận trợ giúp xã hội', en: 'Accessed social assistance' }
	},
	accessed_protection: {
		type: 'INTEGER',
		role: 'count',
		label: { vi: 'Tiếp cận bảo vệ, tư vấn', en: 'Accessed protection and counselling' }
	},
	skills: {
		type: 'INTEGER',
		role: 'count',
		label: { vi: 'Số TEKT được cung cấp kỹ năng hòa nhập', en: 'Children given integration skills' }
	},
	caregivers: {
		type: 'INTEGER',
		role: 'count',
		label: { vi: 'Số cha mẹ, người chăm sóc', en: 'Parents and caregivers' }
	},
	caregivers_trained: {
		type: 'INTEGER',
		role: 'count',
		label: { vi: 'Người chăm sóc được tập huấn', en: 'Caregivers trained' }
	},
	staff: {
		type: 'INTEGER',
		role: 'count',
		label: {
			vi: 'Số cán bộ (cơ sở dịch vụ, tổ chức xã hội đặt tại xã) và cộng tác viên',
			en: 'Staff (of service facilities and social organisations located there) and collaborators'
		}
	},
	staff_trained: {
		type: 'INTEGER',
		role: 'count',
		label: { vi: 'Cán bộ, CTV được tập huấn', en: 'Staff trained' }
	},
	expected: {
		type: 'INTEGER',
		role: 'count',
		counts: 'reports',
		label: { vi: 'Số báo cáo phải nộp', en: 'Reports expected' }
	},
	received: {
		type: 'INTEGER',
		role: 'count',
		counts: 'reports',
		label: { vi: 'Số báo cáo đã nhận', en: 'Reports received' }
	},
	on_time: {
		type: 'INTEGER',
		role: 'count',
		counts: 'reports',
		label: { vi: 'Số báo cáo đúng hạn', en: 'Reports on time' }
	},
	late: {
		type: 'INTEGER',
		role: 'count',
		counts: 'reports',
		label: { vi: 'Số báo cáo trễ hạn', en: 'Reports late' }
	},
	missing: {
		type: 'INTEGER',
		role: 'count',
		counts: 'reports',
		label: { vi: 'Số báo cáo chưa nộp', en: 'Reports missing' }
	},
	completeness_rate: {
		type: 'DOUBLE',
		role: 'rate',
		counts: 'reports',
		label: { vi: 'Tỷ lệ đầy đủ (%)', en: 'Completeness (%)' }
	},
	timeliness_rate: {
		type: 'DOUBLE',
		role: 'rate',
		counts: 'reports',
		label: { vi: 'Tỷ lệ đúng hạn (%)', en: 'Timeliness (%)' }
	},
	reports_level: {
		type: 'VARCHAR',
		role: 'dimension',
		label: { vi: 'Cấp nộp báo cáo', en: 'Level of the reporting units' }
	},
	name: { type: 'VARCHAR', role: 'dimension', label: { vi: 'Tên đơn vị', en: 'Unit name' } },
	type: { type: 'VARCHAR', role: 'dimension', label: { vi: 'Loại đơn vị', en: 'Unit type' } },
	name_ascii: {
		type: 'VARCHAR',
		role: 'dimension',
		label: { vi: 'Tên không dấu', en: 'Name without diacritics' }
	},
	valid_from: {
		type: 'VARCHAR',
		role: 'dimension',
		label: {
			vi: 'Hiệu lực từ ngày (trống: từ đầu kế hoạch)',
			en: 'Valid from (empty: from the plan’s start)'
		}
	},
	valid_to: {
		type: 'VARCHAR',
		role: 'dimension',
		label: {
			vi: 'Hiệu lực đến hết ngày (trống: còn hiệu lực)',
			en: 'Valid until (empty: still valid)'
		}
	},
	predecessor_codes: {
		type: 'VARCHAR',
		role: 'dimension',
		label: {
			vi: 'Mã các đơn vị cũ hợp thành (theo bảng chuyển đổi)',
			en: 'Codes of the old units it took in (from the crosswalk)'
		}
	}
};

for (const b of breakdowns)
	base[b.id] = {
		type: 'VARCHAR',
		role: 'dimension',
		label: {
			vi: `${b.label.vi} (${b.categories.map((c) => c.code).join(', ')}, all)`,
			en: `${b.label.en} (${b.categories.map((c) => c.code).join(', ')}, all)`
		}
	};

/** Labels of every column a table may have, including the plan's indicator columns. */
export function columnCatalogue(plan: Plan): Record<string, Omit<ColumnSpec, 'name'>> {
	const cat = { ...base };
	// the plan's yes/no flags, in its own words
	for (const f of plan.flags)
		cat[f.id] = {
			type: 'INTEGER',
			role: 'count',
			counts: 'units',
			label: {
				vi: `${f.label?.vi ?? f.id} (1 có, 0 không)`,
				en: `${f.label?.en ?? f.id} (1 yes, 0 no)`
			}
		};
	for (const ind of plan.indicators) {
		if (ind.kind === 'rate')
			cat[`${ind.id}_rate`] = {
				type: 'DOUBLE',
				role: 'rate',
				label: { vi: `${ind.shortLabel.vi} (%)`, en: `${ind.shortLabel.en} (%)` }
			};
		else if (ind.kind === 'unit_count') {
			cat[`${ind.id}_count`] = {
				type: 'INTEGER',
				role: 'count',
				counts: 'units',
				label: ind.shortLabel
			};
			cat[`${ind.id}_units`] = {
				type: 'INTEGER',
				role: 'count',
				counts: 'units',
				label: { vi: `${ind.shortLabel.vi}: số đơn vị`, en: `${ind.shortLabel.en}: units` }
			};
		}
	}
	return cat;
}

/** The `<count>_suppressed` flag's column, labelled after the count it flags. */
export function suppressedColumn(
	name: string,
	catalogue: Record<string, { label: Label } | undefined>
): ColumnSpec {
	const of = name.slice(0, -'_suppressed'.length);
	const l = catalogue[of]?.label ?? { vi: of, en: of };
	return {
		name,
		type: 'BOOLEAN',
		role: 'flag',
		label: { vi: `${l.vi}: đã ẩn do số nhỏ`, en: `${l.en}: suppressed (small number)` }
	};
}

export function suppressedFlag(column: string): string {
	return `${column}_suppressed`;
}

/**
 * What protects a column, from the plan: every measure is a count of people, every rate
 * indicator a rate on people. Nothing else (counts of units or reports) is protected.
 */
function protectionOf(plan: Plan, name: string): Partial<ColumnSpec> {
	const measure = plan.measures.find((m) => m.id === name);
	if (measure) return { protected: true, ...(measure.atMost ? { atMost: measure.atMost } : {}) };
	const rate = plan.indicators.find((i) => i.kind === 'rate' && `${i.id}_rate` === name);
	if (rate && rate.kind === 'rate')
		return { protected: true, numerator: rate.numerator, denominator: rate.denominator };
	return {};
}

/** Whether the plan protects a column (it then needs a `_suppressed` flag wherever published). */
export const isProtected = (plan: Plan, name: string) =>
	protectionOf(plan, name).protected === true;

export function describeColumns(plan: Plan, names: string[]): ColumnSpec[] {
	const cat = columnCatalogue(plan);
	return names.map((name) => {
		if (name.endsWith('_suppressed')) return suppressedColumn(name, cat);
		const spec = cat[name];
		if (!spec)
			throw new Error(`No column metadata for "${name}": add it to src/lib/pipeline/columns.ts`);
		const out = { name, ...spec, ...protectionOf(plan, name) };
		// fail closed: a count is a measure of the plan (protected) or said to count no one
		if (out.role === 'count' && !out.protected && !out.counts)
			throw new Error(
				`Count column "${name}" is neither a measure of the plan (measures, protected) nor declared a count of units or reports (columns.ts)`
			);
		if (out.role === 'rate' && !out.protected && !out.counts)
			throw new Error(
				`Rate column "${name}" is neither a rate indicator of the plan nor a rate of reports: it would not be protected`
			);
		return out;
	});
}
