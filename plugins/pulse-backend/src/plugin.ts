import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
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
import { cachedCatalog } from './service/catalog/cachedCatalog';
import { PulseCatalog } from './service/catalog/PulseCatalog';
import { assertNoCommittedSecrets } from './service/config/committedSecrets';
import { readPulseConfig } from './service/config/readPulseConfig';
import { PulseContext } from './service/context';
import { registerPulseActions } from './service/actions/registerPulseActions';
import { readinessChecksServiceRef } from './service/health/readinessChecks';
import { createRouter } from './service/router';
import { scheduleJobs } from './service/jobs';
import { createPulseServices } from './service/services';
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
        actionsRegistry: actionsRegistryServiceRef,
        auditor: coreServices.auditor,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        config: coreServices.rootConfig,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
        notifications: notificationService,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        readinessChecks: readinessChecksServiceRef,
        scheduler: coreServices.scheduler,
        store: pulseStoreServiceRef,
        urlReader: coreServices.urlReader,
        userInfo: coreServices.userInfo,
      },
      async init(deps) {
        assertNoCommittedSecrets(deps.config);
        // Pages ask the catalog the same questions many times per request: answers are reused for seconds.
        const catalog = cachedCatalog(deps.catalog);
        const ctx: PulseContext = {
          store: deps.store,
          pulseAuth: new PulseAuth(deps.httpAuth),
          auth: deps.auth,
          auditor: deps.auditor,
          catalog,
          pulseCatalog: new PulseCatalog(catalog, deps.auth),
          config: deps.config,
          pulseConfig: readPulseConfig(deps.config, deps.logger),
          logger: deps.logger,
          permissions: deps.permissions,
          scheduler: deps.scheduler,
          urlReader: deps.urlReader,
          userInfo: deps.userInfo,
          notifications: deps.notifications,
        };

        const services = createPulseServices(ctx);
        // Stored at start, so no request is the one that writes it; a failure is logged and retried per request.
        await services.defaultTemplate.ready().catch(() => undefined);
        if (ctx.pulseConfig.demoData) {
          await seedDemoData(ctx, services);
        }

        deps.permissionsRegistry.addPermissions(pulsePermissions);
        registerPulseActions(deps.actionsRegistry, ctx, services);
        await scheduleJobs(ctx, services);
        await startPulseSources(ctx, sources, deps.httpRouter);

        deps.httpRouter.use(await createRouter(ctx, services));
        deps.httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
        // The backend's readiness probe fails while the store cannot answer or lacks migrations.
        deps.readinessChecks.add('pulse-store', async () => {
          const { pending } = (await deps.store.health()).migrations;
          if (pending.length > 0) throw new Error(`${pending.length} migration(s) pending`);
        });
      },
    });
  },
});
