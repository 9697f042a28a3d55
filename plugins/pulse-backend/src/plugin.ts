import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { PulseStore } from '@pulse/plugin-pulse-node';
import { seedDemoData } from './demo/seedDemoData';
import { createRouter } from './service/router';

/**
 * The Pulse backend plugin: SLOs and error budgets, DORA scorecards and developer surveys on one store.
 *
 * @public
 */
export const pulsePlugin = createBackendPlugin({
  pluginId: 'pulse',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
      },
      async init({ config, database, httpAuth, httpRouter, logger }) {
        const store = await PulseStore.create({ database });

        if (config.getOptionalBoolean('pulse.demoData')) {
          await seedDemoData({ store, logger });
        }

        httpRouter.use(await createRouter({ store, httpAuth, logger }));
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
