/**
 * Percentiles by linear interpolation between the closest ranks (PostgreSQL's percentile_cont, Excel's PERCENTILE.INC):
 * position h = (n - 1) p over the ascending values, interpolated between ranks floor(h) + 1 and ceil(h) + 1. The store
 * asks SQL for only the values at those two ranks (ROW_NUMBER), which works on SQLite too.
 */

/** The two 1-based ranks whose values the p-th percentile of n sorted values interpolates between. */
export function doraPercentileRanks(n: number, p: number): [number, number] {
  if (n < 1) throw new RangeError('a percentile needs at least one value');
  const h = (n - 1) * p;
  return [Math.floor(h) + 1, Math.ceil(h) + 1];
}

/** The p-th percentile of n sorted values, given the values at the ranks from doraPercentileRanks. */
export function doraInterpolatedPercentile(
  n: number,
  p: number,
  valueAtRank: (rank: number) => number | undefined,
): number {
  const [lowRank, highRank] = doraPercentileRanks(n, p);
  const low = valueAtRank(lowRank);
  const high = valueAtRank(highRank);
  if (low === undefined || high === undefined) {
    throw new RangeError(`missing the value at rank ${low === undefined ? lowRank : highRank} of ${n}`);
  }
  const fraction = (n - 1) * p - (lowRank - 1);
  return low + fraction * (high - low);
}

/** The p-th percentile of unsorted values (for small in-memory lists such as per-week deploy days). */
export function doraPercentileOf(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return doraInterpolatedPercentile(sorted.length, p, rank => sorted[rank - 1]);
}
