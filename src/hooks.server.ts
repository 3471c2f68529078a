import type { Handle } from '@sveltejs/kit';

/** The page's language goes on <html lang>: English under /en, Vietnamese elsewhere. */
export const handle: Handle = ({ event, resolve }) => {
	const lang = /^\/en(\/|$)/.test(event.url.pathname) ? 'en' : 'vi';
	return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', lang) });
};
