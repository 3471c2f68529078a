/**
 * "Tải Parquet": the explorer's filtered table as a Parquet file, written in the browser.
 * hyparquet-writer (pure JS, ~40 KB) is imported only when someone asks for the file; DuckDB-WASM
 * cannot write Parquet without an extension fetched from outside, which this site never does.
 */
export type ParquetColumn =
	| { name: string; kind: 'string'; data: (string | null)[] }
	| { name: string; kind: 'number'; data: (number | null)[] }
	/** whole numbers (years, counts): INT32, so a reader sees integers, not doubles */
	| { name: string; kind: 'int'; data: (number | null)[] }
	| { name: string; kind: 'boolean'; data: (boolean | null)[] };

export async function parquetBlob(columns: ParquetColumn[], metadata: Record<string, string>): Promise<Blob> {
	const { parquetWriteBuffer } = await import('hyparquet-writer');
	const type = {
		string: 'STRING',
		number: 'DOUBLE',
		int: 'INT32',
		boolean: 'BOOLEAN'
	} as const;
	const buffer = parquetWriteBuffer({
		columnData: columns.map((c) => ({ name: c.name, data: c.data, type: type[c.kind] })),
		kvMetadata: Object.entries(metadata).map(([key, value]) => ({ key, value }))
	});
	return new Blob([buffer], { type: 'application/vnd.apache.parquet' });
}
