import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { DoraEventBatch } from '../store/DoraTypes';

/** One webhook delivery as received: its headers (lower-cased names) and the raw body its signature covers. */
export interface PulseDoraWebhookRequest {
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** DORA events of one delivery, for the component that an annotation value names. */
export interface PulseDoraWebhookEvents {
  /** The annotation and value that name the component, e.g. `github.com/project-slug` = `acme/checkout`. */
  entity: { annotation: string; value: string };
  /** The events, once the plugin has found the component's ref in the catalog. */
  toBatch(entityRef: string): DoraEventBatch;
}

/** A delivery Pulse does not record (another event type, a state that is not final), with the reason why. */
export interface PulseDoraWebhookIgnored {
  ignored: string;
}

/**
 * A tool that pushes delivery events to Pulse, served at `POST /api/pulse/webhooks/<name>`. The webhook verifies and
 * maps; the plugin resolves the component, writes the events like the DORA ingestion API, and answers.
 *
 * @public
 */
export interface PulseDoraWebhook {
  /** The path segment, e.g. `github`. */
  name: string;
  /**
   * Verifies the delivery's signature, throwing `AuthenticationError` when it is missing or wrong (401, nothing
   * stored), and maps the payload. Throws `InputError` for a payload that is not what its event type promises.
   */
  receive(request: PulseDoraWebhookRequest): Promise<PulseDoraWebhookEvents | PulseDoraWebhookIgnored>;
}

/** @public */
export interface PulseDoraWebhooksExtensionPoint {
  addWebhook(webhook: PulseDoraWebhook): void;
}

/**
 * Lets backend modules of the `pulse` plugin receive DORA events from tools such as GitHub and PagerDuty.
 *
 * @public
 */
export const pulseDoraWebhooksExtensionPoint = createExtensionPoint<PulseDoraWebhooksExtensionPoint>({
  id: 'pulse.dora-webhooks',
});
