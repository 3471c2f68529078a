/** What the explorer's page loads (+page.server.ts) with the site's layout data. */
import type { Lang } from '$lib/domain/breakdowns';
import type { BreakdownDepth, ExplorerResult } from '$lib/domain/explorer';
import type { SiteInfo } from '$lib/domain/published';
import type { CubeFile } from '$lib/data/explorer-engine';

export interface ExplorerUnit {
	code: string;
	name: string;
	type: string;
	level: 'province' | 'district' | 'commune';
	district_code: string;
	name_ascii: string;
	/** the unit's era (ISO days, '' when open): a code names a unit only with its era */
	valid_from?: string;
	valid_to?: string;
}

export interface ExplorerData {
	lang: Lang;
	site: SiteInfo;
	plan: unknown;
	units: ExplorerUnit[];
	years: number[];
	defaultYear: number;
	depth: BreakdownDepth;
	minDenominator: number;
	cubeFile: CubeFile;
	cubeFiles: { path: string; format: string; bytes: number }[];
	initial: ExplorerResult;
	engineBytes: number;
}
