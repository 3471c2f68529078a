import { error } from '@sveltejs/kit';
import { mainBreakdown } from '$lib/domain/breakdowns';
import { publicationAt } from '$lib/domain/explorer';
import { projectLayer } from '$lib/domain/geo-paths';
import { indicatorSeries } from '$lib/domain/indicator-values';
import { mapData } from '$lib/server/map-data';
import { loadGeoJson, loadTable } from '$lib/server/published';
import type { EntryGenerator, PageServerLoad } from './$types';

/** One page per district and commune, in both languages. */
export const entries: EntryGenerator = () => {
	const units = loadTable('units').rows.filter((u) => u.level !== 'province');
	return units.flatMap((u) => [
		{ code: String(u.unit_code), lang: undefined },
		{ code: String(u.unit_code), lang: 'en' }
	]);
};

let small: {
	districts: ReturnType<typeof projectLayer>;
	communes: ReturnType<typeof projectLayer>;
} | null = null;

export const load: PageServerLoad = ({ params }) => {
	const { plan, model, byType, depth } = mapData();
	const unit = model.units.find((u) => u.code === params.code);
	if (!unit) error(404, `Unknown unit ${params.code}`);
	const rows = loadTable('indicators').rows;
	// A small locator map: district outlines for everyone, plus the unit's own shape.
	small ??= {
		districts: projectLayer(loadGeoJson('districts'), 200, 246, { precision: 1 }),
		communes: projectLayer(loadGeoJson('communes'), 200, 246, {
			fitTo: loadGeoJson('districts'),
			precision: 1
		})
	};
	const shape = (unit.level === 'commune' ? small.communes : small.districts).shapes.find(
		(s) => s.code === unit.code
	)!;
	const district = model.units.find(
		(u) => u.code === unit.district_code && u.level === 'district'
	)!;
	const communes =
		unit.level === 'district'
			? model.units.filter((u) => u.level === 'commune' && u.district_code === unit.code)
			: [];
	const latest = model.years.at(-1)!;
	return {
		plan: { phases: plan.phases, indicators: plan.indicators },
		unit,
		// the unit's own kind in Vietnamese (Phường, Thị trấn, Xã; Thành phố, Huyện), from the unit list
		unitType: String(
			loadTable('units').rows.find((u) => String(u.unit_code) === unit.code)?.type ?? ''
		),
		district,
		years: model.years,
		series: Object.fromEntries(
			plan.indicators.map((ind) => [ind.id, indicatorSeries(ind, rows, unit.code)])
		),
		communes: communes.map((c) => ({ ...c, values: model.values[latest]?.[c.code] ?? {} })),
		latest,
		byType: byType[latest]?.[unit.code] ?? null,
		// children by the plan's first breakdown (disability type): published at this unit's
		// level, or where instead
		byTypePublication: publicationAt(unit.level, [mainBreakdown.id], depth),
		// only for a level the plan obliges to report (Kon Tum: districts, not communes)
		timeliness: plan.reporting.periods.some((p) => (p.levels as string[]).includes(unit.level))
			? model.years.map((y) => ({ year: y, value: model.timeliness[y]?.[unit.code] ?? null }))
			: [],
		locator: {
			width: 200,
			height: 246,
			outlines: small.districts.shapes.map((s) => s.d),
			shape: shape.d
		}
	};
};
