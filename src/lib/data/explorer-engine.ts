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
	// the engine's size as it unpacks: a compressed download reports unpacked bytes loaded
	// against the packed length, which read as "32,7/5,0 MB"
	const c = await getQueryClient((p) => onprogress({ ...p, total: engineBytes || p.total }));
	onprogress({ stage: 'data', loaded: 0, total: cubeFile.bytes });
	const csv = await fetchText(`${base}/data/${cubeFile.path}`, (loaded, total) => {
		onprogress({ stage: 'data', loaded, total: total || cubeFile.bytes });
	});
	await c.loadCsv('cube', csv, { skip: cubeFile.skip, types: varcharTypes(cubeFile.columns) });
	for (const sql of levelTablesSql(years, 'cube')) await c.query(sql);
	return c;
}
