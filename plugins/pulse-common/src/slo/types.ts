/**
 * SLO definitions (the OpenSLO v1 `kind: SLO` subset Pulse understands) and the shapes of the SLO API.
 */

/**
 * How an objective's error budget is counted: bad events, bad time slices, or the missing share of each slice's
 * good/total ratio (RatioTimeslices).
 */
export type SloBudgetingMethod = 'Occurrences' | 'Timeslices' | 'RatioTimeslices';

/** OpenSLO's comparison of a threshold SLI value with an objective's `value`: lt, lte, gt, gte. */
export type SloThresholdOperator = 'lt' | 'lte' | 'gt' | 'gte';

/** An OpenSLO metric source, kept as given so a data-source module can query it later. */
export interface SloMetricSource {
  metricSource: {
    type?: string;
    metricSourceRef?: string;
    spec: Record<string, unknown>;
  };
}

/**
 * A ratio indicator: good (or bad) events over total events, or `raw`, a precomputed success or failure ratio
 * (`rawType`). With `raw`, `total` is absent.
 */
export interface SloRatioMetric {
  counter?: boolean;
  good?: SloMetricSource;
  bad?: SloMetricSource;
  total?: SloMetricSource;
  rawType?: 'success' | 'failure';
  raw?: SloMetricSource;
}

/** A threshold indicator: a value (e.g. p99 latency) that each objective compares with its `op` and `value`. */
export interface SloThresholdMetric {
  metricSource: SloMetricSource['metricSource'];
}

/**
 * An OpenSLO indicator: inline (`spec.indicator`), or a `kind: SLI` document that `indicatorRef` named, resolved.
 * Exactly one of `ratioMetric` and `thresholdMetric`.
 */
export interface SloIndicator {
  metadata?: { name: string; displayName?: string };
  spec: { description?: string; ratioMetric?: SloRatioMetric; thresholdMetric?: SloThresholdMetric };
}

/** `spec.timeWindow[0]`: rolling (e.g. `28d`) or calendar-aligned (e.g. `1M` with a time zone). */
export interface SloTimeWindow {
  /** An OpenSLO duration: a whole number and one of s, m, h, d, w, M, Q, Y, e.g. `28d` or `1M`. */
  duration: string;
  isRolling: boolean;
  /** Calendar windows only: where periods start and in which IANA time zone. */
  calendar?: { startTime: string; timeZone: string };
}

/** One objective; `targetPercent` is normalized into `target` (a fraction). */
export interface SloObjectiveDefinition {
  displayName?: string;
  target: number;
  /** Timeslices only: the share of good events that makes a slice good. */
  timeSliceTarget?: number;
  /** Timeslices and RatioTimeslices: the length of a slice, e.g. `1m`. */
  timeSliceWindow?: string;
  /** Threshold SLIs: a value is good when `value op this.value` holds (e.g. latency `lt` 500). */
  op?: SloThresholdOperator;
  value?: number;
  /** Composite SLOs: this objective's own indicator (inline, or resolved from `indicatorRef`). */
  indicator?: SloIndicator;
  indicatorRef?: string;
  /** Composite SLOs: how much this objective's burn counts in the composite (default 1). */
  compositeWeight?: number;
}

/** A normalized OpenSLO v1 SLO document, as stored and returned. */
export interface SloDefinition {
  apiVersion: 'openslo/v1';
  kind: 'SLO';
  metadata: {
    name: string;
    displayName?: string;
    labels?: Record<string, unknown>;
    annotations?: Record<string, string>;
  };
  spec: {
    description?: string;
    service?: string;
    /** The inline indicator; absent when the document names one with `indicatorRef`. */
    indicator?: SloIndicator;
    indicatorRef?: string;
    timeWindow: [SloTimeWindow];
    budgetingMethod: SloBudgetingMethod;
    objectives: SloObjectiveDefinition[];
    /** OpenSLO alert policies, inline or `{ alertPolicyRef }`, stored as given; Pulse alerts on its own burn rates. */
    alertPolicies?: unknown[];
  };
}

/** Where a definition came from: the PUT API or the entity's `pulse.dev/openslo` annotation. */
export type SloSource = 'api' | 'annotation';

/** A stored SLO definition (`PUT`/`GET .../slos/:sloName`). */
export interface StoredSlo {
  entityRef: string;
  name: string;
  description?: string;
  source: SloSource;
  sourceLocation?: string;
  createdAt: string;
  updatedAt: string;
  definition: SloDefinition;
}

/** `GET /slo/entities/:kind/:namespace/:name/slos`. */
export interface SloListResponse {
  entityRef: string;
  items: StoredSlo[];
}

/** One item of `POST /slo/samples`: event counts for the interval starting at `timestamp`. */
export interface SliSampleInput {
  entityRef: string;
  slo: string;
  /**
   * Composite SLOs only (and required there): the objective the sample is for, by its key: its `displayName`, or
   * `objective-<i>` (its index in `spec.objectives`, from 0) when it has none.
   */
  objective?: string;
  timestamp: string;
  /** Counts (ratio SLIs): `total` and exactly one of `good` and `bad`. */
  good?: number;
  bad?: number;
  total?: number;
  /** Threshold SLIs instead of counts: the measured value (e.g. p99 latency in ms) at `timestamp`. */
  value?: number;
}

/** The answer to an accepted `POST /slo/samples`. */
export interface SliSampleIngestResponse {
  /** Distinct (entity, SLO, timestamp) samples written; a repeat within the batch counts once (the last wins). */
  accepted: number;
}
