/**
 * The security headers of every page in a build, read from the build itself: SvelteKit writes
 * each page's Content-Security-Policy as a <meta> tag (with the hashes of that page's own inline
 * scripts, and 'wasm-unsafe-eval' on the explorer only). A host sends the same policy as a
 * header, plus `frame-ancestors`, the one directive a <meta> policy cannot carry. The nginx
 * configuration, the `_headers` file and scripts/serve.ts all come from here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface PagePolicy {
	/** The page's file under the build, posix: `index.html`, `ban-do/index.html`, `404.html`. */
	file: string;
	/** The policy of the page's <meta http-equiv="content-security-policy">, verbatim. */
	csp: string;
}

const META_CSP = /<meta http-equiv="content-security-policy" content="([^"]*)"/gi;

/** The page's meta policies (a well-formed page has exactly one). */
export function metaPolicies(html: string): string[] {
	return [...html.matchAll(META_CSP)].map((m) => m[1]);
}

/** Every `.html` file under `dir`, relative and posix, `_app/` skipped. */
export function listHtmlFiles(dir: string, prefix = ''): string[] {
	const out: string[] = [];
	for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
		const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
		if (entry.isDirectory()) {
			if (rel !== '_app') out.push(...listHtmlFiles(dir, rel));
		} else if (entry.isFile() && entry.name.endsWith('.html')) out.push(rel);
	}
	return out.sort();
}

/**
 * Each page's policy. Throws, naming them, when pages have no meta policy or two: a host
 * would otherwise send such a page with no policy, or the wrong one.
 */
export function readPagePolicies(buildDir: string): PagePolicy[] {
	const bad: string[] = [];
	const policies: PagePolicy[] = [];
	for (const file of listHtmlFiles(buildDir)) {
		const found = metaPolicies(readFileSync(join(buildDir, file), 'utf8'));
		if (found.length === 1) policies.push({ file, csp: found[0] });
		else bad.push(`${file} (${found.length} policies)`);
	}
	if (bad.length) {
		throw new Error(
			`Pages without exactly one Content-Security-Policy <meta>: ${bad.join(', ')}. ` +
				'Check kit.csp in svelte.config.js and src/hooks.server.ts.'
		);
	}
	return policies;
}

/** Pages meant to live in other sites' iframes. */
export const EMBED_PAGE = /^(en\/)?embed\//;

/**
 * Who may frame the embeds: `$EMBED_ORIGINS` (space-separated origins, e.g.
 * `https://www.kontum.gov.vn`) or any site (`*`), since the site hands out the iframe code
 * ("Nhúng") to anyone. Every other page may be framed by the site itself only.
 */
export function embedAncestors(env: string | undefined = process.env.EMBED_ORIGINS): string {
	const origins = (env ?? '').trim().split(/\s+/).filter(Boolean);
	for (const origin of origins) {
		if (origin !== '*' && !/^https?:\/\/[a-z0-9.-]+(:\d+)?$/i.test(origin)) {
			throw new Error(`EMBED_ORIGINS: "${origin}" is not an origin like https://example.org.`);
		}
	}
	return origins.length ? `'self' ${origins.join(' ')}` : '*';
}

export function frameAncestors(file: string, embeds: string): string {
	return EMBED_PAGE.test(file) ? embeds : "'self'";
}

/** The header policy of a page: its meta policy, and who may frame it. */
export function headerPolicy(page: PagePolicy, embeds: string): string {
	return `${page.csp}; frame-ancestors ${frameAncestors(page.file, embeds)}`;
}

/** Sent with every response. */
export const COMMON_HEADERS: Readonly<Record<string, string>> = {
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'strict-origin-when-cross-origin'
};

/** Hashed build output never changes under its name; everything else is revalidated. */
export const IMMUTABLE_PREFIX = '/_app/immutable/';
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
export const REVALIDATE_CACHE = 'no-cache';

/**
 * The URL paths a page answers at: `ban-do/index.html` at `/ban-do/` and
 * `/ban-do/index.html`; `404.html` at `/404.html` and `/404` (the address SvelteKit lists it
 * under, in the service worker's precache too).
 */
export function pageUrls(file: string): string[] {
	if (file === 'index.html') return ['/', '/index.html'];
	if (file.endsWith('/index.html')) return [`/${file.slice(0, -'index.html'.length)}`, `/${file}`];
	return [`/${file}`, `/${file.slice(0, -'.html'.length)}`];
}

/** The page file a request path serves, if it is a page (`/ban-do` too, before its redirect). */
export function pageFileOf(pathname: string, pages: ReadonlySet<string>): string | undefined {
	const rel = pathname.replace(/^\/+/, '');
	const candidates =
		rel === '' || rel.endsWith('/')
			? [`${rel}index.html`]
			: rel.endsWith('.html')
				? [rel]
				: [`${rel}.html`, `${rel}/index.html`];
	return candidates.find((c) => pages.has(c));
}
