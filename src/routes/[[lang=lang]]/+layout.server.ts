import type { Lang } from '$lib/domain/breakdowns';
import type { SiteInfo } from '$lib/domain/published';
import { loadManifest, loadPlan } from '$lib/server/published';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ params }) => {
	const lang: Lang = params.lang === 'en' ? 'en' : 'vi';
	const plan = loadPlan();
	const manifest = loadManifest();
	const site: SiteInfo = {
		asOf: manifest.asOf,
		illustrative: manifest.illustrative,
		source: manifest.source,
		planTitle: plan.title,
		planShortTitle: plan.shortTitle,
		area: plan.geography.province.name,
		attribution: plan.geography.attribution,
		protectionRule: manifest.protection.rule
	};
	// Absolute link-preview URLs need the public address: SITE_URL=https://… npm run build.
	const siteUrl = (process.env.SITE_URL ?? '').replace(/\/$/, '');
	return { lang, site, siteUrl };
};
