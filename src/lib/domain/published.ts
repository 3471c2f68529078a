/** Shapes of the published data as the pipeline writes it (static/data), for every layer above. */
import type { Label } from './breakdowns';

export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;

export interface PublishedTable {
	columns: string[];
	rows: Row[];
}

export interface ManifestColumn {
	name: string;
	type: 'VARCHAR' | 'INTEGER' | 'DOUBLE' | 'BOOLEAN' | 'DATE';
	role: 'dimension' | 'count' | 'rate' | 'flag';
	label: Label;
}

export interface ManifestFile {
	path: string;
	format: 'csv' | 'parquet' | 'json' | 'geojson' | 'text';
	bytes: number;
	sha256: string;
}

export interface Manifest {
	plan: string;
	asOf: string;
	illustrative: boolean;
	source: Label;
	suppression: { minCount: number; maxCount: number; minDenominator: number };
	tables: {
		name: string;
		title: Label;
		description: Label;
		rows: number;
		csvCommentLines: number;
		licence: string;
		columns: ManifestColumn[];
		files: ManifestFile[];
		/**
		 * A table published one file pair per province (a national plan): `files` is then empty
		 * and each partition lists its own, under `<table name>/<province code>.*`.
		 */
		partitions?: { key: string; rows: number; files: ManifestFile[] }[];
	}[];
	files: (ManifestFile & { title: Label; licence: string })[];
}

/** Data every page's chrome needs: the notice, the "as of" date, the sources. */
export interface SiteInfo {
	asOf: string;
	illustrative: boolean;
	source: Label;
	planTitle: Label;
	planShortTitle: Label;
	attribution: string;
}

/** read_csv `types` for a published table: text columns stay text (codes like "608" or "3"). */
export function varcharTypes(columns: ManifestColumn[]): string {
	const entries = columns.filter((c) => c.type === 'VARCHAR').map((c) => `'${c.name}': 'VARCHAR'`);
	return `{${entries.join(', ')}}`;
}
