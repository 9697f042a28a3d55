import { PulseContext } from '../context';
import { scheduleGlobalJob } from '../scheduleGlobalJob';
import { DeliveryProcessor } from './DeliveryProcessor';

/** Deliveries one run takes at most; the next run goes on. */
const DRAIN_LIMIT = 1000;

/**
 * `pulse.jobs.deliveries`: every few seconds, processes the due deliveries (new ones whose first attempt did not end,
 * retries after their back-off, parked ones on the service-id refresh), then deletes those past their retention.
 * Scope global: one replica runs it at a time, and every claim is exclusive anyway (inline attempts run beside it).
 */
export async function scheduleDeliveryJobs(ctx: PulseContext, processor: DeliveryProcessor): Promise<void> {
  await scheduleGlobalJob(ctx, {
    name: 'deliveries',
    defaultSchedule: { frequency: { seconds: 10 }, timeout: { minutes: 5 }, initialDelay: { seconds: 5 } },
    run: async signal => {
      const done = await processor.drain(DRAIN_LIMIT, signal);
      const expired = await ctx.store.deliveries.deleteExpired(Date.now());
      const counts = Object.entries(done).filter(([, n]) => n > 0).map(([status, n]) => `${n} ${status}`);
      return `deliveries: ${counts.join(', ') || 'none due'}; ${expired} expired deleted`;
    },
  });
}
