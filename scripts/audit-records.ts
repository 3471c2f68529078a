/**
 * The deep audit: the records model (src/lib/pipeline/audit/records.ts) for every chain of
 * measures (children ⊇ accessed ⊇ accessed_health, …), on the published files as a reader has
 * them, with every hidden count judged a small group that the reader knows is not zero. Minutes,
 * not seconds, so the pipeline runs the part that fits RECORDS_LIMIT and this runs the rest.
 *
 *   npm run audit:records [-- folder]   (default static/data)
 */
import { auditSystem } from '../src/lib/pipeline/audit/audit';
import { buildCellSystem } from '../src/lib/pipeline/audit/cell-system';
import { eraParts } from '../src/lib/pipeline/audit/publication';
import {
	readPublishedFolder,
	type PublishedFolder
} from '../src/lib/pipeline/audit/read-published';
import { withRecords } from '../src/lib/pipeline/audit/records';

const dir = process.argv[2] ?? 'static/data';
const whole = await readPublishedFolder(dir);
const manifestRule = whole.manifest.protection?.rule ?? { min: 1, max: 4 };
let found = 0;
// each era of the unit list on its own units, over its own years (a code names a unit within its era)
for (const { folder } of eraParts(whole)) await auditFolder(folder);
process.exitCode = found > 0 ? 1 : 0;

async function auditFolder(folder: PublishedFolder) {
	const system = buildCellSystem(folder.tables, folder.units);
	const atMost: Record<string, string> = Object.assign({}, ...Object.values(system.atMost));
	const detailed = new Set(
		system.shape.coordinates.filter((c) => c.values.some((v) => v !== 'all')).map((c) => c.measure)
	);
	const measures = [...new Set(system.cells.filter((c) => c.protected).map((c) => c.column))];
	// every chain from a group's size down to a measure nothing is part of
	const leaves = measures.filter((m) => !measures.some((o) => atMost[o] === m));
	const chains = leaves
		.map((m) => {
			const chain = [m];
			while (atMost[chain[0]]) chain.unshift(atMost[chain[0]]);
			return chain;
		})
		// a chain no table breaks down is a total per unit: the pipeline's cell model has it exactly
		.filter((c) => c.length > 1 && detailed.has(c[0]));

	for (const chain of chains) {
		const started = performance.now();
		const result = await auditSystem(withRecords(system, chain), { rule: manifestRule });
		found += result.disclosures.length;
		console.log(
			`${chain.join(' ⊇ ')}: ${result.hiddenValues} hidden counts judged, ${result.disclosures.length} pinned, ${result.refuted.length} years where "every hidden count ≥ 1" is refuted, ${((performance.now() - started) / 1000).toFixed(0)} s`
		);
		for (const d of result.disclosures.slice(0, 5))
			console.log(`  ${d.key}: ${d.kind} ${d.conclusion} (${d.attacker})`);
	}
}
