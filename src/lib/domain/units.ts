/** Administrative units as the code list gives them (data/geo/*-units.csv). */
export type UnitLevel = 'province' | 'district' | 'commune';

export interface Unit {
	code: string;
	name: string;
	type: string;
	level: UnitLevel;
	/** parent district; a district's own code; empty for the province */
	district_code: string;
	name_ascii: string;
}

export interface Geography {
	province: Unit;
	districts: Unit[];
	communes: Unit[];
	byCode: Map<string, Unit>;
	communesOf: Map<string, Unit[]>;
}

export function buildGeography(province: { code: string; name: string }, units: Unit[]): Geography {
	const prov: Unit = {
		code: province.code,
		name: province.name,
		type: 'Tỉnh',
		level: 'province',
		district_code: '',
		name_ascii: foldDiacritics(province.name)
	};
	const districts = units.filter((u) => u.level === 'district');
	const communes = units.filter((u) => u.level === 'commune');
	const byCode = new Map<string, Unit>([
		[prov.code, prov],
		...units.map((u) => [u.code, u] as const)
	]);
	const communesOf = new Map<string, Unit[]>(districts.map((d) => [d.code, []]));
	for (const c of communes) communesOf.get(c.district_code)?.push(c);
	return { province: prov, districts, communes, byCode, communesOf };
}

/** Child units of a unit in the hierarchy province → districts → communes. */
export function childrenOf(geo: Geography, code: string): Unit[] {
	if (code === geo.province.code) return geo.districts;
	return geo.communesOf.get(code) ?? [];
}

/** Removes Vietnamese diacritics (and maps Đ/đ) for search and ASCII names. */
export function foldDiacritics(text: string): string {
	return text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/Đ/g, 'D')
		.replace(/đ/g, 'd');
}
