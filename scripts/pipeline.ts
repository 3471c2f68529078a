/**
 * npm run pipeline: validates data/reports against the plan and the code list, aggregates,
 * protects and publishes to static/data. Exits 1 with every issue listed when the input is bad;
 * the previously published data then stays as it was. Run without arguments it then runs every
 * other plan with a dataset folder through the general runtime (scripts/plan-pipeline.ts);
 * `--no-plans` (the build, which times that step apart) skips them.
 */
import { reportIssues, runPipeline } from '../src/lib/pipeline/run';

const arg = (name: string) => {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 ? process.argv[i + 1] : undefined;
};

const started = performance.now();
const result = await runPipeline({
	root: process.cwd(),
	plan: arg('plan') ?? process.env.PLAN,
	reports: arg('reports'),
	out: arg('out')
});
const text = reportIssues(result);
if (text) console.error(text);
if (!result.ok) {
	const errors =
		result.issues.filter((i) => i.severity === 'error').length + result.problems.length;
	console.error(
		`\nPipeline stopped: ${errors} error(s). Published data left unchanged. / Dừng: ${errors} lỗi, dữ liệu đã công bố giữ nguyên.`
	);
	process.exit(1);
}
const m = result.manifest!;
const secs = ((performance.now() - started) / 1000).toFixed(1);
const p = m.protection;
const cells = p.cells.reduce((a, c) => [a[0] + c.published, a[1] + c.cells], [0, 0]);
console.log(
	`Protection: ${cells[0]} of ${cells[1]} cells of counts of people published (${((100 * cells[0]) / cells[1]).toFixed(1)} %); the attack checked ${p.audit.hiddenValues} hidden values (${p.audit.smallGroups} small groups) in ${p.audit.seconds} s and pinned ${p.audit.disclosures}.`
);
console.log(
	`Published ${m.tables.length} tables (${m.tables.map((t: { name: string; rows: number }) => `${t.name}: ${t.rows} rows`).join(', ')}) as of ${m.asOf}${m.illustrative ? ', ILLUSTRATIVE data' : ''} in ${secs} s.`
);

const custom = ['plan', 'reports', 'out'].some((a) => arg(a) !== undefined) || process.env.PLAN;
if (!custom && !process.argv.includes('--no-plans')) await import('./plan-pipeline');
