import { InputError } from '@backstage/errors';
import { PulseDoraWebhook, PulseDoraWebhookRequest, PulseDoraWebhookStoredDelivery } from '@pulse/plugin-pulse-node';
import { GithubWebhookConfig } from './config';
import { mapGithubEvent } from './mapGithubEvent';
import { verifyGithubSignature } from './signature';

const header = (request: PulseDoraWebhookRequest, name: string) => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** `POST /api/pulse/webhooks/github`: signed GitHub deliveries as DORA deployments, changes and incidents. */
export class GithubWebhook implements PulseDoraWebhook {
  readonly name = 'github';

  constructor(private readonly config: GithubWebhookConfig) {}

  /** The signature, then `X-GitHub-Delivery` (GitHub keeps it on a redelivery) and `X-GitHub-Event`. */
  async verify(request: PulseDoraWebhookRequest) {
    await verifyGithubSignature(this.config.webhookSecret, request.body, header(request, 'x-hub-signature-256'));
    return { id: header(request, 'x-github-delivery'), event: header(request, 'x-github-event') };
  }

  map({ event, body }: PulseDoraWebhookStoredDelivery) {
    if (!event) throw new InputError('Missing X-GitHub-Event header');
    let payload: unknown;
    try {
      payload = JSON.parse(body);
    } catch {
      throw new InputError('GitHub deliveries must use content type application/json');
    }
    return mapGithubEvent(event, payload, this.config.incidentLabel);
  }
}
