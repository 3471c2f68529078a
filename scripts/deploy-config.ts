/**
 * After the build: the deployment configurations, from the build's own page policies
 * (src/lib/pipeline/deploy/): build/_headers (Cloudflare Pages, Netlify) and
 * deploy/nginx.conf (outside build/, so no host serves it). scripts/serve.ts sends the same
 * headers. `EMBED_ORIGINS` (space-separated origins) limits who may frame the embeds.
 *
 *   npx tsx scripts/deploy-config.ts [build] [deploy]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { headersFile } from '../src/lib/pipeline/deploy/headers-file';
import { nginxConfig } from '../src/lib/pipeline/deploy/nginx';
import { embedAncestors, readPagePolicies } from '../src/lib/pipeline/deploy/policies';

const buildDir = path.resolve(process.argv[2] ?? 'build');
const deployDir = path.resolve(process.argv[3] ?? 'deploy');
const pages = readPagePolicies(buildDir);
const embeds = embedAncestors();
writeFileSync(path.join(buildDir, '_headers'), headersFile(pages, embeds));
mkdirSync(deployDir, { recursive: true });
writeFileSync(path.join(deployDir, 'nginx.conf'), nginxConfig(pages, embeds));
console.log(
	`Deployment headers for ${pages.length} pages (embeds framed by ${embeds}): ` +
		`${path.relative(process.cwd(), path.join(buildDir, '_headers'))}, ` +
		`${path.relative(process.cwd(), path.join(deployDir, 'nginx.conf'))}.`
);
