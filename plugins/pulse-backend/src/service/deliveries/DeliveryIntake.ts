import { PulseDeliveryReceipt } from '@pulse/plugin-pulse-common';
import { PulseStore } from '@pulse/plugin-pulse-node';
import { DeliveriesConfig } from './config';
import { DeliveryHandler, subjectOf } from './DeliveryHandler';
import { DeliveryProcessor } from './DeliveryProcessor';
import { deliveryView } from './deliveryView';

const DAY_MS = 86_400_000;

/** How long an answer waits for the first processing attempt before saying `pending` (senders time out at 10 s). */
const INLINE_WAIT_MS = 5_000;

/** A verified delivery, about to be stored. */
export interface IncomingDelivery {
  externalId?: string;
  event?: string;
  payload: string;
}

/**
 * Stores each delivery raw before anything else happens to it, then gives it one processing attempt while the sender
 * waits (bounded), so that the answer usually tells what became of it. Whatever that attempt does, the delivery is
 * stored: the worker retries it.
 */
export class DeliveryIntake {
  constructor(
    private readonly store: PulseStore,
    private readonly processor: DeliveryProcessor,
    private readonly config: DeliveriesConfig,
  ) {}

  /**
   * Stores the deliveries in their order (a duplicate by sender id is not stored again), then tries the new ones in
   * that order while the shared wait lasts.
   */
  async receive(handler: DeliveryHandler, incoming: IncomingDelivery[], now = Date.now()): Promise<PulseDeliveryReceipt[]> {
    const retentionDays = this.config.retentionDays.bySource[handler.source] ?? this.config.retentionDays.default;
    const stored = [];
    for (const delivery of incoming) {
      stored.push(
        await this.store.deliveries.receive({
          source: handler.source,
          externalId: delivery.externalId,
          event: delivery.event,
          subject: subjectOf(handler, delivery),
          payload: delivery.payload,
          receivedAt: now,
          expiresAt: now + retentionDays * DAY_MS,
        }),
      );
    }
    const deadline = Date.now() + INLINE_WAIT_MS;
    for (const { delivery, duplicate } of stored) {
      if (!duplicate && Date.now() < deadline) await this.attempt(delivery.id, deadline);
    }
    const receipts = [];
    for (const { delivery, duplicate } of stored) {
      receipts.push({ ...deliveryView((await this.store.deliveries.get(delivery.id)) ?? delivery), duplicate });
    }
    return receipts;
  }

  /** Queues a stored delivery again and tries it at once; undefined when there is no such delivery. */
  async retry(id: number) {
    const queued = await this.store.deliveries.requeue(id, Date.now());
    if (!queued) return undefined;
    await this.attempt(id, Date.now() + INLINE_WAIT_MS);
    return deliveryView((await this.store.deliveries.get(id)) ?? queued);
  }

  /** One attempt, waited for until the deadline; it goes on in the background past that. */
  private async attempt(id: number, deadline: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const attempt = this.processor.processNow(id).catch(() => undefined); // the worker retries: nothing is lost
    const timeout = new Promise<void>(resolve => {
      timer = setTimeout(resolve, Math.max(0, deadline - Date.now()));
    });
    await Promise.race([attempt, timeout]);
    clearTimeout(timer);
  }
}
