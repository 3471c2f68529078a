/** The explorer's engine with the published cube in it (table `cube` and its level tables). */
import { levelTablesSql } from '$lib/domain/explorer';
import { varcharTypes, type ManifestColumn } from '$lib/domain/published';
import { fetchText, getQueryClient, type QueryClient } from './duckdb';

export interface CubeFile {
	path: string;
	bytes: number;
	skip: number;
	columns: ManifestColumn[];
}
export interface EngineProgress {
	loaded: number;
	total: number;
	stage: 'engine' | 'data';
}

export async function loadPublishedCube(
	base: string,
	cubeFile: CubeFile,
	years: number[],
	engineBytes: number,
	onprogress: (p: EngineProgress) => void
): Promise<QueryClient> {
	// The cube downloads while the engine does (the engine then compiles, on the CPU); its bytes
	// show once the engine is in.
	let engineDone = false;
	let cubeLoaded = 0;
	const cube = fetchText(`${base}/data/${cubeFile.path}`, (loaded) => {
		cubeLoaded = loaded;
		if (engineDone) onprogress({ stage: 'data', loaded, total: cubeFile.bytes });
	});
	cube.catch(() => undefined); // awaited below; not unhandled meanwhile
	// the engine's size as it unpacks: a compressed download reports unpacked bytes loaded
	// against the packed length, which read as "32,7/5,0 MB"
	const c = await getQueryClient((p) => onprogress({ ...p, total: engineBytes || p.total }));
	engineDone = true;
	onprogress({ stage: 'data', loaded: cubeLoaded, total: cubeFile.bytes });
	const csv = await cube;
	await c.loadCsv('cube', csv, { skip: cubeFile.skip, types: varcharTypes(cubeFile.columns) });
	for (const sql of levelTablesSql(years, 'cube')) await c.query(sql);
	return c;
}
