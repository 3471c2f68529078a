/**
 * A plan's report templates, written at build time from its intake format:
 * /ke-hoach/<id>/mau/<file>.csv and .xlsx (one address for both languages: the files are bilingual).
 */
import { error } from '@sveltejs/kit';
import { templateCsv, templateFiles, templateRows } from '$lib/domain/plan/templates';
import { xlsx } from '$lib/pipeline/xlsx-write';
import { firstLeaf } from '$lib/domain/plan/plan-units';
import { runtimePlans } from '$lib/server/plans';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = () =>
	runtimePlans().flatMap((p) =>
		templateFiles(p.spec, firstLeaf(p.units)).flatMap((t) => [
			{ id: p.spec.id, file: `${t.name}.csv` },
			{ id: p.spec.id, file: `${t.name}.xlsx` }
		])
	);

export const GET: RequestHandler = ({ params }) => {
	const plan = runtimePlans().find((p) => p.spec.id === params.id);
	const match = /^(.+)\.(csv|xlsx)$/.exec(params.file);
	const t =
		match &&
		plan &&
		templateFiles(plan.spec, firstLeaf(plan.units)).find((x) => x.name === match[1]);
	if (!t || !match) error(404, 'Unknown template');
	if (match[2] === 'csv')
		return new Response(templateCsv(t), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
	return new Response(xlsx([{ name: t.name, rows: templateRows(t) }]) as BodyInit, {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
		}
	});
};
