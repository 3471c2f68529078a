/**
 * The catalogue's name in the site's header and footer, apart from i18n-plans.ts so the pages
 * that hydrate (Kon Tum's) carry these two words, not the plan pages' whole dictionary.
 */
import type { Label } from './breakdowns';

export const plansNavLabel: Label = { vi: 'Các kế hoạch', en: 'Plans' };
