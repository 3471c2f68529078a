/**
 * Writes the illustrative dataset into data/reports/ (intake format, data/README.md).
 *
 *   npx tsx scripts/generate-demo-data.ts [--seed N] [--out data/reports]
 *
 * Same seed, same bytes. Old children-*.csv / units-*.csv in the output folder are removed first
 * so a stale year cannot linger next to the new files.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
	DEFAULT_SEED,
	demoDatasetInfo,
	generateDemoData,
	type DemoRename,
	type DemoUnit
} from '../src/lib/pipeline/demo-data';
import { planFromJson } from '../src/lib/domain/plan';

const UNITS_FILE = 'data/geo/kontum-units.csv';
const PLAN_FILE = 'data/plans/kontum-3430.json';

function argValue(name: string): string | undefined {
	const i = process.argv.indexOf(name);
	return i >= 0 ? process.argv[i + 1] : undefined;
}

/** The unit list has no quoted fields, so a plain split is enough. */
function readUnits(path: string): DemoUnit[] {
	const [header, ...lines] = readFileSync(path, 'utf8')
		.replace(/^\uFEFF/, '')
		.split(/\r?\n/)
		.filter((l) => l.trim() !== '');
	const cols = header.split(',');
	return lines.map((line) => {
		const cells = line.split(',');
		const get = (c: string) => cells[cols.indexOf(c)] ?? '';
		return {
			code: get('code'),
			name: get('name'),
			level: get('level'),
			district_code: get('district_code'),
			type: get('type'),
			predecessor_codes: get('predecessor_codes')
		};
	});
}

function main() {
	const seed = Number(argValue('--seed') ?? DEFAULT_SEED);
	if (!Number.isInteger(seed))
		throw new Error(`--seed must be an integer, got ${argValue('--seed')}`);
	const out = argValue('--out') ?? 'data/reports';
	const plan = planFromJson(JSON.parse(readFileSync(PLAN_FILE, 'utf8')), PLAN_FILE);
	const renames: DemoRename[] = plan.geography.renames;

	// the plan's reorganisation with its new units: the years after it are reported by them
	const r = plan.spec.geography.reforms.find((x) => x.units);
	const reform = r && {
		from: r.from,
		area: r.area?.vi ?? plan.geography.province.name.vi,
		units: readUnits(r.units!) as (DemoUnit & { predecessor_codes: string })[]
	};
	const { files } = generateDemoData({ seed, units: readUnits(UNITS_FILE), renames, reform });

	mkdirSync(out, { recursive: true });
	for (const f of readdirSync(out)) {
		if (/^(children|units)-.*\.csv$/.test(f)) rmSync(join(out, f));
	}
	for (const f of files) {
		writeFileSync(join(out, f.name), f.text, 'utf8');
		const rows = f.text.split('\n').length - 3; // comment, header, final newline
		console.log(`${join(out, f.name)}  ${Buffer.byteLength(f.text)} bytes  ${rows} rows`);
	}
	writeFileSync(join(out, 'dataset.json'), JSON.stringify(demoDatasetInfo(seed), null, 2) + '\n');
	console.log(`${join(out, 'dataset.json')}  seed=${seed}`);
}

main();
