import type { ParamMatcher } from '@sveltejs/kit';

/** Vietnamese lives at the root; the optional [[lang]] segment only ever means English. */
export const match: ParamMatcher = (param) => param === 'en';
