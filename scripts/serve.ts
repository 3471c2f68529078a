/**
 * Serves a built static site the way a static host does.
 *
 *   npx tsx scripts/serve.ts [--dir build] [--port 4173] [--host 127.0.0.1]
 *
 * - precompressed `.br`/`.gz` twins are sent when the client accepts them, with ETag and 304s;
 * - `/_app/immutable/*` is cached for a year, everything else is `no-cache` (revalidated);
 * - `/path/` serves `path/index.html`, and `/path` (no slash) redirects to `/path/` when only
 *   `path/index.html` exists, so the build's relative asset URLs resolve as they would on a host;
 * - unknown paths get `404.html` with status 404 (`en/404.html` under `/en/`, when the build has
 *   them; a plain "Not found" otherwise). Static hosts do the same with a rule, see README.
 * - the headers of the shipped host configurations (deploy/nginx.conf, build/_headers), from the
 *   same source (src/lib/pipeline/deploy/): each page's Content-Security-Policy (its own <meta>
 *   policy plus frame-ancestors), X-Content-Type-Options, Referrer-Policy.
 *
 * `startServer` is exported for the browser tests and benchmarks.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import sirv from 'sirv';
import {
	COMMON_HEADERS,
	embedAncestors,
	headerPolicy,
	IMMUTABLE_CACHE,
	IMMUTABLE_PREFIX,
	pageFileOf,
	readPagePolicies,
	REVALIDATE_CACHE
} from '../src/lib/pipeline/deploy/policies';

export interface ServerOptions {
	/** Directory to serve (default `build`, or `$BUILD_DIR`). */
	dir?: string;
	/** Port to listen on; 0 picks a free port (default 4173). */
	port?: number;
	/** Interface to bind (default 127.0.0.1). */
	host?: string;
}

export interface RunningServer {
	/** Base URL with a trailing slash, e.g. `http://127.0.0.1:4173/`. */
	url: string;
	close(): Promise<void>;
}

export const DEFAULT_DIR = process.env.BUILD_DIR || 'build';
export const DEFAULT_PORT = 4173;
export const DEFAULT_HOST = '127.0.0.1';

function isFile(path: string): boolean {
	try {
		return statSync(path).isFile();
	} catch {
		return false;
	}
}

function pathnameOf(req: IncomingMessage): { pathname: string; search: string } {
	const raw = req.url ?? '/';
	const q = raw.indexOf('?');
	return q === -1
		? { pathname: raw, search: '' }
		: { pathname: raw.slice(0, q), search: raw.slice(q) };
}

function decode(pathname: string): string | undefined {
	try {
		return decodeURIComponent(pathname);
	} catch {
		return undefined;
	}
}

/**
 * Sends the not-found page of the address's language (`en/404.html` under `/en/`, `404.html`
 * elsewhere; or its precompressed twin) with status 404, or a plain 404.
 */
