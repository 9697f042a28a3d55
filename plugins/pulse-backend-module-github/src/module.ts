import { coreServices, createBackendModule } from '@backstage/backend-plugin-api';
import { pulseDoraWebhooksExtensionPoint } from '@pulse/plugin-pulse-node';
import { readGithubWebhookConfig } from './config';
import { GithubWebhook } from './GithubWebhook';

/**
 * Receives GitHub webhooks at `POST /api/pulse/webhooks/github` for the DORA metrics.
 *
 * @public
 */
export const pulseModuleGithub = createBackendModule({
  pluginId: 'pulse',
  moduleId: 'github',
  register(env) {
    env.registerInit({
      deps: { config: coreServices.rootConfig, webhooks: pulseDoraWebhooksExtensionPoint },
      async init({ config, webhooks }) {
        webhooks.addWebhook(new GithubWebhook(readGithubWebhookConfig(config)));
      },
    });
  },
});
