/**
 * Writes static/og/<page>-<lang>.png: link previews drawn from the published data (run after
 * the pipeline, before the site build). Fonts come from the system (DejaVu/Liberation on Debian).
 */
import { Resvg } from '@resvg/resvg-js';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Lang } from '../src/lib/domain/breakdowns';
import { homePlan } from '../src/lib/pipeline/site-config';
import { projectLayer } from '../src/lib/domain/geo-paths';
import { t } from '../src/lib/domain/i18n';
import { buildMapModel, eraFiles, mapEraOfYear } from '../src/lib/domain/map-model';
import { buildOverview } from '../src/lib/domain/overview';
import { planFromJson } from '../src/lib/domain/plan';
import type { Manifest, Row } from '../src/lib/domain/published';
import { mapCard, overviewCard, textCard } from '../src/lib/pipeline/social-cards';

const root = process.cwd();
const dataDir = path.join(root, 'static', 'data');
const readJson = <T>(p: string) => JSON.parse(readFileSync(p, 'utf8')) as T;
const table = (name: string): Row[] => {
	const tb = readJson<{ columns: string[]; rows: Row[keyof Row][][] }>(
		path.join(dataDir, `${name}.json`)
	);
	return tb.rows.map((r) => Object.fromEntries(tb.columns.map((c, i) => [c, r[i]])));
};
const planFile = path.join(root, homePlan(root).plan);
const plan = planFromJson(readJson<unknown>(planFile), planFile);
const manifest = readJson<Manifest>(path.join(dataDir, 'manifest.json'));
const indicators = table('indicators');
const units = table('units');
const overview = buildOverview(
	plan,
	{ indicators, units, reporting: [], reportingSummary: [] },
	manifest.asOf
);
const model = buildMapModel(plan, { indicators, units, reporting: table('reporting') });
// the map card shows the latest year: the communes of its era (after 2025-07-01, the 40 new units)
const eraCommunes = eraFiles(mapEraOfYear(model, model.years.at(-1)!).from).communes;
const communes = projectLayer(
	readJson(path.join(dataDir, 'geo', `${eraCommunes}.geojson`)),
	520,
	640,
	{ fitTo: readJson(path.join(dataDir, 'geo', 'districts.geojson')), precision: 1 }
);

const out = path.join(root, 'static', 'og');
mkdirSync(out, { recursive: true });
const started = performance.now();
for (const lang of ['vi', 'en'] as Lang[]) {
	const ill = manifest.illustrative;
	const cards: Record<string, string> = {
		overview: overviewCard(plan, overview.province, overview.years, lang, ill),
		map: mapCard(plan, model, communes, lang, ill),
		explorer: textCard(
			lang,
			plan.geography.province.name,
			t(lang, 'explorerTitle'),
			t(lang, 'explorerLead'),
			ill
		),
		data: textCard(
			lang,
			plan.geography.province.name,
			t(lang, 'navData'),
			manifest.source[lang],
			ill
		)
	};
	for (const [name, svg] of Object.entries(cards)) {
		const png = new Resvg(svg, {
			font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' }
		})
			.render()
			.asPng();
		writeFileSync(path.join(out, `${name}-${lang}.png`), png);
	}
}
console.log(
	`Social preview images written to static/og/ in ${((performance.now() - started) / 1000).toFixed(1)} s.`
);
