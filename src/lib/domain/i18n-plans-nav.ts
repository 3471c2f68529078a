/**
 * The catalogue's name in the site's header and footer, and the plans' site name, apart from
 * i18n-plans.ts so the pages that hydrate (Kon Tum's) carry these words, not the plan pages' whole
 * dictionary.
 */
import type { Label } from './breakdowns';

export const plansNavLabel: Label = { vi: 'Các kế hoạch', en: 'Plans' };

export const plansSiteTitle: Label = {
	vi: 'Theo dõi các kế hoạch hỗ trợ trẻ em khuyết tật',
	en: 'Monitoring plans for children with disabilities'
};
