import { RootConfigService } from '@backstage/backend-plugin-api';

/** `pulse.github` with its defaults applied. */
export interface GithubWebhookConfig {
  webhookSecret: string;
  /** Lower-cased. */
  incidentLabel: string;
}

/** The config, or undefined when no webhook secret is set (the webhook is then not served). */
export function readGithubWebhookConfig(config: RootConfigService): GithubWebhookConfig | undefined {
  const webhookSecret = config.getOptionalString('pulse.github.webhookSecret');
  if (!webhookSecret) return undefined;
  return {
    webhookSecret,
    incidentLabel: (config.getOptionalString('pulse.github.incidentLabel') ?? 'incident').toLocaleLowerCase('en-US'),
  };
}
