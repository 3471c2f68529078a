import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { headersFile, pagePatterns } from './headers-file';
import { nginxConfig } from './nginx';
import { embedAncestors, headerPolicy, pageFileOf, readPagePolicies } from './policies';

const meta = (csp: string) => `<meta http-equiv="content-security-policy" content="${csp}">`;
let dir: string | undefined;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

function build(pages: Record<string, string>): string {
	dir = mkdtempSync(join(tmpdir(), 'deploy-policies-'));
	for (const [file, html] of Object.entries(pages)) {
		mkdirSync(join(dir, file, '..'), { recursive: true });
		writeFileSync(join(dir, file), html);
	}
	return dir;
}

describe('page policies', () => {
	test('read from each page, _app skipped; a page without one or with two is named', () => {
		const root = build({
			'index.html': meta("default-src 'self'"),
			'_app/x.html': '',
			'a/index.html': '<p>no policy</p>',
			'b/index.html': meta('x') + meta('y')
		});
		expect(() => readPagePolicies(root)).toThrow(
			/a\/index\.html \(0 policies\), b\/index\.html \(2/
		);
	});

	test('embeds: any site by default, or the listed origins; anything else refused', () => {
		expect(embedAncestors(undefined)).toBe('*');
		expect(embedAncestors(' https://a.example  http://b.example:8080 ')).toBe(
			"'self' https://a.example http://b.example:8080"
		);
		expect(() => embedAncestors("https://a.example; script-src 'unsafe-inline'")).toThrow(
			/not an origin/
		);
		const page = { file: 'en/embed/ban-do/index.html', csp: "default-src 'self'" };
		expect(headerPolicy(page, '*')).toBe("default-src 'self'; frame-ancestors *");
		expect(headerPolicy({ ...page, file: 'ban-do/index.html' }, '*')).toBe(
			"default-src 'self'; frame-ancestors 'self'"
		);
	});

	test('request paths to page files, as a static host resolves them', () => {
		const pages = new Set(['index.html', 'ban-do/index.html', '404.html']);
		expect(pageFileOf('/', pages)).toBe('index.html');
		expect(pageFileOf('/ban-do/', pages)).toBe('ban-do/index.html');
		expect(pageFileOf('/ban-do', pages)).toBe('ban-do/index.html');
		expect(pageFileOf('/404', pages)).toBe('404.html');
		expect(pageFileOf('/ban-do/__data.json', pages)).toBeUndefined();
	});

	test('_headers groups: a section splat, exact addresses for top-level pages', () => {
		expect(pagePatterns('don-vi/23473/index.html')).toEqual(['/don-vi/*']);
		expect(pagePatterns('en/embed/chi-so/x/index.html')).toEqual(['/en/embed/*']);
		expect(pagePatterns('en/index.html')).toEqual(['/en/', '/en/index.html']);
		expect(pagePatterns('404.html')).toEqual(['/404.html', '/404']);
	});

	test('_headers: one policy rule per group, embeds apart; no /* policy', () => {
		const text = headersFile(
			[
				{ file: 'index.html', csp: 'a' },
				{ file: 'ban-do/index.html', csp: 'b' },
				{ file: 'embed/ban-do/index.html', csp: 'c' }
			],
			'*'
		);
		expect(text).toContain("/ban-do/*\n  Content-Security-Policy: frame-ancestors 'self'\n");
		expect(text).toContain('/embed/*\n  Content-Security-Policy: frame-ancestors *\n');
		expect(text).not.toMatch(
			/^\/\*\n(  (?!Content-Security-Policy).*\n)*  Content-Security-Policy/m
		);
	});

	test('nginx: a value that would break out of its quotes is refused', () => {
		expect(() => nginxConfig([{ file: 'index.html', csp: 'a"; return 200 "x' }], '*')).toThrow(
			/Cannot put/
		);
	});
});
