/** Why an objective's numbers cannot be trusted yet: nothing sent, nothing sent lately, or too short a record. */
export type SloDataIssue = 'no data' | 'stale data' | 'insufficient data';

/**
 * The raw samples of a window: how many, the start of the first and the newest (epoch ms), and the time between the
 * two newest starts (the sample interval; null with fewer than two samples).
 */
export interface SloSampleSpan {
  samples: number;
  firstMs: number | null;
  lastMs: number | null;
  intervalMs: number | null;
}

/** How much data a status and the gate need (`pulse.slo.minimumData`, `pulse.slo.staleAfter`). */
export interface SloDataRules {
  /** Below this much time between the window's first sample and now, a status cannot block (default 24h). */
  minimumDataMs: number;
  /** A newest sample older than this is stale (default 6h). */
  staleAfterMs: number;
}

export const DEFAULT_SLO_DATA_RULES: SloDataRules = { minimumDataMs: 86_400_000, staleAfterMs: 6 * 3_600_000 };

/** What the report says about an objective's data. */
export interface SloDataReport {
  samples: number;
  firstSampleAt: string | null;
  lastSampleAt: string | null;
  /** Seconds from the window's first sample until now: the time the budget is measured over so far. */
  coveredSeconds: number;
  /** Seconds since the newest sample started, at the report's evaluation instant; null without samples. */
  newestSampleAgeSeconds: number | null;
  issues: SloDataIssue[];
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The time a window holds data for: from its first sample until now (0 without samples). */
export function sloCoveredMs(span: SloSampleSpan, nowMs: number): number {
  return span.firstMs === null ? 0 : Math.max(0, nowMs - span.firstMs);
}

/**
 * The data issues of a window at `nowMs`: `no data` without samples (or, for Occurrences, without events: there is
 * no ratio); otherwise `insufficient data` while the first sample is less than `minimumDataMs` old (a new SLO, the
 * first day of a calendar month) and `stale data` once the newest sample is more than `staleAfterMs` old.
 */
export function sloDataReport(options: {
  span: SloSampleSpan;
  nowMs: number;
  rules: SloDataRules;
  /** False when there is nothing to compute a ratio from (Occurrences without events). */
  hasRatio: boolean;
}): SloDataReport {
  const { span, nowMs, rules } = options;
  const coveredMs = sloCoveredMs(span, nowMs);
  const ageMs = span.lastMs === null ? null : nowMs - span.lastMs;
  const issues: SloDataIssue[] = [];
  if (span.samples === 0 || !options.hasRatio) {
    issues.push('no data');
  } else {
    if (coveredMs < rules.minimumDataMs) issues.push('insufficient data');
    if (ageMs !== null && ageMs > rules.staleAfterMs) issues.push('stale data');
  }
  return {
    samples: span.samples,
    firstSampleAt: iso(span.firstMs),
    lastSampleAt: iso(span.lastMs),
    coveredSeconds: Math.round(coveredMs / 1000),
    newestSampleAgeSeconds: ageMs === null ? null : Math.round(ageMs / 1000),
    issues,
  };
}
