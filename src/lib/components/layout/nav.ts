import type { Lang } from '$lib/domain/breakdowns';
import { localePath, type MessageKey } from '$lib/domain/i18n';

/** The site's sections, in menu order. Paths are the Vietnamese ones; English adds /en. */
export const sections: { path: string; key: MessageKey }[] = [
	{ path: '/', key: 'navOverview' },
	{ path: '/ban-do/', key: 'navMap' },
	{ path: '/phan-tich/', key: 'navExplorer' },
	{ path: '/du-lieu/', key: 'navData' }
];

/** The language-neutral part of a pathname: /en/ban-do/ → /ban-do/. */
export function neutralPath(pathname: string, base: string): string {
	let p = pathname.startsWith(base) ? pathname.slice(base.length) : pathname;
	if (!p.startsWith('/')) p = `/${p}`;
	p = p.replace(/^\/en(\/|$)/, '/');
	return p;
}

export function switchLanguagePath(pathname: string, base: string, to: Lang): string {
	return localePath(to, neutralPath(pathname, base));
}
