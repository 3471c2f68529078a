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
	/**
	 * Only in a code list spanning several provinces (a national plan): the unit's province. Such
	 * a list also has `province` rows, and each province is aggregated and protected on its own.
	 */
	province_code?: string;
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

/**
 * The provinces a code list spans, each as its own geography (province → districts → communes).
 * A one-province list (no `province` rows, e.g. Kon Tum's) is one partition under `top`. A list
 * with `province` rows gives one partition per province; `top` (the country) then has no rows of
 * its own: its totals are sums of protected provinces, made where they are shown.
 */
export function provincePartitions(
	top: { code: string; name: string },
	units: Unit[]
): Geography[] {
	const provinces = units.filter((u) => u.level === 'province');
	if (provinces.length === 0) return [buildGeography(top, units)];
	const districtProvince = new Map(
		units.filter((u) => u.level === 'district').map((d) => [d.code, d.province_code ?? ''])
	);
	const members = new Map<string, Unit[]>(provinces.map((p) => [p.code, []]));
	for (const u of units) {
		if (u.level === 'province') continue;
		const province =
			u.province_code || (u.level === 'district' ? '' : districtProvince.get(u.district_code));
		const list = province ? members.get(province) : undefined;
		if (!list)
			throw new Error(`units: ${u.level} ${u.code} names no known province (province_code)`);
		list.push(u);
	}
	return provinces.map((p) => {
		const geo = buildGeography({ code: p.code, name: p.name }, members.get(p.code)!);
		geo.province = {
			...geo.province,
			type: p.type,
			name_ascii: p.name_ascii || geo.province.name_ascii
		};
		return geo;
	});
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
