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
      deps: { config: coreServices.rootConfig, logger: coreServices.logger, webhooks: pulseDoraWebhooksExtensionPoint },
      async init({ config, logger, webhooks }) {
        const githubConfig = readGithubWebhookConfig(config);
        if (!githubConfig) {
          logger.warn('pulse.github.webhookSecret is not set: the GitHub webhook is not served');
          return;
        }
        webhooks.addWebhook(new GithubWebhook(githubConfig));
      },
    });
  },
});
