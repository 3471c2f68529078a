/**
 * The explorer page's model: what the plan and its published folder offer, and the default
 * result computed at prerender time so the HTML carries numbers before any script runs. The page
 * fetches the same published JSON files when the analyst changes a filter.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { error } from '@sveltejs/kit';
import { defaultQuery } from '$lib/domain/plan/explore/choices';
import { exploreModel } from '$lib/domain/plan/explore/model';
import { runQuery, tableRows, type ExploreData } from '$lib/domain/plan/explore/query';
import { runtimePlan } from './plan-pages';

const publishedDir = path.join(process.cwd(), 'static', 'plan-data');

/** The published CSVs' notice (their first line when it is a '#' comment), else null. */
function noticeOf(dir: string, csv: string | undefined): string | null {
	if (!csv) return null;
	const first = readFileSync(path.join(dir, csv), 'utf8')
		.replace(/^\uFEFF/, '')
		.split('\n')[0];
	return first.startsWith('#') ? first.replace(/^#\s*/, '') : null;
}

export function explorePage(id: string) {
	const entry = runtimePlan(id);
	const manifest = entry.published?.manifest;
	if (!manifest) error(404, 'Nothing published for this plan');
	const dir = path.join(publishedDir, id);
	const csv = manifest.tables
		.filter((t) => t.csvCommentLines > 0)
		.flatMap((t) => t.files)
		.find((f) => f.format === 'csv')?.path;
	const model = exploreModel(entry.spec, manifest, entry.units, noticeOf(dir, csv));
	if (!model) error(404, 'Nothing to explore for this plan');
	const data: ExploreData = Object.fromEntries(
		model.tables.map((t) => [
			t.name,
			tableRows(JSON.parse(readFileSync(path.join(dir, t.file), 'utf8')))
		])
	);
	return { model, initial: runQuery(model, data, defaultQuery(model)) };
}
