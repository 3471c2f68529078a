/** The generic illustrative-data generator for plan files (scripts/generate-plan-data.ts). */
export {
	generatePlanData,
	datasetInfo,
	illustrativeLabel,
	GENERATOR,
	type PlanDemoFile
} from './generate';
export { parseUnitList, unitsInYear, leafCodes, type UnitRow } from './units';
export { demoFormat, mayReport, type DemoFormat } from './format';
export { checkCalibration, type Calibration } from './calibration';
