import { PulseContext } from '../service/context';
import { PulseServices } from '../service/services';
import { seedDecisionsDemo } from './decisionsDemo';
import { seedDoraDemo } from './doraDemo';
import { seedOncallDemo } from './oncallDemo';
import { seedOutcomesDemo } from './outcomesDemo';
import { seedSloDemo } from './sloDemo';
import { seedSurveyDemo } from './surveyDemo';

/**
 * Fills an empty store with 90 days of realistic demo data for the entities in `examples/`, so a new portal shows
 * Pulse populated. Never runs on a store that already holds data.
 */
export async function seedDemoData(ctx: PulseContext, services: PulseServices, now = new Date()): Promise<void> {
  if (!(await ctx.store.isEmpty())) {
    ctx.logger.info('Pulse demo data: the store already holds data, not seeding');
    return;
  }
  ctx.logger.info('Pulse demo data: seeding 90 days for the example entities');
  await seedSloDemo(ctx, now);
  await seedDoraDemo(ctx, now);
  await seedSurveyDemo(ctx, now);
  await seedDecisionsDemo(ctx, services.gate, now);
  await seedOncallDemo(ctx, now);
  await seedOutcomesDemo(ctx, now);
}
