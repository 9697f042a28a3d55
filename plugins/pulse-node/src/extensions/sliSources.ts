import { createExtensionPoint, SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { SloRatioMetric, SloThresholdMetric } from '@pulse/plugin-pulse-common';

/** What the plugin asks a source for: the counts of one SLO's indicator over [from, to). */
export interface PulseSliFetchRequest {
  /** The indicator's ratio metric as the SLO definition gives it (OpenSLO `spec.indicator.spec.ratioMetric`). */
  ratioMetric: SloRatioMetric;
  /** Epoch ms: the first instant wanted (the latest stored sample, or the window start). */
  from: number;
  /** Epoch ms: now. */
  to: number;
}

/** Good and total events in the interval starting at `ts` (epoch ms), as SLI samples are stored. */
export interface PulseSliCounts {
  ts: number;
  good: number;
  total: number;
}

/** What the plugin asks a source for a threshold SLO: the indicator's values over [from, to). */
export interface PulseSliValueFetchRequest {
  /** The indicator's threshold metric as the SLO definition gives it (OpenSLO `thresholdMetric`). */
  thresholdMetric: SloThresholdMetric;
  from: number;
  to: number;
}

/** The value a threshold SLI measured for the interval starting at `ts` (epoch ms), as stored. */
export interface PulseSliValue {
  ts: number;
  value: number;
}

/**
 * A metrics backend that fills SLOs on a schedule: every SLO whose indicator's `metricSource.type` equals `type`
 * (case-insensitively). The plugin runs it with scope `global` (one replica at a time), from each SLO's latest stored
 * sample (else its window start) to now; samples are upserted by (SLO, ts), so a re-fetched interval replaces itself.
 *
 * @public
 */
export interface PulseSliSource {
  /** The OpenSLO metric source type, e.g. `Prometheus`. */
  type: string;
  schedule: SchedulerServiceTaskScheduleDefinition;
  /** Counts per interval, with `ts` on a fixed grid so that a repeated fetch yields the same keys. */
  fetchCounts(request: PulseSliFetchRequest): Promise<PulseSliCounts[]>;
  /** Threshold SLOs (e.g. latency): one value per interval, on the same grid. Sources without it fill ratio SLOs only. */
  fetchValues?(request: PulseSliValueFetchRequest): Promise<PulseSliValue[]>;
}

/** @public */
export interface PulseSliSourcesExtensionPoint {
  addSliSource(source: PulseSliSource): void;
}

/**
 * Lets backend modules of the `pulse` plugin fill SLOs from metrics backends such as Prometheus.
 *
 * @public
 */
export const pulseSliSourcesExtensionPoint = createExtensionPoint<PulseSliSourcesExtensionPoint>({
  id: 'pulse.sli-sources',
});
