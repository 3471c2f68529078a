/**
 * The records model's one shortcut, checked against the model without it: where the bottom units
 * publish totals only and the measures form a chain, leaving out their records changes no
 * bound (records.ts gives the reason). Tiny random tables (the property tests' generator), some
 * cells hidden by the weak protection so that there is something to pin; the attack with the
 * shortcut and without it must name the same disclosures, and the same with two parts of one
 * measure, where the shortcut is not taken.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditSystem } from './audit';
import { buildCellSystem } from './cell-system';
import { withRecords } from './records';
import {
	buildCase,
	cheapProtection,
	MEASURE_SETS,
	readTable,
	RULE,
	smallCase
} from '../protect/fixtures/small-tables';

const SEED = Number(process.env.RECORDS_SEED ?? 1438);

async function disclosures(c: Parameters<typeof buildCase>[0], keep: boolean) {
	const b = buildCase(c);
	const truth = new Map(
		buildCellSystem([readTable(b)], b.units).cells.map((x) => [x.key, x.value as number])
	);
	const system = buildCellSystem([readTable(b, cheapProtection(b))], b.units);
	const measures = MEASURE_SETS[c.measureSet].map((m) => m.id);
	const records = withRecords(system, measures, keep);
	const result = await auditSystem(records, { rule: RULE, truth: (x) => truth.get(x.key) });
	return {
		latent: records.cells.filter((x) => x.latent).length,
		found: result.disclosures.map((d) => `${d.key} ${d.kind} ${d.attacker} ${d.conclusion}`).sort()
	};
}

describe('records model: leaving out the bottom units', () => {
	it('changes no disclosure where communes publish totals only (chains and branches)', async () => {
		let shortcuts = 0;
		let found = 0;
		await fc.assert(
			fc.asyncProperty(
				smallCase.map((c) => ({ ...c, depth: { ...c.depth, commune: 0 } })),
				async (c) => {
					const short = await disclosures(c, false);
					const full = await disclosures(c, true);
					if (short.latent < full.latent) shortcuts++;
					found += full.found.length;
					expect(short.found).toEqual(full.found);
				}
			),
			{ seed: SEED, numRuns: 25 }
		);
		// the shortcut was taken, and there was something to find
		expect(shortcuts).toBeGreaterThan(5);
		expect(found).toBeGreaterThan(0);
	}, 120_000);
});
