/** A metric's reading against its thresholds; `null` when there is nothing to read (no pages). */
export type OncallReading = 'healthy' | 'warning' | 'unhealthy';

/** Where a metric turns to warning and to unhealthy: a value above `warning` warns, above `unhealthy` is unhealthy. */
export interface OncallThreshold {
  warning: number;
  unhealthy: number;
}

/** The thresholds of every read metric (`pulse.oncall.thresholds`). */
export interface OncallThresholds {
  /** Pages per 12-hour shift in the worst week of the window. */
  pagesPerShift: OncallThreshold;
  /** Off-hours pages per week (outside 08:00-18:00 on weekdays). */
  offHoursPagesPerWeek: OncallThreshold;
  /** Night pages per week (22:00-07:00). */
  nightPagesPerWeek: OncallThreshold;
  /** Median time to acknowledge, in minutes. */
  timeToAcknowledgeMinutes: OncallThreshold;
  /** Share of pages resolved within 5 minutes without acknowledgement, in percent. */
  noisePercent: OncallThreshold;
  /** Gini coefficient of pages over responders, 0 (even) to 1 (one person carries all). */
  fairnessGini: OncallThreshold;
}

/** One metric as the API answers it. */
export interface OncallMetric {
  value: number | null;
  unit: string;
  reading: OncallReading | null;
  /** How many pages (or responders, for fairness) the value is computed from. */
  sampleSize: number;
}

/** One calendar week (Monday to Monday in the team's time zone) of the trend, clipped to the window. */
export interface OncallWeek {
  start: string;
  end: string;
  pages: number;
  offHoursPages: number;
  nightPages: number;
  /** 12-hour shifts of the week inside the window (14 for a whole week, also across a clock change). */
  shifts: number;
  pagesPerShift: number;
}

/** `GET /oncall/groups/:namespace/:name` and `GET /oncall/entities/:kind/:namespace/:name`. Never names a responder. */
export interface OncallHealth {
  /** The group or entity ref the figures are for. */
  ref: string;
  window: { from: string; to: string; days: number };
  /** The IANA zone the hours, weekdays and weeks are read in. */
  timeZone: string;
  /** High-urgency pages triggered in the window. */
  pages: number;
  /** The worst reading of the metrics (pages per week has none: it is context for the others). */
  reading: OncallReading | null;
  metrics: {
    pagesPerWeek: OncallMetric;
    /** `value` is the worst week's pages per shift (what the reading reads); `median` the median week's. */
    pagesPerShift: OncallMetric & { median: number | null };
    offHoursPagesPerWeek: OncallMetric & { share: number | null };
    nightPagesPerWeek: OncallMetric & { share: number | null };
    /** `value` is the median, in minutes. */
    timeToAcknowledge: OncallMetric & { p90: number | null };
    noise: OncallMetric;
    /** `value` is the Gini coefficient; `busiestShare` the percent of pages the busiest responder carried. */
    fairness: OncallMetric & { busiestShare: number | null };
  };
  weekly: OncallWeek[];
}

/** `GET /oncall/me`: the caller's own pages, shown to nobody else. */
export interface OncallMyPages {
  responderRef: string;
  window: { from: string; to: string; days: number };
  timeZone: string;
  pages: number;
  offHoursPages: number;
  nightPages: number;
}

/** `POST /oncall/pages`. */
export interface OncallIngestResponse {
  accepted: number;
}
