import { RootConfigService } from '@backstage/backend-plugin-api';

/** `pulse.github` with its defaults applied. */
export interface GithubWebhookConfig {
  webhookSecret: string;
  /** Lower-cased. */
  incidentLabel: string;
}

export function readGithubWebhookConfig(config: RootConfigService): GithubWebhookConfig {
  return {
    webhookSecret: config.getString('pulse.github.webhookSecret'),
    incidentLabel: (config.getOptionalString('pulse.github.incidentLabel') ?? 'incident').toLocaleLowerCase('en-US'),
  };
}
