/**
 * Writes the home plan's illustrative dataset (data/site.json) into its reports folder
 * (data/reports/, intake format, data/README.md), from the plan file, its unit list and its
 * calibration (data/calibration/<plan-id>.json, every figure with its source).
 *
 *   npx tsx scripts/generate-demo-data.ts [--seed N] [--out data/reports]
 *
 * Same seed, same bytes. Old children-*.csv / units-*.csv in the output folder are removed first
 * so a stale year cannot linger next to the new files.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoDatasetInfo, generateDemoData } from '../src/lib/pipeline/demo-data';
import { homeDemoInputs } from '../src/lib/pipeline/demo-inputs';

function argValue(name: string): string | undefined {
	const i = process.argv.indexOf(name);
	return i >= 0 ? process.argv[i + 1] : undefined;
}

function main() {
	const { options, reports } = homeDemoInputs();
	const seed = Number(argValue('--seed') ?? options.seed);
	if (!Number.isInteger(seed))
		throw new Error(`--seed must be an integer, got ${argValue('--seed')}`);
	const out = argValue('--out') ?? reports;
	const { files } = generateDemoData({ ...options, seed });

	mkdirSync(out, { recursive: true });
	for (const f of readdirSync(out)) {
		if (/^(children|units)-.*\.csv$/.test(f)) rmSync(join(out, f));
	}
	for (const f of files) {
		writeFileSync(join(out, f.name), f.text, 'utf8');
		const rows = f.text.split('\n').length - 3; // comment, header, final newline
		console.log(`${join(out, f.name)}  ${Buffer.byteLength(f.text)} bytes  ${rows} rows`);
	}
	writeFileSync(
		join(out, 'dataset.json'),
		JSON.stringify(demoDatasetInfo(seed, options.calibration.asOf), null, 2) + '\n'
	);
	console.log(`${join(out, 'dataset.json')}  seed=${seed}`);
}

main();
