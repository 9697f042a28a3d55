import { PulseContext } from '../context';
import { readSloConfig } from './config';
import { discoverAnnotatedSlos } from './discovery';
import { rollUpSloSamples } from './rollup';

/** SLO discovery from the pulse.dev/openslo annotation and roll-up of old SLI samples, once across replicas. */
export async function scheduleSloJobs(ctx: PulseContext): Promise<void> {
  const config = readSloConfig(ctx.config);

  await ctx.scheduler.scheduleTask({
    id: 'pulse-slo-discovery',
    scope: 'global',
    ...config.discovery.schedule,
    fn: async () => {
      const result = await discoverAnnotatedSlos(ctx);
      ctx.logger.info(
        `Pulse SLO discovery: ${result.upserted} SLO(s) from ${result.entities} entities, ${result.skipped} skipped`,
      );
    },
  });

  await ctx.scheduler.scheduleTask({
    id: 'pulse-slo-rollup',
    scope: 'global',
    ...config.rollup.schedule,
    fn: async () => {
      const result = await rollUpSloSamples(ctx, {
        nowMs: Date.now(),
        hourlyRetentionDays: config.rollup.hourlyRetentionDays,
      });
      ctx.logger.info(
        `Pulse SLO roll-up: ${result.rolledUp} raw sample(s) before ${result.rawCutoff ?? '-'} rolled up, ${result.droppedRollups} hourly sum(s) dropped`,
      );
    },
  });
}
