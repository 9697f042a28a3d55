import {
  SLO_BURN_RATE_LOOKBACKS,
  isCompositeSlo,
  sloObjectiveKey,
  sloThresholdOf,
  sloWindowBounds,
} from '@pulse/plugin-pulse-common';
import { PulseContext } from '../context';

const DAY_MS = 86_400_000;

/** Raw samples are kept for the SLO's window plus the longest burn-rate lookback and a day to spare. */
const RAW_MARGIN_MS = SLO_BURN_RATE_LOOKBACKS['3d'] + DAY_MS;

/** Outcome of one roll-up run, for the log. */
export interface SloRollupResult {
  /** The oldest raw cutoff of the run (the longest window's); each SLO is cut at its own. */
  rawCutoff: string | null;
  rolledUp: number;
  hourlyCutoff: string | null;
  rolledUpHours: number;
}

/** Outcome of one retention run, for the log. */
export interface SloRetentionResult {
  dailyCutoff: string;
  droppedDays: number;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Rolls each SLO's raw samples older than its own window (+ margin) into hourly sums, and hourly sums older than
 * `hourlyRetentionDays` into daily sums. The horizon is per SLO: one SLO with a long window does not keep every other
 * SLO's raw samples that long. Windows and lookbacks never reach past an SLO's raw cutoff, so reports read raw
 * samples; the sums keep the history. Stops between SLOs when the scheduler aborts the run.
 */
export async function rollUpSloSamples(
  ctx: PulseContext,
  options: { nowMs: number; hourlyRetentionDays: number; signal?: AbortSignal },
): Promise<SloRollupResult> {
  const slos = await ctx.store.slo.listAllDefinitions();
  if (slos.length === 0) return { rawCutoff: null, rolledUp: 0, hourlyCutoff: null, rolledUpHours: 0 };
  const rawCutoffOf = (definition: (typeof slos)[number]['definition']) =>
    options.nowMs - sloWindowBounds(definition.spec.timeWindow[0], options.nowMs).lengthMs - RAW_MARGIN_MS;
  const oldestCutoff = Math.min(...slos.map(({ definition }) => rawCutoffOf(definition)));
  const hourlyCutoff = options.nowMs - options.hourlyRetentionDays * DAY_MS;
  const result = { rawCutoff: iso(oldestCutoff), rolledUp: 0, hourlyCutoff: iso(hourlyCutoff), rolledUpHours: 0 };
  for (const { id, definition } of slos) {
    if (options.signal?.aborted) break;
    const rawCutoff = rawCutoffOf(definition);
    result.rolledUp += await ctx.store.slo.rollup.rollUpBefore(id, rawCutoff);
    // A threshold SLO's values become hourly counts under its one objective's threshold; in a composite SLO each
    // threshold objective's values under its own.
    const composite = isCompositeSlo(definition);
    const thresholdObjectives = composite ? definition.spec.objectives : definition.spec.objectives.slice(0, 1);
    for (const [index, objective] of thresholdObjectives.entries()) {
      const threshold = sloThresholdOf(definition, objective);
      const key = sloObjectiveKey(definition, index);
      if (threshold) result.rolledUp += await ctx.store.slo.rollup.rollUpValuesBefore(id, rawCutoff, threshold, key);
    }
    result.rolledUpHours += await ctx.store.slo.rollup.rollUpHoursBefore(id, hourlyCutoff);
  }
  return result;
}

/** Deletes daily sums older than `dailyRetentionDays`, the end of an SLO's history. */
export async function deleteExpiredSloSums(
  ctx: PulseContext,
  options: { nowMs: number; dailyRetentionDays: number; signal?: AbortSignal },
): Promise<SloRetentionResult> {
  const dailyCutoff = options.nowMs - options.dailyRetentionDays * DAY_MS;
  let droppedDays = 0;
  for (const { id } of await ctx.store.slo.listAllDefinitions()) {
    if (options.signal?.aborted) break;
    droppedDays += await ctx.store.slo.rollup.deleteRollupsBefore(id, dailyCutoff);
  }
  return { dailyCutoff: iso(dailyCutoff), droppedDays };
}
