/**
 * After `vite build`: brotli and gzip twins for the published data files SvelteKit's own
 * precompression skips (GeoJSON, CSV), so a static host (and scripts/serve.ts) sends them
 * compressed: the boundary files shrink from 435 KB to about 66 KB on the wire.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = path.resolve(process.argv[2] ?? 'build');
let count = 0;
let before = 0;
let after = 0;
function walk(dir: string) {
	for (const name of readdirSync(dir)) {
		const full = path.join(dir, name);
		if (statSync(full).isDirectory()) walk(full);
		else if (/\.(geojson|csv)$/.test(name)) {
			const data = readFileSync(full);
			const br = brotliCompressSync(data, {
				params: {
					[constants.BROTLI_PARAM_QUALITY]: data.length > 1_000_000 ? 9 : 11,
					[constants.BROTLI_PARAM_SIZE_HINT]: data.length
				}
			});
			writeFileSync(`${full}.br`, br);
			writeFileSync(`${full}.gz`, gzipSync(data, { level: 9 }));
			count++;
			before += data.length;
			after += br.length;
		}
	}
}
walk(path.join(root, 'data'));
console.log(
	`Precompressed ${count} data files: ${(before / 1024).toFixed(0)} KB → ${(after / 1024).toFixed(0)} KB (brotli).`
);
