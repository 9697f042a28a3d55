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
  recovery: DoraDurationStats;
}

/** The stats of a whole window plus the number of deploy days per 7-day and 30-day period (index 0 = newest). */
export interface DoraPeriodStats {
  total: DoraBucketStats;
  deployDaysPerWeek: number[];
  deployDaysPerMonth: number[];
}

/** A window's stats with the per-week buckets of the trend (index 0 = the week ending at the window's end). */
export interface DoraWindowStats extends DoraPeriodStats {
  weeks: DoraBucketStats[];
}

/** Stats of a bucket without any event. */
export const emptyDoraBucketStats = (): DoraBucketStats => ({
  deployments: 0,
  successes: 0,
  failures: 0,
  incidentLinked: 0,
  rework: 0,
  leadTime: { sampleSize: 0, median: null, p90: null },
  recovery: { sampleSize: 0, median: null, p90: null },
});
