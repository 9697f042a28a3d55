import { doraPercentileOf } from './percentile';

/** Milliseconds in a day, a trend week and a deploy-frequency month (30 days). */
export const DORA_DAY_MS = 86_400_000;
export const DORA_WEEK_MS = 7 * DORA_DAY_MS;
export const DORA_MONTH_MS = 30 * DORA_DAY_MS;

/** The default window: the last 90 days. */
export const DORA_DEFAULT_WINDOW_DAYS = 90;

/**
 * How a window [from, to) splits into periods counted back from `to`: period i covers
 * [to - (i + 1) * length, to - i * length), clipped at `from`, so only the oldest period can be partial.
 */
export interface DoraPeriodCount {
  /** Periods that touch the window, including a partial oldest one. */
  count: number;
  /** Periods that lie wholly inside the window. */
  full: number;
}

export function doraPeriodCount(fromMs: number, toMs: number, lengthMs: number): DoraPeriodCount {
  const span = Math.max(0, toMs - fromMs);
  return { count: Math.ceil(span / lengthMs), full: Math.floor(span / lengthMs) };
}

/** The start and end of period `index` (0 = newest) of a window. */
export function doraPeriodBounds(
  fromMs: number,
  toMs: number,
  lengthMs: number,
  index: number,
): { start: number; end: number } {
  return { start: Math.max(fromMs, toMs - (index + 1) * lengthMs), end: toMs - index * lengthMs };
}

/**
 * The median number of deploy days per period. Periods missing from `deployDays` had none. Only full periods count,
 * so a partial oldest period cannot drag the median down; a window shorter than one period uses its partial period.
 */
export function doraMedianDeployDays(deployDays: number[], periods: DoraPeriodCount): number {
  const used = periods.full > 0 ? periods.full : periods.count;
  const counts = Array.from({ length: used }, (_, i) => deployDays[i] ?? 0);
  return doraPercentileOf(counts, 0.5) ?? 0;
}
