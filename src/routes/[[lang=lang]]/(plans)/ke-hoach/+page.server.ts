import { catalogue } from '$lib/server/plan-pages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({ entries: catalogue() });
