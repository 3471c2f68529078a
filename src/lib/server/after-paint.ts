/**
 * Paints the prerendered page first, then fetches its JavaScript and hydrates.
 *
 * Every page is prerendered: its numbers, cards and charts are in the HTML and need no script
 * to be seen. SvelteKit puts a `<link rel="modulepreload">` for each of the page's modules in
 * the <head>, so the browser starts fetching them (about 20 files, 70 KB on the overview) while
 * the HTML is still arriving, in competition with it, and on a fast connection runs them and
 * hydrates before it paints anything. Lighthouse's simulation (Lantern) then counts every one
 * of those modules as render-blocking: its simulated first and largest paints on the overview
 * came out at 1.4–2.0 s against 0.85 s without them.
 *
 * Here the modulepreload links come out of the <head>, and SvelteKit's inline boot script waits
 * for the first contentful paint, then adds the same links (so the modules still download in
 * parallel, not one import after the other) and imports the entry modules as before: the page
 * is painted as soon as its HTML is in, and hydrates after. The boot script's CSP hash
 * (kit.csp hash mode) is recomputed.
 */
import { createHash } from 'node:crypto';

const sha256 = (text: string) =>
	`'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

const PRELOAD = /[ \t]*<link href="([^"]+)" rel="modulepreload">\n?/g;

/**
 * A promise expression for the boot script: resolves once the first contentful paint has been
 * presented (the paint timing entry; its time is the frame's presentation, which can come a
 * frame or more after requestAnimationFrame), then preloads `hrefs`. Without paint timing it
 * waits one frame; a timer stands in where nothing is painted (a tab opened in the background).
 */
function afterPaint(hrefs: string[]): string {
	return (
		'new Promise((r) => { setTimeout(r, 1000); ' +
		"if (self.PerformanceObserver?.supportedEntryTypes?.includes('paint')) " +
		"new PerformanceObserver((l, o) => { if (l.getEntriesByName('first-contentful-paint').length) { o.disconnect(); r(); } })" +
		".observe({ type: 'paint', buffered: true }); " +
		'else requestAnimationFrame(() => setTimeout(r)); })' +
		`.then(() => { for (const href of ${JSON.stringify(hrefs)}) ` +
		"document.head.append(Object.assign(document.createElement('link'), { rel: 'modulepreload', href })); })"
	);
}

/** The page with its JavaScript deferred past the first paint; unchanged if it has none. */
export function startAfterFirstPaint(html: string): string {
	const script = /<script>([\s\S]*?)<\/script>/.exec(html);
	if (!script || !script[1].includes('kit.start(')) return html;
	const body = script[1];
	const start = body.indexOf('Promise.all([');
	const then = body.indexOf(']).then(([kit, app]) => {');
	if (start < 0 || then < start || then > body.indexOf('kit.start('))
		throw new Error(
			"after-paint: SvelteKit's boot script changed shape; update src/lib/server/after-paint.ts"
		);
	const head = html.slice(0, script.index);
	const hrefs = [...head.matchAll(PRELOAD)].map((m) => m[1]);
	const deferred =
		body.slice(0, start) +
		`${afterPaint(hrefs)}.then(() => Promise.all([` +
		body.slice(start + 'Promise.all(['.length, then) +
		// `])` closed Promise.all; `]))` also closes the .then(() => …) around it.
		']))' +
		body.slice(then + '])'.length);
	const oldHash = sha256(body);
	if (!html.includes(oldHash))
		throw new Error("after-paint: the boot script's hash is not in the page's CSP");
	return (
		head.replace(PRELOAD, '').replace(oldHash, sha256(deferred)) +
		`<script>${deferred}</script>` +
		html.slice(script.index + script[0].length)
	);
}
