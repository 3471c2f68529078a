/**
 * npm run generate:shape: writes src/lib/domain/home-plan-shape.generated.json from the home plan
 * (data/site.json, or PLAN): its breakdowns, count columns, bounds and rates, which the home
 * pages' code reads (src/lib/pipeline/home-plan-shape.ts). A step of `npm run build`.
 */
import { writeHomePlanShape } from '../src/lib/pipeline/home-plan-shape';

const { file, changed } = writeHomePlanShape();
console.log(`Home plan shape: ${file} ${changed ? 'written' : 'unchanged'}.`);
