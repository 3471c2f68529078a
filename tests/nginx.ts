/** Debian's nginx, run as the current user on a free local port, with a configuration file. */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setupError } from './browser';

/** nginx executable (`$NGINX_PATH`, default Debian's `/usr/sbin/nginx`). */
export const NGINX_PATH = process.env.NGINX_PATH || '/usr/sbin/nginx';
const MIME_TYPES = '/etc/nginx/mime.types';

export interface RunningNginx {
	/** Base URL with a trailing slash. */
	url: string;
	stop(): Promise<void>;
}

/** A port that was free a moment ago. */
export async function freePort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	await new Promise((resolve) => server.close(resolve));
	if (typeof address !== 'object' || !address) throw new Error('no free port');
	return address.port;
}

/**
 * Runs nginx in the foreground with `site` (a configuration for the http {} context) in a
 * throwaway prefix: its pid file, error log and temporary folders stay there.
 */
export async function startNginx(site: string, port: number): Promise<RunningNginx> {
	if (!existsSync(NGINX_PATH)) {
		throw setupError(
			`nginx not found at ${NGINX_PATH}: install it with "sudo apt-get install -y nginx" (Debian) and run the tests again.`
		);
	}
	const prefix = mkdtempSync(join(tmpdir(), 'nginx-test-'));
	// The site includes `mime.types` relative to the main file's folder, as in /etc/nginx/.
	symlinkSync(MIME_TYPES, join(prefix, 'mime.types'));
	writeFileSync(join(prefix, 'site.conf'), site);
	const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
		(name) => `\t${name}_temp_path ${join(prefix, name)};`
	);
	writeFileSync(
		join(prefix, 'nginx.conf'),
		[
			'daemon off;',
			'master_process off;',
			`pid ${join(prefix, 'nginx.pid')};`,
			`error_log ${join(prefix, 'error.log')} warn;`,
			'events { worker_connections 512; }',
			'http {',
			'\taccess_log off;',
			'\tsendfile on;',
			...temp,
			'\tinclude site.conf;',
			'}',
			''
		].join('\n')
	);
	const child = spawn(NGINX_PATH, ['-p', prefix, '-c', join(prefix, 'nginx.conf')], {
		stdio: ['ignore', 'ignore', 'pipe']
	});
	let stderr = '';
	child.stderr.on('data', (chunk) => (stderr += chunk));
	const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
	const url = `http://127.0.0.1:${port}/`;
	const log = () => {
		const file = join(prefix, 'error.log');
		return `${stderr}${existsSync(file) ? readFileSync(file, 'utf8') : ''}`.trim();
	};
	const stop = async () => {
		if (child.exitCode === null) child.kill('SIGTERM');
		await exited;
		rmSync(prefix, { recursive: true, force: true });
	};
	// Ready when it answers; a bad configuration makes it exit at once.
	for (let i = 0; ; i++) {
		if (child.exitCode !== null) {
			const message = log();
			await stop();
			throw new Error(`nginx exited (${child.exitCode}): ${message}`);
		}
		try {
			await fetch(url, { method: 'HEAD' });
			return { url, stop };
		} catch {
			if (i > 200) {
				await stop();
				throw new Error(`nginx did not answer on ${url}: ${log()}`);
			}
			await new Promise((resolve) => setTimeout(resolve, 50));
		}
	}
}
