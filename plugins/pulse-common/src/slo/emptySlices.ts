import { SliCounts } from './budget';

/** How many slices of `sliceMs` (aligned to the epoch) start in [fromMs, toMs). */
export function slicesStartingBetween(fromMs: number, toMs: number, sliceMs: number): number {
  return Math.max(0, Math.ceil(toMs / sliceMs) - Math.ceil(fromMs / sliceMs));
}

/**
 * Timeslices counts over [fromMs, toMs) with a slice without events counting as good (OpenSLO and Nobl9 do so): every
 * slice of the range is in the total, and only slices whose events missed the slice target are bad. `withEvents`
 * counts the slices that had events, as the store returns them.
 */
export function sliceCountsWithEmptyGood(
  withEvents: SliCounts,
  range: { fromMs: number; toMs: number; sliceMs: number },
): SliCounts {
  const total = slicesStartingBetween(range.fromMs, range.toMs, range.sliceMs);
  return { good: total - (withEvents.total - withEvents.good), total };
}