function notFound(
	root: string,
	req: IncomingMessage,
	res: ServerResponse,
	policies: ReadonlyMap<string, string>
): void {
	const english = /^\/en(\/|$)/.test(pathnameOf(req).pathname);
	const name = english && isFile(join(root, 'en', '404.html')) ? 'en/404.html' : '404.html';
	const page = join(root, name);
	res.statusCode = 404;
	res.setHeader('Cache-Control', REVALIDATE_CACHE);
	const csp = policies.get(name);
	if (csp) res.setHeader('Content-Security-Policy', csp);
	if (!isFile(page)) {
		res.setHeader('Content-Type', 'text/plain;charset=utf-8');
		res.end('Not found');
		return;
	}
	const accept = String(req.headers['accept-encoding'] ?? '');
	let file = page;
	if (/\bbr\b/.test(accept) && isFile(`${page}.br`)) {
		file = `${page}.br`;
		res.setHeader('Content-Encoding', 'br');
	} else if (/\bgzip\b/.test(accept) && isFile(`${page}.gz`)) {
		file = `${page}.gz`;
		res.setHeader('Content-Encoding', 'gzip');
	}
	const body = readFileSync(file);
	res.setHeader('Vary', 'Accept-Encoding');
	res.setHeader('Content-Type', 'text/html;charset=utf-8');
	res.setHeader('Content-Length', body.length);
	res.end(req.method === 'HEAD' ? undefined : body);
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
	const dir = options.dir ?? DEFAULT_DIR;
	const port = options.port ?? DEFAULT_PORT;
	const host = options.host ?? DEFAULT_HOST;
	const root = resolve(dir);
	if (!existsSync(root) || !statSync(root).isDirectory()) {
		throw new Error(`Cannot serve ${dir}: no such directory (run npm run build first).`);
	}

	// The same headers as the shipped nginx configuration and _headers file.
	const embeds = embedAncestors();
	const policies = new Map(
		readPagePolicies(root).map((page) => [page.file, headerPolicy(page, embeds)])
	);
	const pages = new Set(policies.keys());

	const assets = sirv(root, {
		etag: true,
		gzip: true,
		brotli: true,
		extensions: ['html'],
		dev: false,
		// Hashed build output never changes; everything else must be revalidated (ETag -> 304).
		setHeaders: (res, pathname) => {
			res.setHeader(
				'Cache-Control',
				pathname.startsWith(IMMUTABLE_PREFIX) ? IMMUTABLE_CACHE : REVALIDATE_CACHE
			);
			const page = pageFileOf(pathname, pages);
			if (page) res.setHeader('Content-Security-Policy', policies.get(page)!);
		},
		onNoMatch: (req, res) => notFound(root, req, res, policies)
	});

	const server = createServer((req, res) => {
		for (const [name, value] of Object.entries(COMMON_HEADERS)) res.setHeader(name, value);
		if (req.method !== 'GET' && req.method !== 'HEAD') {
			res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain;charset=utf-8' });
			res.end('Method not allowed');
			return;
		}
		const { pathname, search } = pathnameOf(req);
		const decoded = decode(pathname);
		// `/en` -> `/en/` when only `en/index.html` exists, as static hosts do.
		if (
			decoded !== undefined &&
			!decoded.endsWith('/') &&
			!decoded.includes('\0') &&
			!decoded.split('/').includes('..') &&
			!isFile(join(root, decoded)) &&
			!isFile(join(root, `${decoded}.html`)) &&
			isFile(join(root, decoded, 'index.html'))
		) {
			res.writeHead(301, { Location: `${pathname}/${search}`, 'Content-Length': 0 });
			res.end();
			return;
		}
		assets(req, res);
	});

	await new Promise<void>((resolveListen, rejectListen) => {
		server.once('error', rejectListen);
		server.listen(port, host, () => {
			server.off('error', rejectListen);
			resolveListen();
		});
	});

	const address = server.address();
	const actualPort = typeof address === 'object' && address ? address.port : port;
	const urlHost = host.includes(':') ? `[${host}]` : host;

	return {
		url: `http://${urlHost}:${actualPort}/`,
		close: () =>
			new Promise<void>((resolveClose, rejectClose) => {
				server.close((err) => (err ? rejectClose(err) : resolveClose()));
				server.closeAllConnections();
			})
	};
}

function isMain(): boolean {
	const entry = process.argv[1];
	if (!entry) return false;
	try {
		return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
	} catch {
		return false;
	}
}

async function main(): Promise<void> {
	const { values } = parseArgs({
		options: {
			dir: { type: 'string', default: DEFAULT_DIR },
			port: { type: 'string', default: String(DEFAULT_PORT) },
			host: { type: 'string', default: DEFAULT_HOST }
		}
	});
	const port = Number(values.port);
	if (!Number.isInteger(port) || port < 0 || port > 65535) {
		throw new Error(`Invalid --port ${values.port}: expected an integer from 0 to 65535.`);
	}
	const server = await startServer({ dir: values.dir, port, host: values.host });
	console.log(`Serving ${values.dir.replace(/\/+$/, '')}/ at ${server.url}`);

	const stop = () => {
		server.close().then(
			() => process.exit(0),
			() => process.exit(1)
		);
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

if (isMain()) {
	main().catch((err: unknown) => {
		console.error(err instanceof Error ? err.message : err);
		process.exit(1);
	});
}
