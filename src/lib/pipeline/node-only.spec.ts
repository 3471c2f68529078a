/**
 * The .xlsx reader is build-time only: imported from src/lib/pipeline (Node) and nowhere a page
 * or the browser bundle could reach it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
		e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]
	);
}

describe('build-time libraries', () => {
	it('read-excel-file and fflate are imported only under src/lib/pipeline', () => {
		const importing = files('src')
			.filter((f) => /\.(ts|svelte)$/.test(f))
			.filter((f) => /from ['"](read-excel-file|fflate)/.test(readFileSync(f, 'utf8')));
		expect(importing.length).toBeGreaterThan(0);
		for (const f of importing) expect(f).toMatch(/^src\/lib\/pipeline\//);
	});
});
