import { PulseDelivery } from '@pulse/plugin-pulse-common';
import { DeliveryRecord } from '@pulse/plugin-pulse-node';

const iso = (ms: number) => new Date(ms).toISOString();

/** A stored delivery as the API shows it: `annotation=value` as `annotation: value`, and never the payload. */
export function deliveryView(record: DeliveryRecord): PulseDelivery {
  const waiting = record.status === 'pending' || record.status === 'parked';
  return {
    id: record.id,
    source: record.source,
    ...(record.externalId ? { externalId: record.externalId } : {}),
    ...(record.event ? { event: record.event } : {}),
    ...(record.subject ? { subject: record.subject.replace('=', ': ') } : {}),
    ...(record.entityRef ? { entityRef: record.entityRef } : {}),
    status: record.status,
    ...(record.reason ? { reason: record.reason } : {}),
    attempts: record.attempts,
    receivedAt: iso(record.receivedAt),
    ...(record.processedAt !== undefined ? { processedAt: iso(record.processedAt) } : {}),
    ...(waiting ? { nextAttemptAt: iso(record.nextAttemptAt) } : {}),
  };
}
