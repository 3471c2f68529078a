import type { Lang } from '$lib/domain/breakdowns';
import type { Cell } from '$lib/domain/explorer';
import { formatNumber, formatPercent } from '$lib/domain/format';
import { t } from '$lib/domain/i18n';

/** A count or rate as shown: hidden cells say so, never 0. */
export function cellText(c: Cell | undefined, lang: Lang, rate = false): string {
	if (!c) return '–';
	if (c.suppressed) return t(lang, 'suppressed');
	if (c.value === null) return '–';
	return rate ? formatPercent(c.value, lang) : formatNumber(c.value, lang);
}
