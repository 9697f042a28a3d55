import { LoggerService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { deliveryRetryDelayMs } from '@pulse/plugin-pulse-common';
import { ClaimedDelivery, DeliveryOutcome, DoraCountingRules, PulseStore } from '@pulse/plugin-pulse-node';
import { DeliveriesConfig } from './config';
import { DeliveryHandler } from './DeliveryHandler';

/** How long a worker holds a delivery; past it, another worker may take it over (the first one died). */
const LEASE_MS = 5 * 60_000;

/** What one drain did, by outcome. */
export type DrainSummary = Record<DeliveryOutcome['status'] | 'deferred', number>;

/** An error the same payload would raise again: retrying cannot help. */
const isPermanent = (error: unknown) =>
  error instanceof InputError || error instanceof SyntaxError || (error as Error)?.name === 'InputError';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 2000);

/**
 * Processes stored deliveries: maps, places on a component, writes the DORA events and on-call pages, records the outcome. The events
 * are written before the outcome: a crash in between leaves the delivery claimed until its lease ends, and the
 * replay writes the same ids again (upserts), so nothing is counted twice.
 */
export class DeliveryProcessor {
  constructor(
    private readonly store: PulseStore,
    private readonly handlers: ReadonlyMap<string, DeliveryHandler>,
    private readonly rules: DoraCountingRules & { serviceIdRefreshMs: number },
    private readonly config: DeliveriesConfig,
    private readonly logger: LoggerService,
  ) {}

  /** Processes one delivery now if it is due and not held back behind an older one of its subject. */
  async processNow(id: number, now = Date.now()): Promise<void> {
    const claim = await this.store.deliveries.claim(id, now, LEASE_MS);
    if (claim) await this.process(claim, now);
  }

  /** Processes due deliveries, oldest first, until none is left, `limit` were taken or the run is aborted. */
  async drain(limit: number, signal?: AbortSignal, now: () => number = Date.now): Promise<DrainSummary> {
    const summary: DrainSummary = { processed: 0, ignored: 0, parked: 0, failed: 0, pending: 0, deferred: 0 };
    for (let taken = 0; taken < limit && !signal?.aborted; taken++) {
      const claim = await this.store.deliveries.claimNext(now(), LEASE_MS);
      if (!claim) break;
      summary[await this.process(claim, now())] += 1;
    }
    return summary;
  }

  private async process(claim: ClaimedDelivery, now: number): Promise<keyof DrainSummary> {
    const { delivery } = claim;
    let outcome: DeliveryOutcome;
    try {
      const handler = this.handlers.get(delivery.source);
      if (!handler) throw new InputError(`No source '${delivery.source}' is installed`);
      const mapped = handler.map({ event: delivery.event, payload: delivery.payload });
      if ('ignored' in mapped) {
        outcome = { status: 'ignored', reason: mapped.ignored };
      } else {
        const entityRef = await mapped.find();
        if (!entityRef) {
          outcome = { status: 'parked', reason: mapped.unplaced, recheckAt: now + this.rules.serviceIdRefreshMs };
        } else if (await this.store.deliveries.unparkOlder(mapped.subject, delivery.id, now)) {
          // Older deliveries of this entity were parked: they go first, in arrival order.
          await this.store.deliveries.release(claim, now);
          return 'deferred';
        } else {
          const batch = mapped.toBatch(entityRef, await mapped.findResponder?.());
          await this.store.dora.ingest(batch, this.rules);
          // Pages are upserts too: a replay after a crash between the two writes changes nothing.
          if (batch.pages?.length) await this.store.oncall.ingest(batch.pages);
          outcome = { status: 'processed', entityRef };
        }
      }
    } catch (error) {
      outcome = this.outcomeOfError(delivery.attempts, error, now);
    }
    if (!(await this.store.deliveries.settle(claim, outcome, now))) {
      this.logger.warn(`Pulse delivery ${delivery.id}: the lease ended before it was settled; another worker has it`);
    }
    return outcome.status;
  }

  private outcomeOfError(attempts: number, error: unknown, now: number): DeliveryOutcome {
    const reason = messageOf(error);
    if (isPermanent(error)) return { status: 'failed', reason };
    if (attempts + 1 >= this.config.maxAttempts) return { status: 'failed', reason: `${reason} (after ${attempts + 1} attempts)` };
    return { status: 'pending', reason, retryAt: now + deliveryRetryDelayMs(attempts, this.config.retryBackoffMs) };
  }
}
