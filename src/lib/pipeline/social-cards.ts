/**
 * Preview images for links shared on social networks and chat apps (1200 × 630), drawn as SVG
 * from the published data at build time; scripts/social-images.ts renders them to PNG.
 */
import type { Label, Lang } from '../domain/breakdowns';
import { mapMeasures } from '../domain/coverage';
import type { ProjectedLayer } from '../domain/geo-paths';
import { formatIndicatorValue, formatTarget } from '../domain/indicator-text';
import type { IndicatorValue } from '../domain/indicator-values';
import { assess } from '../domain/indicator-values';
import { areaText, statusLabel, t } from '../domain/i18n';
import { mapView, networkSentence, type MapModel } from '../domain/map-model';
import { currentPhase, phaseTarget, type Plan } from '../domain/plan';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const FONT = 'DejaVu Sans, Liberation Sans, Noto Sans, Arial, sans-serif';

function frame(
	lang: Lang,
	area: Label,
	title: string,
	subtitle: string,
	body: string,
	illustrative: boolean
): string {
	return `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630" font-family="${FONT}">
<rect width="1200" height="630" fill="#ffffff"/>
<rect width="1200" height="96" fill="#0b5394"/>
<text x="48" y="60" font-size="34" font-weight="700" fill="#ffffff">${esc(areaText(lang, 'siteTitle', area))}</text>
<text x="48" y="150" font-size="40" font-weight="700" fill="#1b1f24">${esc(title)}</text>
<text x="48" y="196" font-size="26" fill="#4a5561">${esc(subtitle)}</text>
${body}
${illustrative ? `<rect x="0" y="574" width="1200" height="56" fill="#fff4ce"/><text x="48" y="611" font-size="24" font-weight="700" fill="#4d3800">⚠ ${esc(t(lang, 'illustrative'))}</text>` : ''}
</svg>`;
}

export function overviewCard(
	plan: Plan,
	province: Record<string, IndicatorValue[]>,
	years: number[],
	lang: Lang,
	illustrative: boolean
): string {
	const year = years.at(-1)!;
	const phase = currentPhase(plan, year);
	const rows = plan.indicators
		.filter((i) => i.kind === 'rate')
		.map((ind, k) => {
			const a = assess(ind, province[ind.id] ?? [], phase, year);
			const tg = phaseTarget(ind, phase.id);
			const ok = a?.status === 'met' || a?.status === 'on_track';
			const y = 270 + k * 70;
			return `<text x="48" y="${y}" font-size="30" fill="#1b1f24">${esc(ind.shortLabel[lang])}</text>
<text x="640" y="${y}" font-size="34" font-weight="700" fill="#1b1f24">${esc(formatIndicatorValue(ind, a?.current ?? null, lang))}</text>
<text x="800" y="${y}" font-size="26" fill="#4a5561">/ ${esc(tg ? formatTarget(ind, tg, lang) : '–')}</text>
<text x="920" y="${y}" font-size="28" font-weight="700" fill="${ok ? '#116329' : '#a40e26'}">${ok ? '✓' : '✗'} ${esc(statusLabel(a?.status ?? 'no_data', lang))}</text>`;
		});
	return frame(
		lang,
		plan.geography.province.name,
		areaText(lang, 'overviewTitle', plan.geography.province.name),
		`${phase.label[lang]} · ${year}`,
		rows.join('\n'),
		illustrative
	);
}

export function mapCard(
	plan: Plan,
	model: MapModel,
	communes: ProjectedLayer,
	lang: Lang,
	illustrative: boolean
): string {
	const year = model.years.at(-1)!;
	const view = mapView(model, plan, mapMeasures(plan)[0], year, 'commune');
	const cls = new Map(view.units.map((u) => [u.code, u.cls]));
	const paths = communes.shapes
		.map(
			(s) =>
				`<path d="${s.d}" fill="${cls.get(s.code) === 'yes' ? '#08519c' : '#fdae6b'}" stroke="#fff" stroke-width="0.8"/>`
		)
		.join('');
	const scale = 340 / communes.height;
	const body = `<g transform="translate(760 224) scale(${scale})">${paths}</g>
<foreignObject x="48" y="240" width="660" height="300"></foreignObject>
${wrapText(networkSentence(model, plan, year, lang), 48, 270, 30, 36, 40)}`;
	return frame(
		lang,
		plan.geography.province.name,
		t(lang, 'mapTitle'),
		t(lang, 'mapLead'),
		body,
		illustrative
	);
}

export function textCard(
	lang: Lang,
	area: Label,
	title: string,
	lead: string,
	illustrative: boolean
): string {
	return frame(lang, area, title, '', wrapText(lead, 48, 240, 30, 40, 60), illustrative);
}

function wrapText(
	text: string,
	x: number,
	y: number,
	size: number,
	lineHeight: number,
	maxChars: number
): string {
	const lines: string[] = [];
	let line = '';
	for (const w of text.split(' ')) {
		if ((line + ' ' + w).trim().length > maxChars) {
			lines.push(line);
			line = w;
		} else line = (line + ' ' + w).trim();
	}
	if (line) lines.push(line);
	return lines
		.map(
			(l, i) =>
				`<text x="${x}" y="${y + i * lineHeight}" font-size="${size}" fill="#1b1f24">${esc(l)}</text>`
		)
		.join('\n');
}
