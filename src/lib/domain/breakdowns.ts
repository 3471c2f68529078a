/**
 * The breakdowns a commune report is cut by. Codes are the intake format's values
 * (data/README.md); labels follow the Law on Persons with Disabilities 51/2010/QH12 Art. 3
 * and Decree 28/2012/NĐ-CP.
 */
export type Lang = 'vi' | 'en';
export type Label = Record<Lang, string>;

export interface Category {
	code: string;
	label: Label;
}

export interface Breakdown {
	/** column name in the intake and published tables */
	id: BreakdownId;
	label: Label;
	categories: Category[];
}

export type BreakdownId = 'disability_type' | 'severity' | 'sex' | 'age_band' | 'ethnicity';

/** The value a published table uses for "all categories of this breakdown". */
export const ALL = 'all';

export const disabilityTypes: Category[] = [
	{ code: '1', label: { vi: 'Khuyết tật vận động', en: 'Physical / mobility disability' } },
	{ code: '2', label: { vi: 'Khuyết tật nghe, nói', en: 'Hearing and speech disability' } },
	{ code: '3', label: { vi: 'Khuyết tật nhìn', en: 'Visual disability' } },
	{
		code: '4',
		label: { vi: 'Khuyết tật thần kinh, tâm thần', en: 'Neurological and psychosocial disability' }
	},
	{ code: '5', label: { vi: 'Khuyết tật trí tuệ', en: 'Intellectual disability' } },
	{ code: '6', label: { vi: 'Khuyết tật khác', en: 'Other disability' } }
];

export const severities: Category[] = [
	{ code: '1', label: { vi: 'Khuyết tật đặc biệt nặng', en: 'Extremely severe' } },
	{ code: '2', label: { vi: 'Khuyết tật nặng', en: 'Severe' } },
	{ code: '3', label: { vi: 'Khuyết tật nhẹ', en: 'Mild' } }
];

export const sexes: Category[] = [
	{ code: 'nam', label: { vi: 'Nam', en: 'Boys' } },
	{ code: 'nu', label: { vi: 'Nữ', en: 'Girls' } }
];

export const ageBands: Category[] = [
	{ code: '0-5', label: { vi: '0–5 tuổi (mầm non)', en: 'Age 0–5 (pre-school)' } },
	{ code: '6-10', label: { vi: '6–10 tuổi (tiểu học)', en: 'Age 6–10 (primary)' } },
	{ code: '11-15', label: { vi: '11–15 tuổi (THCS)', en: 'Age 11–15 (lower secondary)' } }
];

export const ethnicities: Category[] = [
	{ code: 'kinh', label: { vi: 'Kinh', en: 'Kinh' } },
	{ code: 'dtts', label: { vi: 'Dân tộc thiểu số', en: 'Ethnic minority' } }
];

export const breakdowns: Breakdown[] = [
	{
		id: 'disability_type',
		label: { vi: 'Dạng tật', en: 'Disability type' },
		categories: disabilityTypes
	},
	{ id: 'severity', label: { vi: 'Mức độ', en: 'Severity' }, categories: severities },
	{ id: 'sex', label: { vi: 'Giới tính', en: 'Sex' }, categories: sexes },
	{ id: 'age_band', label: { vi: 'Nhóm tuổi', en: 'Age band' }, categories: ageBands },
	{ id: 'ethnicity', label: { vi: 'Dân tộc', en: 'Ethnicity' }, categories: ethnicities }
];

export const breakdownIds: BreakdownId[] = breakdowns.map((b) => b.id);

/** Counts of children carried by every breakdown cell. */
export const childCountColumns = [
	'children',
	'accessed',
	'accessed_health',
	'accessed_education',
	'accessed_social',
	'accessed_protection',
	'skills'
] as const;
export type ChildCountColumn = (typeof childCountColumns)[number];

export function categoryLabel(id: BreakdownId, code: string, lang: Lang): string {
	if (code === ALL) return lang === 'vi' ? 'Tất cả' : 'All';
	const b = breakdowns.find((x) => x.id === id);
	return b?.categories.find((c) => c.code === code)?.label[lang] ?? code;
}
