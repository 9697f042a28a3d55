import { coreServices, createBackendModule } from '@backstage/backend-plugin-api';
import { techInsightsFactRetrieversExtensionPoint } from '@backstage-community/plugin-tech-insights-node';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { pulseFactsServiceRef } from '@pulse/plugin-pulse-node';
import { PULSE_FACT_RETRIEVER_ID, pulseFactRetriever } from './pulseFactRetriever';

/**
 * Pulse facts in Tech Insights: each Component's SLO, release-gate, DORA and survey facts, read through the Pulse API
 * (pulseFactsServiceRef). It runs only when `techInsights.factRetrievers.pulseFactRetriever` sets a cadence.
 *
 * @public
 */
export const pulseTechInsightsModule = createBackendModule({
  pluginId: 'tech-insights',
  moduleId: 'pulse',
  register(reg) {
    reg.registerInit({
      deps: {
        retrievers: techInsightsFactRetrieversExtensionPoint,
        facts: pulseFactsServiceRef,
        catalog: catalogServiceRef,
        auth: coreServices.auth,
      },
      async init({ retrievers, facts, catalog, auth }) {
        const components = async () => {
          const { items } = await catalog.getEntities(
            { filter: { kind: 'component' }, fields: ['kind', 'metadata.namespace', 'metadata.name'] },
            { credentials: await auth.getOwnServiceCredentials() },
          );
          return items.map(e => ({ kind: e.kind, namespace: e.metadata.namespace ?? 'default', name: e.metadata.name }));
        };
        retrievers.addFactRetrievers({ [PULSE_FACT_RETRIEVER_ID]: pulseFactRetriever({ facts, components }) });
      },
    });
  },
});
