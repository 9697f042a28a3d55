import { SloBurnRateLookback, SloBurnRates, SLO_BURN_RATE_LOOKBACKS } from './burnRate';
import { SloBurnRateGaps, sloBurnRateGapWords } from './burnRateGaps';
import { sloTimeToExhaustionSeconds } from './status';

/** The burn rate whose pace time to exhaustion is projected at. */
export const SLO_EXHAUSTION_LOOKBACK: SloBurnRateLookback = '1h';

/** The lookbacks that must hold samples before "not burning" may be said: the projection's and the shorter ones. */
export const SLO_EXHAUSTION_SHORT_LOOKBACKS: readonly SloBurnRateLookback[] = (
  Object.keys(SLO_BURN_RATE_LOOKBACKS) as SloBurnRateLookback[]
).filter(lookback => SLO_BURN_RATE_LOOKBACKS[lookback] <= SLO_BURN_RATE_LOOKBACKS[SLO_EXHAUSTION_LOOKBACK]);

/** When the budget runs out at the current pace, and whether that can be known. */
export type SloExhaustion =
  | { state: 'exhausted' }
  | { state: 'burning'; seconds: number; lookback: SloBurnRateLookback }
  | { state: 'not burning'; lookback: SloBurnRateLookback }
  | { state: 'unknown'; reason: string };

/**
 * Time to exhaustion at the 1h pace, honest about missing data: unknown without data in the window or without a
 * sample in the last 1h (old samples say nothing about now); "not burning" only when the 1h burn rate is 0 (or its
 * samples hold no events) AND every shorter lookback holds samples, so each burns below 1. A shorter lookback than
 * the sample interval, which the newest sample still reaches into, cannot hold a complete sample and is not required.
 */
export function sloExhaustion(options: {
  remainingFraction: number | null;
  windowLengthMs: number;
  burnRates: SloBurnRates;
  gaps: SloBurnRateGaps;
  sampleIntervalMs: number | null;
}): SloExhaustion {
  const { remainingFraction, gaps } = options;
  if (remainingFraction === null) return { state: 'unknown', reason: 'no data in the window' };
  if (remainingFraction <= 0) return { state: 'exhausted' };
  const lookback = SLO_EXHAUSTION_LOOKBACK;
  const gap = gaps[lookback];
  if (gap && gap !== 'no events') {
    return { state: 'unknown', reason: sloBurnRateGapWords(lookback, gap, options.sampleIntervalMs) };
  }
  const missing = SLO_EXHAUSTION_SHORT_LOOKBACKS.filter(l => gaps[l] === 'no samples');
  const seconds = sloTimeToExhaustionSeconds({
    remainingFraction,
    windowLengthMs: options.windowLengthMs,
    burnRate: options.burnRates[lookback],
  });
  if (seconds !== null) return { state: 'burning', seconds, lookback };
  // The longest shorter lookback without samples names the gap: data stopped before it began.
  const longestMissing = missing[missing.length - 1];
  if (longestMissing) return { state: 'unknown', reason: sloBurnRateGapWords(longestMissing, 'no samples') };
  return { state: 'not burning', lookback };
}

/** The seconds of an exhaustion: 0 once exhausted, null unless burning (the report's `timeToExhaustion`). */
export function sloExhaustionSeconds(exhaustion: SloExhaustion): number | null {
  if (exhaustion.state === 'exhausted') return 0;
  return exhaustion.state === 'burning' ? exhaustion.seconds : null;
}
