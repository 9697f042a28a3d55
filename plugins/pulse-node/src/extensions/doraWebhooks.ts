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
  /**
   * The catalog User an annotation value names (`pagerduty.com/user-id` = `PXPGF42`): the person an on-call page
   * went to. The plugin looks the User up and passes its ref to `toBatch`; no User with the value, no responder.
   */
  responder?: { annotation: string; value: string };
  /** The events, once the plugin has found the component's ref (and the responder's, if any) in the catalog. */
  toBatch(entityRef: string, responderRef?: string): DoraEventBatch;
}

/** A delivery Pulse does not record (another event type, a state that is not final), with the reason why. */
export interface PulseDoraWebhookIgnored {
  ignored: string;
}

/** What a verified delivery says about itself, read before it is stored. */
export interface PulseDoraWebhookDelivery {
  /** The sender's id of the delivery (e.g. `X-GitHub-Delivery`): a second delivery with the same id is a duplicate. */
  id?: string;
  /** The event type as the sender names it, e.g. `deployment_status` or `incident.resolved`. */
  event?: string;
}

/** A stored delivery, as the plugin hands it back for mapping: its event type and raw body, never its headers. */
export interface PulseDoraWebhookStoredDelivery {
  event?: string;
  body: string;
}

/**
 * A tool that pushes delivery events to Pulse, served at `POST /api/pulse/webhooks/<name>`. The plugin verifies the
 * delivery through the webhook, stores it raw and answers 202; a worker then maps it, resolves the component and
 * writes the events like the DORA ingestion API (see docs/sources.md, "The inbox").
 *
 * @public
 */
export interface PulseDoraWebhook {
  /** The path segment, e.g. `github`. */
  name: string;
  /**
   * Verifies the delivery's signature, throwing `AuthenticationError` when it is missing or wrong (401, nothing
   * stored), and reads its id and event type. Must not throw for a payload it cannot map: that is `map`'s to report.
   */
  verify(request: PulseDoraWebhookRequest): Promise<PulseDoraWebhookDelivery>;
  /**
   * Maps a stored delivery. Throws `InputError` for a payload that lacks what its event type needs: the delivery is
   * then `failed` with that message. Unexpected fields are ignored.
   */
  map(delivery: PulseDoraWebhookStoredDelivery): PulseDoraWebhookEvents | PulseDoraWebhookIgnored;
}

/** @public */
export interface PulseDoraWebhooksExtensionPoint {
  addWebhook(webhook: PulseDoraWebhook): void;
}

/**
 * Lets backend modules of the `pulse` plugin receive DORA events and on-call pages from tools such as GitHub and PagerDuty.
 *
 * @public
 */
export const pulseDoraWebhooksExtensionPoint = createExtensionPoint<PulseDoraWebhooksExtensionPoint>({
  id: 'pulse.dora-webhooks',
});
