/**
 * Which plan the site's home pages show (data/site.json): a setting, not a path in code. The
 * environment's PLAN overrides it (tests and benchmarks point the build at another plan).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface HomePlan {
	plan: string;
	reports: string;
}

export function homePlan(root = process.cwd()): HomePlan {
	const file = path.join(root, 'data', 'site.json');
	let home: Partial<HomePlan> = {};
	try {
		home = (JSON.parse(readFileSync(file, 'utf8')) as { home?: Partial<HomePlan> }).home ?? {};
	} catch (e) {
		throw new Error(
			`${file}: ${(e as Error).message} (the file names the home plan: see data/README.md)`
		);
	}
	if (typeof home.plan !== 'string' || typeof home.reports !== 'string')
		throw new Error(`${file}: "home" needs "plan" and "reports" paths (see data/README.md)`);
	return { plan: process.env.PLAN ?? home.plan, reports: home.reports };
}
