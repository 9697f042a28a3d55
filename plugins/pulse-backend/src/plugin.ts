import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { pulsePermissions } from '@pulse/plugin-pulse-common';
import {
  pulseDoraWebhooksExtensionPoint,
  pulseSliSourcesExtensionPoint,
  pulseStoreServiceRef,
} from '@pulse/plugin-pulse-node';
import { seedDemoData } from './demo/seedDemoData';
import { PulseAuth } from './service/auth';
import { cachedCatalog } from './service/cachedCatalog';
import { PulseContext } from './service/context';
import { createRouter } from './service/router';
import { scheduleJobs } from './service/jobs';
import { PulseSourceRegistry } from './service/sources/PulseSourceRegistry';
import { startPulseSources } from './service/sources/startPulseSources';

/**
 * The Pulse backend plugin: SLOs and error budgets, DORA scorecards and developer surveys on one store.
 *
 * @public
 */
export const pulsePlugin = createBackendPlugin({
  pluginId: 'pulse',
  register(env) {
    const sources = new PulseSourceRegistry();
    env.registerExtensionPoint(pulseSliSourcesExtensionPoint, sources.sliSourcesExtension);
    env.registerExtensionPoint(pulseDoraWebhooksExtensionPoint, sources.webhooksExtension);

    env.registerInit({
      deps: {
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        config: coreServices.rootConfig,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        notifications: notificationService,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
        store: pulseStoreServiceRef,
        urlReader: coreServices.urlReader,
        userInfo: coreServices.userInfo,
      },
      async init(deps) {
        const ctx: PulseContext = {
          store: deps.store,
          pulseAuth: new PulseAuth(deps.httpAuth),
          auth: deps.auth,
          // Pages ask the catalog the same questions many times per request: answers are reused for seconds.
          catalog: cachedCatalog(deps.catalog),
          config: deps.config,
          logger: deps.logger,
          permissions: deps.permissions,
          scheduler: deps.scheduler,
          urlReader: deps.urlReader,
          userInfo: deps.userInfo,
          notifications: deps.notifications,
        };

        if (deps.config.getOptionalBoolean('pulse.demoData')) {
          await seedDemoData(ctx);
        }

        deps.permissionsRegistry.addPermissions(pulsePermissions);
        await scheduleJobs(ctx);
        await startPulseSources(ctx, sources, deps.httpRouter);

        deps.httpRouter.use(await createRouter(ctx));
        deps.httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
