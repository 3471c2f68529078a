import { overviewPage } from '$lib/server/plan-pages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => overviewPage(params.id);
