import { InputError } from '@backstage/errors';
import { PulseDoraWebhook, PulseDoraWebhookRequest, PulseDoraWebhookStoredDelivery } from '@pulse/plugin-pulse-node';
import { mapPagerDutyEvent } from './mapPagerDutyEvent';
import { verifyPagerDutySignature } from './signature';

/** `event.id` and `event.event_type` of a V3 payload, when the body has them. */
function envelopeOf(body: Buffer): { id?: string; event?: string } {
  try {
    const { event } = JSON.parse(body.toString('utf8'));
    const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);
    return { id: text(event?.id), event: text(event?.event_type) };
  } catch {
    return {};
  }
}

/** `POST /api/pulse/webhooks/pagerduty`: signed PagerDuty V3 incident events as DORA incidents and on-call pages. */
export class PagerDutyWebhook implements PulseDoraWebhook {
  readonly name = 'pagerduty';

  constructor(private readonly webhookSecret: string) {}

  /** The signature, then the event's own id (the same on PagerDuty's retries) and type. */
  async verify(request: PulseDoraWebhookRequest) {
    const signature = request.headers['x-pagerduty-signature'];
    verifyPagerDutySignature(this.webhookSecret, request.body, Array.isArray(signature) ? signature.join(',') : signature);
    return envelopeOf(request.body);
  }

  map({ body }: PulseDoraWebhookStoredDelivery) {
    let payload: unknown;
    try {
      payload = JSON.parse(body);
    } catch {
      throw new InputError('A PagerDuty delivery must be a JSON document');
    }
    return mapPagerDutyEvent(payload);
  }
}
