import { unitPage } from '$lib/server/plan-pages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => unitPage(params.id, params.code);
