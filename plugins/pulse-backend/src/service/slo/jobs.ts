import { PulseContext } from '../context';
import { scheduleGlobalJob } from '../scheduleGlobalJob';
import { discoverAnnotatedSlos } from './discovery';
import { deleteExpiredSloSums, rollUpSloSamples } from './rollup';

const DAY_MS = 86_400_000;

/** Job runs are evidence for operators and tests; a month of them is plenty. */
const JOB_RUN_RETENTION_DAYS = 30;

/**
 * The SLO jobs, each once across replicas: discovery from the pulse.dev/openslo annotation, roll-up of old SLI
 * samples into hourly and daily sums, and retention (expired daily sums and old job runs).
 */
export async function scheduleSloJobs(ctx: PulseContext): Promise<void> {
  const config = ctx.pulseConfig.slo;

  await scheduleGlobalJob(ctx, {
    name: 'sloDiscovery',
    defaultSchedule: { frequency: { minutes: 30 }, timeout: { minutes: 10 }, initialDelay: { seconds: 15 } },
    run: async () => {
      const result = await discoverAnnotatedSlos(ctx);
      return `${result.upserted} SLO(s) from ${result.entities} entities, ${result.skipped} skipped`;
    },
  });

  await scheduleGlobalJob(ctx, {
    name: 'sloRollup',
    defaultSchedule: { frequency: { hours: 1 }, timeout: { minutes: 30 }, initialDelay: { minutes: 5 } },
    run: async signal => {
      const result = await rollUpSloSamples(ctx, {
        nowMs: Date.now(),
        hourlyRetentionDays: config.rollup.hourlyRetentionDays,
        signal,
      });
      return (
        `${result.rolledUp} raw sample(s) before ${result.rawCutoff ?? '-'} rolled up hourly, ` +
        `${result.rolledUpHours} hourly sum(s) before ${result.hourlyCutoff ?? '-'} rolled up daily`
      );
    },
  });

  await scheduleGlobalJob(ctx, {
    name: 'sloRetention',
    defaultSchedule: { frequency: { hours: 24 }, timeout: { minutes: 30 }, initialDelay: { minutes: 10 } },
    run: async signal => {
      const nowMs = Date.now();
      const result = await deleteExpiredSloSums(ctx, {
        nowMs,
        dailyRetentionDays: config.rollup.dailyRetentionDays,
        signal,
      });
      const runs = await ctx.store.jobRuns.deleteBefore(nowMs - JOB_RUN_RETENTION_DAYS * DAY_MS);
      return `${result.droppedDays} daily sum(s) before ${result.dailyCutoff} and ${runs} job run(s) deleted`;
    },
  });
}
