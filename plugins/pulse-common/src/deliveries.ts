/**
 * Where a delivery stands: `pending` until processed (with `reason` the last error while retries go on), `processed`
 * once its events are written, `ignored` when nothing in it is used (`reason` says why), `parked` while no component
 * carries what it names, `failed` when it cannot be processed as it is (`reason` is the error).
 */
export type PulseDeliveryStatus = 'pending' | 'processed' | 'ignored' | 'parked' | 'failed';

export const PULSE_DELIVERY_STATUSES: readonly PulseDeliveryStatus[] = ['pending', 'processed', 'ignored', 'parked', 'failed'];

/** One delivery as the deliveries page and the intake answers show it: never its payload, headers or signature. */
export interface PulseDelivery {
  id: number;
  /** `github`, `pagerduty`, `cdevents`, ... */
  source: string;
  /** The sender's id of the delivery, by which duplicates are recognised. */
  externalId?: string;
  /** The event type as the sender names it. */
  event?: string;
  /** What the delivery names, e.g. `github.com/project-slug: acme/checkout`. */
  subject?: string;
  /** The component it was placed on. */
  entityRef?: string;
  status: PulseDeliveryStatus;
  reason?: string;
  attempts: number;
  /** ISO 8601 instants. */
  receivedAt: string;
  processedAt?: string;
  /** When a pending or parked delivery is next tried. */
  nextAttemptAt?: string;
}

/** `POST /webhooks/:name` and, per event, `POST /events`: the stored delivery, and whether it was one already. */
export interface PulseDeliveryReceipt extends PulseDelivery {
  duplicate: boolean;
}

/** `GET /deliveries`: a page, newest first. */
export interface PulseDeliveryPage {
  items: PulseDelivery[];
  total: number;
  limit: number;
  offset: number;
}

/** The longest wait between two attempts at a delivery. */
export const MAX_DELIVERY_RETRY_DELAY_MS = 3_600_000;

/** Exponential back-off: the wait after the `failedAttempts`+1-th failure is base x 2^failedAttempts, at most an hour. */
export function deliveryRetryDelayMs(failedAttempts: number, baseMs: number): number {
  return Math.min(baseMs * 2 ** Math.min(failedAttempts, 30), MAX_DELIVERY_RETRY_DELAY_MS);
}
