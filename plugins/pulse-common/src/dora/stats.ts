import { DoraCalendarPeriod } from './calendar';

/**
 * What the store's SQL aggregation hands to the pure scorecard functions: counts and percentiles, never raw events.
 * Durations are in milliseconds.
 */

/** Median and 90th percentile of a set of durations. */
export interface DoraDurationStats {
  sampleSize: number;
  median: number | null;
  p90: number | null;
}

/** Production deployment counts and duration percentiles of one bucket (the whole window, a week or an entity). */
export interface DoraBucketStats {
  /** Production deployments, successful or failed. */
  deployments: number;
  successes: number;
  failures: number;
  /** Successful production deployments with at least one linked or attributed incident. */
  incidentLinked: number;
  /** Production deployments marked rework. */
  rework: number;
  leadTime: DoraDurationStats;
  /** Changes left out of the lead time because they were older than the cap when deployed. */
  leadTimeOlderThanCap: number;
  /** One sample per change failure (see docs/dora.md: recovery time). */
  recovery: DoraDurationStats;
}

/**
 * The stats of a whole window plus the deploy days (calendar days with a successful production deployment) of each
 * calendar week and month the tier's median is taken over (doraCoveredPeriods), oldest first, zero-filled, and the
 * scope's first deployment or incident ever (epoch ms; null without any): where the data starts.
 */
export interface DoraPeriodStats {
  total: DoraBucketStats;
  deployDaysPerWeek: number[];
  deployDaysPerMonth: number[];
  firstEventMs: number | null;
}

/** One calendar week of the trend with its stats. */
export interface DoraWeekStats {
  period: DoraCalendarPeriod;
  stats: DoraBucketStats;
}

/** A window's stats with every calendar week of the trend, oldest first, clipped to the window. */
export interface DoraWindowStats extends DoraPeriodStats {
  weeks: DoraWeekStats[];
}

/** Stats of a bucket without any event. */
export const emptyDoraBucketStats = (): DoraBucketStats => ({
  deployments: 0,
  successes: 0,
  failures: 0,
  incidentLinked: 0,
  rework: 0,
  leadTime: { sampleSize: 0, median: null, p90: null },
  leadTimeOlderThanCap: 0,
  recovery: { sampleSize: 0, median: null, p90: null },
});
