import { coreServices, createBackendModule } from '@backstage/backend-plugin-api';
import { pulseDoraWebhooksExtensionPoint } from '@pulse/plugin-pulse-node';
import { PagerDutyWebhook } from './PagerDutyWebhook';

/**
 * Receives PagerDuty V3 webhooks at `POST /api/pulse/webhooks/pagerduty` for the DORA incident metrics.
 *
 * @public
 */
export const pulseModulePagerDuty = createBackendModule({
  pluginId: 'pulse',
  moduleId: 'pagerduty',
  register(env) {
    env.registerInit({
      deps: { config: coreServices.rootConfig, webhooks: pulseDoraWebhooksExtensionPoint },
      async init({ config, webhooks }) {
        webhooks.addWebhook(new PagerDutyWebhook(config.getString('pulse.pagerduty.webhookSecret')));
      },
    });
  },
});
