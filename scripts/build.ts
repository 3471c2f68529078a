/**
 * npm run build: the home plan's shape, the pipeline, the social images, vite, the precompression and the deployment
 * headers, one after the
 * other, each timed, with the times in a line at the end (the goal: ≤ 90 s on a fresh clone,
 * issue 17; bench/README.md has the figures).
 */
import { spawnSync } from 'node:child_process';

const STEPS: [name: string, command: string, args: string[]][] = [
	// the home plan's breakdowns and columns, which the pages' code reads (before vite bundles it)
	['plan shape', 'tsx', ['scripts/home-plan-shape.ts']],
	['pipeline', 'tsx', ['scripts/pipeline.ts', '--no-plans']],
	// the other plans, through the general runtime (data/datasets/<id>/ → static/plan-data/<id>/)
	['plans', 'tsx', ['scripts/plan-pipeline.ts']],
	['social images', 'tsx', ['scripts/social-images.ts']],
	['vite', 'vite', ['build']],
	['precompress', 'tsx', ['scripts/precompress.ts']],
	// from the pages' own policies, once they are final (build/_headers, deploy/nginx.conf)
	['deployment headers', 'tsx', ['scripts/deploy-config.ts']]
];

const times: string[] = [];
const started = performance.now();
for (const [name, command, args] of STEPS) {
	const t0 = performance.now();
	// The project's own binaries (node_modules/.bin), as npm scripts run them.
	const r = spawnSync(command, args, {
		stdio: 'inherit',
		env: { ...process.env, PATH: `node_modules/.bin:${process.env.PATH}` }
	});
	times.push(`${name} ${((performance.now() - t0) / 1000).toFixed(1)} s`);
	if (r.status !== 0) {
		console.error(`build: ${name} failed (exit ${r.status ?? r.signal}) after ${times.join(', ')}`);
		process.exit(r.status ?? 1);
	}
}
console.log(
	`Build steps: ${times.join(', ')}; total ${((performance.now() - started) / 1000).toFixed(1)} s.`
);
