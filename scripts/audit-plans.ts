/**
 * The deep audit of the other plans' published folders (static/plan-data/<plan>/), as a reader
 * downloads them: per year, every chain of measures (screened ⊇ surgery_indicated ⊇ operated_free,
 * …) as records, every hidden count judged a small group the reader knows is not zero, with no
 * truth and no limit on the records model's size. The pipeline runs the part that fits its limit.
 *
 *   npm run audit:plans [-- folder…]   (default every folder of static/plan-data)
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { auditSystem } from '../src/lib/pipeline/audit/audit';
import { buildCellSystem } from '../src/lib/pipeline/audit/cell-system';
import { withRecords } from '../src/lib/pipeline/audit/records';
import { readerTree, readPlanFolder } from '../src/lib/pipeline/plans/audit';

const root = 'static/plan-data';
const dirs = process.argv.slice(2).length
	? process.argv.slice(2)
	: readdirSync(root).map((d) => path.join(root, d));

let found = 0;
for (const dir of dirs) {
	const { manifest, tables } = await readPlanFolder(dir);
	const years = (manifest as unknown as { years: number[] }).years;
	const levels = [
		...new Set(tables.find((t) => t.name === 'units')!.rows.map((r) => String(r.level)))
	];
	const counted = tables.filter((t) => t.columns.some((c) => c.protected));
	const atMost = Object.fromEntries(
		counted.flatMap((t) => t.columns.filter((c) => c.atMost).map((c) => [c.name, c.atMost!]))
	);
	const protectedCols = [
		...new Set(counted.flatMap((t) => t.columns.filter((c) => c.protected)))
	].map((c) => c.name);
	// every chain from a group's size down to a measure nothing is part of
	const chains = [
		...new Map(
			protectedCols
				.filter((m) => !protectedCols.some((o) => atMost[o] === m))
				.map((m) => {
					const chain = [m];
					while (atMost[chain[0]]) chain.unshift(atMost[chain[0]]);
					return [chain.join(), chain] as const;
				})
		).values()
	];
	const started = performance.now();
	let hidden = 0;
	let pinned = 0;
	for (const year of years) {
		const units = readerTree(tables, levels, year);
		const published = counted.map((t) => ({
			...t,
			rows: t.rows.filter((r) => String(r.year) === String(year))
		}));
		const system = buildCellSystem(published, units);
		for (const chain of chains) {
			const result = await auditSystem(withRecords(system, chain), {
				rule: manifest.protection.rule
			});
			hidden += result.hiddenValues;
			pinned += result.disclosures.length;
			for (const d of result.disclosures.slice(0, 5))
				console.log(`  ${year} ${d.key}: ${d.kind} ${d.conclusion} (${d.attacker})`);
		}
	}
	found += pinned;
	console.log(
		`${path.basename(dir)}: ${years.length} years × ${chains.length} chains (${chains.map((c) => c.join(' ⊇ ')).join('; ')}): ${hidden} hidden counts judged, ${pinned} pinned, ${((performance.now() - started) / 1000).toFixed(1)} s`
	);
}
process.exitCode = found > 0 ? 1 : 0;
