/**
 * The general plan runtime for every plan in data/plans/ with a dataset folder
 * (data/datasets/<plan id>/ → static/plan-data/<plan id>/). Exits 1 with every issue listed when a
 * plan's input is bad or its audit finds a disclosure; that plan's published folder then stays.
 */
import { runAllPlans } from '../src/lib/pipeline/plans/run-all';
import { reportIssues } from '../src/lib/pipeline/run';

const started = performance.now();
const runs = await runAllPlans(process.cwd());
let failed = 0;
for (const { id, seconds, result } of runs) {
	const text = reportIssues({ ...result, problems: result.problems });
	if (text) console.error(`${id}:\n${text}`);
	if (!result.ok) {
		failed++;
		console.error(
			`${id}: stopped, published data left unchanged. / Dừng, dữ liệu đã công bố giữ nguyên.`
		);
		continue;
	}
	const p = result.manifest!.protection;
	const cells = p.cells.reduce((a, c) => [a[0] + c.published, a[1] + c.cells], [0, 0]);
	console.log(
		`${id}: ${result.manifest!.tables.length} tables, years ${result.manifest!.years.join(', ')}; ${cells[0]} of ${cells[1]} count cells published; the attack checked ${p.audit.hiddenValues} hidden values (${p.audit.smallGroups} small groups) in ${p.audit.seconds} s and pinned ${p.audit.disclosures}; ${seconds.toFixed(1)} s.`
	);
}
console.log(
	`Plans: ${runs.length} run, ${failed} failed, in ${((performance.now() - started) / 1000).toFixed(1)} s.`
);
if (failed > 0) process.exit(1);
