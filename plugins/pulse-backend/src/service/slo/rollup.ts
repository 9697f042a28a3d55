import { SLO_BURN_RATE_LOOKBACKS, sloWindowBounds } from '@pulse/plugin-pulse-common';
import { PulseContext } from '../context';

const DAY_MS = 86_400_000;

/** Raw samples are kept for the longest window plus the longest burn-rate lookback and a day to spare. */
const RAW_MARGIN_MS = SLO_BURN_RATE_LOOKBACKS['3d'] + DAY_MS;

/** Outcome of one roll-up run, for the log. */
export interface SloRollupResult {
  rawCutoff: string | null;
  rolledUp: number;
  droppedRollups: number;
}

/**
 * Rolls raw samples older than the longest window in use (+ margin) into hourly sums, and drops hourly sums older
 * than the retention. Windows never reach past the raw cutoff, so reports always read raw samples.
 */
export async function rollUpSloSamples(
  ctx: PulseContext,
  options: { nowMs: number; hourlyRetentionDays: number },
): Promise<SloRollupResult> {
  const slos = await ctx.store.slo.listAllDefinitions();
  if (slos.length === 0) return { rawCutoff: null, rolledUp: 0, droppedRollups: 0 };
  const longestWindowMs = Math.max(
    ...slos.map(({ definition }) => sloWindowBounds(definition.spec.timeWindow[0], options.nowMs).lengthMs),
  );
  const rawCutoff = options.nowMs - longestWindowMs - RAW_MARGIN_MS;
  const rollupCutoff = options.nowMs - options.hourlyRetentionDays * DAY_MS;
  const result: SloRollupResult = { rawCutoff: new Date(rawCutoff).toISOString(), rolledUp: 0, droppedRollups: 0 };
  for (const { id } of slos) {
    result.rolledUp += await ctx.store.slo.rollup.rollUpBefore(id, rawCutoff);
    result.droppedRollups += await ctx.store.slo.rollup.deleteRollupsBefore(id, rollupCutoff);
  }
  return result;
}
