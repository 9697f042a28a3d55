import { coreServices, createBackendModule } from '@backstage/backend-plugin-api';
import { pulseSliSourcesExtensionPoint } from '@pulse/plugin-pulse-node';
import { readPrometheusSourceConfig } from './config';
import { PrometheusSliSource } from './PrometheusSliSource';

/**
 * Fills SLOs whose OpenSLO indicator queries Prometheus, on a schedule, through `/api/v1/query_range`.
 *
 * @public
 */
export const pulseModulePrometheus = createBackendModule({
  pluginId: 'pulse',
  moduleId: 'prometheus',
  register(env) {
    env.registerInit({
      deps: { config: coreServices.rootConfig, sliSources: pulseSliSourcesExtensionPoint },
      async init({ config, sliSources }) {
        sliSources.addSliSource(new PrometheusSliSource(readPrometheusSourceConfig(config)));
      },
    });
  },
});
