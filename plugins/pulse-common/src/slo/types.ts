/**
 * SLO definitions (the OpenSLO v1 `kind: SLO` subset Pulse understands) and the shapes of the SLO API.
 */

/** How an objective's error budget is counted: bad events, or bad time slices. */
export type SloBudgetingMethod = 'Occurrences' | 'Timeslices';

/** An OpenSLO metric source, kept as given so a data-source module can query it later. */
export interface SloMetricSource {
  metricSource: {
    type?: string;
    metricSourceRef?: string;
    spec: Record<string, unknown>;
  };
}

/** A ratio indicator: good (or bad) events over total events. */
export interface SloRatioMetric {
  counter?: boolean;
  good?: SloMetricSource;
  bad?: SloMetricSource;
  total: SloMetricSource;
}

/** An inline OpenSLO indicator (`spec.indicator`). */
export interface SloIndicator {
  metadata?: { name: string; displayName?: string };
  spec: { ratioMetric: SloRatioMetric };
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
  /** Timeslices only: the length of a slice, e.g. `1m`. */
  timeSliceWindow?: string;
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
  timestamp: string;
  /** Exactly one of `good` and `bad`. */
  good?: number;
  bad?: number;
  total: number;
}

/** The answer to an accepted `POST /slo/samples`. */
export interface SliSampleIngestResponse {
  /** Distinct (entity, SLO, timestamp) samples written; a repeat within the batch counts once (the last wins). */
  accepted: number;
}
