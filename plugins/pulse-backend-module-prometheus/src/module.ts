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
      deps: { config: coreServices.rootConfig, logger: coreServices.logger, sliSources: pulseSliSourcesExtensionPoint },
      async init({ config, logger, sliSources }) {
        const prometheusConfig = readPrometheusSourceConfig(config);
        if (!prometheusConfig.defaultBaseUrl && prometheusConfig.baseUrls.size === 0) {
          logger.info('No pulse.prometheus.baseUrl or sources are set: SLOs are not filled from Prometheus');
          return;
        }
        sliSources.addSliSource(new PrometheusSliSource(prometheusConfig));
      },
    });
  },
});
