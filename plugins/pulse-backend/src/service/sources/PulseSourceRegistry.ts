import { ConflictError, InputError } from '@backstage/errors';
import {
  PulseDoraWebhook,
  PulseDoraWebhooksExtensionPoint,
  PulseSliSource,
  PulseSliSourcesExtensionPoint,
} from '@pulse/plugin-pulse-node';

const WEBHOOK_NAME = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** What backend modules registered through the Pulse extension points, collected before the plugin starts. */
export class PulseSourceRegistry {
  readonly sliSources = new Map<string, PulseSliSource>();
  readonly webhooks = new Map<string, PulseDoraWebhook>();

  readonly sliSourcesExtension: PulseSliSourcesExtensionPoint = {
    addSliSource: source => {
      const type = source.type.toLocaleLowerCase('en-US');
      if (this.sliSources.has(type)) throw new ConflictError(`An SLI source of type '${source.type}' is already installed`);
      this.sliSources.set(type, source);
    },
  };

  readonly webhooksExtension: PulseDoraWebhooksExtensionPoint = {
    addWebhook: webhook => {
      if (!WEBHOOK_NAME.test(webhook.name)) throw new InputError(`Invalid webhook name '${webhook.name}'`);
      if (this.webhooks.has(webhook.name)) throw new ConflictError(`A webhook named '${webhook.name}' is already installed`);
      this.webhooks.set(webhook.name, webhook);
    },
  };
}
