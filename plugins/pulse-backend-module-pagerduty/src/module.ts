import { coreServices, createBackendModule } from '@backstage/backend-plugin-api';
import { pulseDoraWebhooksExtensionPoint } from '@pulse/plugin-pulse-node';
import { PagerDutyWebhook } from './PagerDutyWebhook';

/**
 * Receives PagerDuty V3 webhooks at `POST /api/pulse/webhooks/pagerduty` for the DORA incident metrics and on-call health.
 *
 * @public
 */
export const pulseModulePagerDuty = createBackendModule({
  pluginId: 'pulse',
  moduleId: 'pagerduty',
  register(env) {
    env.registerInit({
      deps: { config: coreServices.rootConfig, logger: coreServices.logger, webhooks: pulseDoraWebhooksExtensionPoint },
      async init({ config, logger, webhooks }) {
        const webhookSecret = config.getOptionalString('pulse.pagerduty.webhookSecret');
        if (!webhookSecret) {
          logger.warn('pulse.pagerduty.webhookSecret is not set: the PagerDuty webhook is not served');
          return;
        }
        webhooks.addWebhook(new PagerDutyWebhook(webhookSecret));
      },
    });
  },
});
