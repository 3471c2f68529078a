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
	/** a count of people or a rate on people: hidden by the plan's rule, with a `<name>_suppressed` flag */
	protected?: boolean;
	/** a count that is not of people: of units or of reports (not protected: it singles out no one) */
	counts?: 'units' | 'reports';
	/** a count that never exceeds another count of the same row (a public rule the attacker knows) */
	atMost?: string;
	/** a rate: numerator ÷ denominator × 100, rounded to one decimal, of two counts of the same row */
	numerator?: string;
	denominator?: string;
}

/** How published values were protected, and what the disclosure audit found (SECURITY.md). */
export interface Protection {
	/** counts of min–max people are never published; rates need a denominator ≥ minDenominator */
	rule: { min: number; max: number; minDenominator: number };
	/** how many breakdowns a published cell combines at most, per level of unit */
	breakdownDepth: { province: number; district: number; commune: number };
	/** cells of protected count columns, per table: how many published, hidden by the rule, hidden to protect others */
	cells: { table: string; cells: number; published: number; primary: number; secondary: number }[];
	/** the attack run on the published files before they were published */
	audit: {
		method: string;
		/** hidden values checked, small groups among them, and disclosures found (0, or nothing is published) */
		hiddenValues: number;
		smallGroups: number;
		disclosures: number;
		seconds: number;
	};
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
	protection: Protection;
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
	/** the plan's area as its file names it ("Tỉnh Kon Tum"): the site's titles name it */
	area: Label;
	attribution: string;
	/** the rule the published data was protected by (the footer states it) */
	protectionRule: Protection['rule'];
}

/** read_csv `types` for a published table: text columns stay text (codes like "608" or "3"). */
export function varcharTypes(columns: ManifestColumn[]): string {
	const entries = columns.filter((c) => c.type === 'VARCHAR').map((c) => `'${c.name}': 'VARCHAR'`);
	return `{${entries.join(', ')}}`;
}

/**
 * The years some children report has, from the indicators table's province rows: a year
 * published for its units reports only has its children count empty and not hidden ("no
 * report"), and no rows in the children cube.
 */
export function yearsWithChildren(indicators: Row[]): number[] {
	const years = new Set<number>();
	for (const r of indicators)
		if (r.level === 'province' && (r.children !== null || r.children_suppressed === true))
			years.add(Number(r.year));
	return [...years].sort((a, b) => a - b);
}
