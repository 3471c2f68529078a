import { error } from '@sveltejs/kit';
import { mainBreakdown } from '$lib/domain/breakdowns';
import { publicationAt } from '$lib/domain/explorer';
import { projectLayer } from '$lib/domain/geo-paths';
import { indicatorSeries } from '$lib/domain/indicator-values';
import { publishedEras, toUnitRows, unitsOfCode } from '$lib/domain/unit-eras';
import { eraCommunesGeoJson } from '$lib/server/era-geo';
import { mapData } from '$lib/server/map-data';
import { loadGeoJson, loadTable } from '$lib/server/published';
import type { EntryGenerator, PageServerLoad } from './$types';

/** One page per code of a district or commune of any era (a reused code: one page, its units by era), in both languages. */
export const entries: EntryGenerator = () => {
	const codes = new Set(
		loadTable('units')
			.rows.filter((u) => u.level !== 'province')
			.map((u) => String(u.unit_code))
	);
	return [...codes].flatMap((code) => [
		{ code, lang: undefined },
		{ code, lang: 'en' }
	]);
};

type Layer = ReturnType<typeof projectLayer>;
let small: { districts: Layer; communes: Map<string, Layer> } | null = null;

/** Small locator maps: district outlines for everyone, each era's communes on the same frame. */
function locatorLayers(from: string): { districts: Layer; communes: Layer | null } {
	small ??= {
		districts: projectLayer(loadGeoJson('districts'), 200, 246, { precision: 1 }),
		communes: new Map()
	};
	if (!small.communes.has(from)) {
		const geo = eraCommunesGeoJson(from);
		if (geo)
			small.communes.set(
				from,
				projectLayer(geo, 200, 246, { fitTo: loadGeoJson('districts'), precision: 1 })
			);
	}
	return { districts: small.districts, communes: small.communes.get(from) ?? null };
}

export const load: PageServerLoad = ({ params }) => {
	const { plan, model, byType, depth } = mapData();
	const unitRows = toUnitRows(loadTable('units').rows);
	// every unit the code names, era by era: each with its own years, never one series across eras
	const found = unitsOfCode(unitRows, params.code, model.years);
	if (found.length === 0) error(404, `Unknown unit ${params.code}`);
	const rows = loadTable('indicators').rows;
	const reform = (from: string) => plan.spec.geography.reforms.find((r) => r.from === from);
	const ref = (r: { unit_code: string; name: string }) => ({ code: r.unit_code, name: r.name });
	const allEras = publishedEras(unitRows);
	const eras = found
		.map(({ era, index, row, years, predecessors, successor }) => {
			const level = row.level as 'district' | 'commune';
			const layers = locatorLayers(era.from);
			const shape = (level === 'commune' ? layers.communes : layers.districts)?.shapes.find(
				(s) => s.code === row.unit_code
			);
			const district = era.rows.find(
				(u) => u.unit_code === row.district_code && u.level === 'district'
			)!;
			const latest = years.at(-1) ?? null;
			const communes =
				level === 'district'
					? era.rows.filter((u) => u.level === 'commune' && u.district_code === row.unit_code)
					: [];
			const next = found.find((f) => f.index === index + 1);
			return {
				index,
				from: era.from,
				to: era.to,
				unit: {
					code: row.unit_code,
					name: row.name,
					level,
					district_code: row.district_code
				},
				// the unit's own kind in Vietnamese (Phường, Thị trấn, Xã; Thành phố, Huyện (cũ))
				unitType: row.type,
				district: ref(district),
				// a district of a later era: the former area of a level that ended with the reform
				formerArea: level === 'district' && era.from !== '',
				years,
				latest,
				series: Object.fromEntries(
					plan.indicators.map((ind) => [
						ind.id,
						indicatorSeries(ind, rows, row.unit_code).filter((v) => years.includes(v.year))
					])
				),
				communes: communes.map((c) => ({
					...ref(c),
					values: latest === null ? {} : (model.values[latest]?.[c.unit_code] ?? {})
				})),
				byType: latest === null ? null : (byType[latest]?.[row.unit_code] ?? null),
				// only for a level the plan obliges to report (Kon Tum: districts), or that reported in the era
				timeliness:
					plan.reporting.periods.some((p) => (p.levels as string[]).includes(level)) ||
					(reform(era.from)?.reporters?.levels ?? []).includes(level)
						? years.map((y) => ({ year: y, value: model.timeliness[y]?.[row.unit_code] ?? null }))
						: [],
				predecessors: predecessors.map(ref),
				successor: successor ? ref(successor) : null,
				// the reform that ends this era, and the unit of the same code after it
				endedBy: reform(allEras[index + 1]?.from ?? '')?.label ?? null,
				nextOfCode: next ? { from: next.era.from, name: next.row.name } : null,
				openedBy: era.from === '' ? null : (reform(era.from)?.label ?? null),
				shape: shape?.d ?? null
			};
		})
		// the units in force now first, then the earlier ones
		.reverse();
	return {
		plan: { phases: plan.phases, indicators: plan.indicators },
		code: params.code,
		eras,
		// children by disability type: published at this unit's level, or where instead
		byTypePublication: publicationAt(eras[0].unit.level, [mainBreakdown.id], depth),
		locator: {
			width: 200,
			height: 246,
			outlines: locatorLayers('').districts.shapes.map((s) => s.d)
		}
	};
};
