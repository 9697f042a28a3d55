import { SloBurnRateLookback, SloBurnRates, SLO_BURN_RATE_LOOKBACKS } from './burnRate';
import { SloSampleSpan } from './dataQuality';

/**
 * Why a lookback has no burn rate: no sample starts in it; samples, but no events in them (a quiet service); or the
 * lookback is shorter than the gap between samples, so no sample can start in it once samples are sent when their
 * interval is over (5-minute samples and the 5m lookback).
 */
export type SloBurnRateGap = 'no samples' | 'no events' | 'shorter than the sample interval';

/** The reason for each lookback whose burn rate is null; a lookback with a rate (0 included) has no entry. */
export type SloBurnRateGaps = Partial<Record<SloBurnRateLookback, SloBurnRateGap>>;

/**
 * The gap of each lookback without a burn rate. `samples` counts the samples (Timeslices: slices with events) that
 * start in each lookback. A lookback no longer than the sample interval (the time between the two newest starts) that
 * the newest sample still reaches into is "shorter than the sample interval": the data is as fresh as its granularity
 * allows. Any other lookback without samples has "no samples": the data stopped.
 */
export function sloBurnRateGaps(options: {
  burnRates: SloBurnRates;
  samples: Record<SloBurnRateLookback, number>;
  span: Pick<SloSampleSpan, 'lastMs' | 'intervalMs'>;
  nowMs: number;
}): SloBurnRateGaps {
  const { lastMs, intervalMs } = options.span;
  const gaps: SloBurnRateGaps = {};
  for (const lookback of Object.keys(SLO_BURN_RATE_LOOKBACKS) as SloBurnRateLookback[]) {
    const lookbackMs = SLO_BURN_RATE_LOOKBACKS[lookback];
    const coarse =
      lastMs !== null && intervalMs !== null && intervalMs >= lookbackMs && lastMs + intervalMs > options.nowMs - lookbackMs;
    if (options.burnRates[lookback] !== null) continue;
    if (options.samples[lookback] > 0) gaps[lookback] = 'no events';
    else gaps[lookback] = coarse ? 'shorter than the sample interval' : 'no samples';
  }
  return gaps;
}

/** "5m" -> "5 min", "1h" -> "1 h": a lookback or an interval in words. */
export function sloDurationWords(ms: number): string {
  if (ms % 86_400_000 === 0) return `${ms / 86_400_000} d`;
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000} h`;
  return `${Math.round(ms / 60_000)} min`;
}

/** A gap in words: "no data in the last 1h", "no events in the last 5m", "each sample covers 5 min: ...". */
export function sloBurnRateGapWords(lookback: SloBurnRateLookback, gap: SloBurnRateGap, sampleIntervalMs?: number | null): string {
  if (gap === 'no events') return `no events in the last ${lookback}`;
  if (gap === 'no samples') return `no data in the last ${lookback}`;
  // A sample is stamped with its interval's start and sent once the interval is over: none complete starts this late.
  const interval = sampleIntervalMs ? sloDurationWords(sampleIntervalMs) : `more than ${lookback}`;
  return `each sample covers ${interval}: no complete one starts in the last ${lookback}`;
}
