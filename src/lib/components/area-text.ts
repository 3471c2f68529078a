/**
 * Site titles name the plan's area ("tỉnh Kon Tum"), taken from the plan the page was built
 * from (layout data `site.area`), never written into the dictionary.
 */
import { page } from '$app/state';
import type { Lang } from '$lib/domain/breakdowns';
import { areaText, type MessageKey } from '$lib/domain/i18n';
import type { SiteInfo } from '$lib/domain/published';

export function areaT(lang: Lang, key: MessageKey): string {
	const site = page.data.site as SiteInfo | undefined;
	return areaText(lang, key, site?.area);
}
