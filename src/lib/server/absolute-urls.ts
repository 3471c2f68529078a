/**
 * The build writes relative URLs (kit.paths.relative), right for a page read from its own
 * folder. The "not found" page is sent for any unknown address, at any depth: its URLs must
 * start from the site's root instead. `prefix` is the path the site lives under ('' at the root
 * of its host, '/tekt' for https://example.org/tekt/).
 */
export function absoluteUrls(html: string, pagePath: string, prefix = ''): string {
	const page = new URL(`${prefix}${pagePath}`, 'http://site.invalid');
	return html.replace(
		/(\s(?:href|src|action|content)=")(\.{1,2}(?:\/[^"]*)?)"/g,
		(_, attribute: string, relative: string) => {
			const url = new URL(relative, page);
			return `${attribute}${url.pathname}${url.search}${url.hash}"`;
		}
	);
}
