import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { PulseStore } from '../store/PulseStore';

/**
 * The Pulse store of the `pulse` plugin, shared by the plugin and its modules (data sources, webhooks): one knex client
 * on the plugin's database, migrated once.
 *
 * @public
 */
export const pulseStoreServiceRef = createServiceRef<PulseStore>({
  id: 'pulse.store',
  scope: 'plugin',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: { database: coreServices.database },
      factory: ({ database }) => PulseStore.create({ database }),
    }),
});
