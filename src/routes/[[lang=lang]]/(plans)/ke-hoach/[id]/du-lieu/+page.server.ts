import { dataPage } from '$lib/server/plan-pages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => dataPage(params.id);
