/** The generic illustrative-data generator for plan files (scripts/generate-plan-data.ts). */
export {
	generatePlanData,
	datasetInfo,
	illustrativeLabel,
	GENERATOR,
	type PlanDemoFile
} from './generate';
export { demoFormat, mayReport, type DemoFormat } from './format';
export { checkCalibration, type Calibration } from './calibration';
