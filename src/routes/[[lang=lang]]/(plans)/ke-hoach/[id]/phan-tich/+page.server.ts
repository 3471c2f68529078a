import { explorePage } from '$lib/server/plan-explore';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => explorePage(params.id);
