/**
 * Every plan in data/plans/ that has a dataset folder (data/datasets/<plan id>/), through the
 * general runtime. Kon Tum keeps its own pipeline (data/reports → static/data): a plan without a
 * dataset folder is skipped here ("no data yet" in the catalogue).
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { runPlanPipeline, type PlanPipelineResult } from './run';

export interface PlanRun {
	planFile: string;
	id: string;
	seconds: number;
	result: PlanPipelineResult;
}

export async function runAllPlans(
	root: string,
	/** where the plans' folders go (default static/plan-data) */
	outRoot = 'static/plan-data'
): Promise<PlanRun[]> {
	const runs: PlanRun[] = [];
	const files = (await readdir(path.join(root, 'data/plans')))
		.filter((f) => f.endsWith('.json'))
		.sort();
	for (const f of files) {
		const planFile = path.posix.join('data/plans', f);
		let id: unknown;
		try {
			id = JSON.parse(await readFile(path.join(root, planFile), 'utf8')).id;
		} catch {
			id = undefined;
		}
		// a plan file that cannot be read still runs, so its errors are reported
		if (typeof id === 'string' && !existsSync(path.join(root, 'data/datasets', id))) continue;
		const started = performance.now();
		const result = await runPlanPipeline({
			root,
			planFile,
			out: typeof id === 'string' ? path.resolve(root, outRoot, id) : undefined
		});
		runs.push({
			planFile,
			id: typeof id === 'string' ? id : f,
			seconds: (performance.now() - started) / 1000,
			result
		});
	}
	return runs;
}
