/**
 * Writes the illustrative dataset of every plan that has a calibration file
 * (data/calibration/<plan-id>.json) into data/datasets/<plan-id>/, in the plan's own intake format.
 * A calibration file naming a `generator` is another script's (the home plan's: generate-demo-data).
 * The calibration lives outside the dataset folder: that folder holds only what the pipeline reads.
 *
 *   npx tsx scripts/generate-plan-data.ts [--plan <id>] [--seed N]
 *
 * Same seed, same bytes. Old generated files (*-YYYY.csv, dataset.json) are removed first so a
 * stale year cannot linger; anything else in the folder stays.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPlan } from '../src/lib/domain/plan/load';
import { parseUnitList } from '../src/lib/domain/plan/unit-list';
import { generatePlanData, type Calibration } from '../src/lib/pipeline/plan-demo';

function argValue(name: string): string | undefined {
	const i = process.argv.indexOf(name);
	return i >= 0 ? process.argv[i + 1] : undefined;
}

function main() {
	const only = argValue('--plan');
	const seedArg = argValue('--seed');
	const seed = seedArg === undefined ? undefined : Number(seedArg);
	if (seed !== undefined && !Number.isInteger(seed))
		throw new Error(`--seed must be an integer, got ${seedArg}`);
	for (const f of readdirSync('data/plans').sort()) {
		const r = loadPlan(JSON.parse(readFileSync(join('data/plans', f), 'utf8')));
		if (!r.ok)
			throw new Error(`data/plans/${f}: ${r.errors.map((e) => `${e.path}: ${e.en}`).join('; ')}`);
		const plan = r.plan;
		const dir = join('data/datasets', plan.id);
		const calFile = join('data/calibration', `${plan.id}.json`);
		if ((only && plan.id !== only) || !existsSync(calFile)) continue;
		const cal = JSON.parse(readFileSync(calFile, 'utf8')) as Calibration & { generator?: string };
		if (cal.generator !== undefined) {
			// the home plan's calibration: its data is written by the script it names
			console.log(`${calFile}: read by ${cal.generator}, left alone`);
			continue;
		}
		const infoFile = join(dir, 'dataset.json');
		if (existsSync(infoFile) && JSON.parse(readFileSync(infoFile, 'utf8')).illustrative === false) {
			console.log(`${dir}: real data (dataset.json illustrative: false), left alone`);
			continue;
		}
		if (!plan.geography.unitsFile)
			throw new Error(`${f}: geography.unitsFile is needed to generate data`);
		const levels = plan.geography.levels.map((l) => l.id);
		const file = plan.geography.unitsFile;
		const list = parseUnitList(readFileSync(file, 'utf8'), file, levels);
		if (list.issues.length)
			throw new Error(
				list.issues.map((i) => `${i.file}:${i.row} ${i.column}: ${i.message.en}`).join('\n')
			);
		const units = list.versions;
		const files = generatePlanData(plan, units, cal, seed);
		mkdirSync(dir, { recursive: true });
		for (const old of readdirSync(dir))
			if (/-\d{4}\.csv$/.test(old) || old === 'dataset.json') rmSync(join(dir, old));
		let bytes = 0;
		for (const file of files) {
			writeFileSync(join(dir, file.name), file.text);
			bytes += Buffer.byteLength(file.text);
		}
		console.log(`${dir}: ${files.length} files, ${bytes} bytes`);
	}
}

main();
