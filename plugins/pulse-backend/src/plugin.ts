import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { pulsePermissions } from '@pulse/plugin-pulse-common';
import { pulseStoreServiceRef } from '@pulse/plugin-pulse-node';
import { seedDemoData } from './demo/seedDemoData';
import { PulseAuth } from './service/auth';
import { PulseContext } from './service/context';
import { createRouter } from './service/router';
import { scheduleJobs } from './service/jobs';

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
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        config: coreServices.rootConfig,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
        store: pulseStoreServiceRef,
        urlReader: coreServices.urlReader,
      },
      async init(deps) {
        const ctx: PulseContext = {
          store: deps.store,
          pulseAuth: new PulseAuth(deps.httpAuth),
          auth: deps.auth,
          catalog: deps.catalog,
          config: deps.config,
          logger: deps.logger,
          permissions: deps.permissions,
          scheduler: deps.scheduler,
          urlReader: deps.urlReader,
        };

        if (deps.config.getOptionalBoolean('pulse.demoData')) {
          await seedDemoData(ctx);
        }

        deps.permissionsRegistry.addPermissions(pulsePermissions);
        await scheduleJobs(ctx);

        deps.httpRouter.use(await createRouter(ctx));
        deps.httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
