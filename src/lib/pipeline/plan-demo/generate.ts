/**
 * A plan's illustrative dataset, from the plan file, its unit list and its calibration only: no
 * plan, level, breakdown or measure is named here. Same inputs and seed → same bytes.
 */
import type { PlanSpec } from '../../domain/plan/types';
import { checkCalibration, type Calibration } from './calibration';
import { csvText } from './csv';
import { demoFormat } from './format';
import { recordsRows } from './records';
import { unitRows, type FlagState } from './unit-facts';
import { unitsInYear, type UnitVersion } from '../../domain/plan/unit-list';

export const GENERATOR = 'scripts/generate-plan-data.ts';

export interface PlanDemoFile {
	name: string;
	text: string;
}

export interface DatasetInfo {
	illustrative: true;
	asOf: string;
	source: { vi: string; en: string };
	licence: 'CC-BY-4.0';
}

export function illustrativeLabel(planId: string, seed: number): string {
	return (
		'DỮ LIỆU MINH HỌA, không phải số liệu chính thức / ILLUSTRATIVE DATA, not official statistics — ' +
		`${GENERATOR} plan=${planId} seed=${seed}`
	);
}

export function datasetInfo(planId: string, cal: Calibration, seed: number): DatasetInfo {
	return {
		illustrative: true,
		asOf: cal.asOf,
		source: {
			vi: `Dữ liệu minh họa do ${GENERATOR} tạo (hạt giống cố định ${seed}), hiệu chỉnh theo data/calibration/${planId}.json; không phải số liệu chính thức.`,
			en: `Illustrative data written by ${GENERATOR} (fixed seed ${seed}), calibrated by data/calibration/${planId}.json; not official statistics.`
		},
		licence: 'CC-BY-4.0'
	};
}

/** Every file of the dataset folder, in a fixed order. */
export function generatePlanData(
	plan: PlanSpec,
	unitList: UnitVersion[],
	calibration: Calibration,
	seedOverride?: number
): PlanDemoFile[] {
	const format = demoFormat(plan);
	const errors = checkCalibration(plan, format, calibration);
	if (errors.length)
		throw new Error(`${plan.id}: calibration does not fit the plan\n  ${errors.join('\n  ')}`);
	const seed = seedOverride ?? calibration.seed;
	const cal = { ...calibration, seed };
	const label = illustrativeLabel(plan.id, seed);
	const files: PlanDemoFile[] = [];
	const flags: FlagState = { set: new Map() };
	const levels = plan.geography.levels.map((l) => l.id);
	for (let year = plan.years.first; year <= plan.years.last; year++) {
		const { units, leaves } = unitsInYear(unitList, year, levels);
		for (const rf of format.records) {
			const rows = recordsRows(
				plan,
				rf,
				cal.populations[rf.population],
				seed,
				year,
				units.filter((u) => leaves.has(u.code))
			);
			files.push({ name: rf.file(year), text: csvText(label, rf.columns, rows) });
		}
		if (!format.units) continue;
		const rows = unitRows(plan, format.units, cal, year, units, leaves, flags);
		files.push({ name: format.units.file(year), text: csvText(label, format.units.columns, rows) });
	}
	files.push({
		name: 'dataset.json',
		text: JSON.stringify(datasetInfo(plan.id, cal, seed), null, 2) + '\n'
	});
	return files;
}
