import type { Lang } from '$lib/domain/breakdowns';
import type { SiteInfo } from '$lib/domain/published';
import { loadManifest, loadPlan } from '$lib/server/published';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ params, route }) => {
	const lang: Lang = params.lang === 'en' ? 'en' : 'vi';
	const plan = loadPlan();
	const manifest = loadManifest();
	// The other plans' pages carry none of the home plan's words: a page that hydrates (a plan's
	// explorer) has this data in its HTML, and its layout shows its own plan instead.
	const other = route.id?.includes('/(plans)/') ?? false;
	const none = { vi: '', en: '' };
	const site: SiteInfo = {
		asOf: manifest.asOf,
		illustrative: manifest.illustrative,
		source: other ? none : manifest.source,
		planTitle: other ? none : plan.title,
		planShortTitle: other ? none : plan.shortTitle,
		area: other ? none : plan.geography.province.name,
		attribution: other ? '' : plan.geography.attribution,
		protectionRule: manifest.protection.rule
	};
	// Absolute link-preview URLs need the public address: SITE_URL=https://… npm run build.
	const siteUrl = (process.env.SITE_URL ?? '').replace(/\/$/, '');
	return { lang, site, siteUrl };
};
