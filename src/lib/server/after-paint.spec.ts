import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { startAfterFirstPaint } from './after-paint';

const hash = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;

// The shape of SvelteKit's boot script (kit 2), with a page's data in it.
const boot = `
	{
		__sveltekit_x = { base: new URL(".", location).pathname.slice(0, -1) };
		const element = document.currentScript.parentElement;
		Promise.all([
			import("./_app/immutable/entry/start.js"),
			import("./_app/immutable/entry/app.js")
		]).then(([kit, app]) => {
			kit.start(app, element, { node_ids: [0, 2], data: [null, { type: "data", data: { s: "Promise.all([" } }] });
		});
	}
`;
const page = (script: string) => `<html><head>
		<meta http-equiv="content-security-policy" content="script-src 'self' ${hash(script)}; style-src 'self'">
		<link href="./_app/immutable/entry/start.js" rel="modulepreload">
		<link href="./_app/immutable/chunks/a.js" rel="modulepreload">
		<title>t</title>
	</head><body><div>x</div><script>${script}</script></body></html>`;

describe('startAfterFirstPaint', () => {
	it('moves the modulepreloads and the entry imports behind one frame, re-hashing the script', () => {
		const out = startAfterFirstPaint(page(boot));
		const script = /<script>([\s\S]*?)<\/script>/.exec(out)![1];
		expect(script).toContain("getEntriesByName('first-contentful-paint')");
		expect(script).toContain('.then(() => Promise.all([');
		expect(script).toContain('])).then(([kit, app]) => {');
		expect(out).toContain(hash(script));
		expect(out).not.toContain('rel="modulepreload"');
		expect(out).toContain('<title>t</title>');
		expect(out).not.toContain(hash(boot));
		// document.currentScript is still read synchronously, before the wait.
		expect(script.indexOf('document.currentScript')).toBeLessThan(
			script.indexOf('PerformanceObserver')
		);
	});

	/** Runs the deferred boot script with stand-ins for the browser; returns its triggers. */
	function boot_(paintTiming: boolean) {
		const script = /<script>([\s\S]*?)<\/script>/.exec(startAfterFirstPaint(page(boot)))![1];
		const calls: string[] = [];
		const on = { frame: () => {}, timer: () => {}, paint: (_names: string[]) => {} };
		const document = {
			currentScript: { parentElement: 'root' },
			head: { append: (l: { rel: string; href: string }) => calls.push(`${l.rel} ${l.href}`) },
			createElement: () => ({})
		};
		class PerformanceObserver {
			static supportedEntryTypes = ['paint', 'navigation'];
			constructor(cb: (list: unknown, o: unknown) => void) {
				on.paint = (names) =>
					cb({ getEntriesByName: (n: string) => names.filter((x) => x === n) }, this);
			}
			observe() {}
			disconnect() {
				on.paint = () => {};
			}
		}
		const run = new Function(
			'location',
			'document',
			'self',
			'PerformanceObserver',
			'requestAnimationFrame',
			'setTimeout',
			'load',
			script.replace(/import\(/g, 'load(')
		);
		run(
			'http://x/',
			document,
			paintTiming ? { PerformanceObserver } : {},
			paintTiming ? PerformanceObserver : undefined,
			(f: () => void) => (on.frame = f),
			(f: () => void, ms?: number) => (ms ? (on.timer = f) : f()),
			async (url: string) => {
				calls.push(`import ${url}`);
				return { start: (_app: unknown, el: string) => calls.push(`start ${el}`) };
			}
		);
		return { calls, on };
	}
	const tick = () => new Promise((r) => setTimeout(r, 10));
	const started = [
		'modulepreload ./_app/immutable/entry/start.js',
		'modulepreload ./_app/immutable/chunks/a.js',
		'import ./_app/immutable/entry/start.js',
		'import ./_app/immutable/entry/app.js',
		'start root'
	];

	it('preloads and starts the app once the first contentful paint is reported', async () => {
		const { calls, on } = boot_(true);
		await tick();
		expect(calls).toEqual([]);
		on.frame();
		on.paint(['first-paint']);
		await tick();
		expect(calls).toEqual([]);
		on.paint(['first-contentful-paint']);
		await tick();
		expect(calls).toEqual(started);
		on.timer();
		await tick();
		expect(calls).toEqual(started);
	});

	it('waits one frame without paint timing, and for a timer when nothing paints', async () => {
		const noTiming = boot_(false);
		await tick();
		expect(noTiming.calls).toEqual([]);
		noTiming.on.frame();
		await tick();
		expect(noTiming.calls).toEqual(started);
		const hidden = boot_(true);
		hidden.on.timer();
		await tick();
		expect(hidden.calls).toEqual(started);
	});

	it('leaves pages without a boot script (the embeds) alone', () => {
		const html = '<html><body><p>no script</p></body></html>';
		expect(startAfterFirstPaint(html)).toBe(html);
	});

	it('fails the build loudly when the boot script changes shape', () => {
		const odd = boot.replace('Promise.all([', 'Promise.allSettled([');
		expect(() => startAfterFirstPaint(page(odd))).toThrow(/changed shape/);
	});
});
