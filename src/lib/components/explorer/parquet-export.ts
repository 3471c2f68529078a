/** The district table as a Parquet file: counts as integers, flags as booleans, the notes kept. */
import { exportMeasures, integerColumns, type TableExport } from '$lib/domain/explorer-export';
import type { SiteInfo } from '$lib/domain/published';
import { parquetBlob, type ParquetColumn } from '$lib/data/parquet';
import { download } from '$lib/components/download';

export async function downloadTableParquet(exported: TableExport, site: SiteInfo): Promise<void> {
	const { columns, rows, notes, name } = exported;
	const kind = (c: string): ParquetColumn['kind'] =>
		c.endsWith('_suppressed')
			? 'boolean'
			: integerColumns.has(c)
				? 'int'
				: (exportMeasures as readonly string[]).includes(c)
					? 'number'
					: 'string';
	const blob = await parquetBlob(
		columns.map((c) => ({ name: c, kind: kind(c), data: rows.map((r) => r[c]) }) as ParquetColumn),
		{
			illustrative: String(site.illustrative),
			source: site.source.en,
			contents: notes.join(' ')
		}
	);
	download(blob, `${name}.parquet`);
}
