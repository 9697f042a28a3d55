import { InputError } from '@backstage/errors';
import { PulseDoraWebhook, PulseDoraWebhookRequest } from '@pulse/plugin-pulse-node';
import { mapPagerDutyEvent } from './mapPagerDutyEvent';
import { verifyPagerDutySignature } from './signature';

/** `POST /api/pulse/webhooks/pagerduty`: signed PagerDuty V3 incident events as DORA incidents. */
export class PagerDutyWebhook implements PulseDoraWebhook {
  readonly name = 'pagerduty';

  constructor(private readonly webhookSecret: string) {}

  async receive(request: PulseDoraWebhookRequest) {
    const signature = request.headers['x-pagerduty-signature'];
    verifyPagerDutySignature(this.webhookSecret, request.body, Array.isArray(signature) ? signature.join(',') : signature);
    let payload: unknown;
    try {
      payload = JSON.parse(request.body.toString('utf8'));
    } catch {
      throw new InputError('A PagerDuty delivery must be a JSON document');
    }
    return mapPagerDutyEvent(payload);
  }
}
