import { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { SloMetricSource } from '@pulse/plugin-pulse-common';
import {
  PulseSliCounts,
  PulseSliFetchRequest,
  PulseSliSource,
  PulseSliValue,
  PulseSliValueFetchRequest,
} from '@pulse/plugin-pulse-node';
import { z } from 'zod';
import { PrometheusSourceConfig } from './config';
import { intervalStarts, sliCountsOf } from './intervalCounts';
import { sliValuesOf } from './intervalValues';
import { PrometheusClient } from './PrometheusClient';
import { queryForStep } from './queryTemplate';

/** OpenSLO's Prometheus metric source: `spec.query` is PromQL, with Sloth's `{{.window}}` placeholder (queryTemplate.ts). */
const prometheusSpec = z.object({ query: z.string().min(1) });

/** Fills SLOs whose indicator's metric sources are `type: Prometheus`, with range queries on a fixed step. */
export class PrometheusSliSource implements PulseSliSource {
  readonly type = 'Prometheus';
  readonly schedule: SchedulerServiceTaskScheduleDefinition;

  constructor(
    private readonly config: PrometheusSourceConfig,
    private readonly client = new PrometheusClient(),
  ) {
    this.schedule = config.schedule;
  }

  async fetchCounts({ ratioMetric, from, to }: PulseSliFetchRequest): Promise<PulseSliCounts[]> {
    const { stepMs } = this.config;
    const starts = intervalStarts(from, to, stepMs);
    if (starts.length === 0) return [];
    const numeratorIs = ratioMetric.good ? 'good' : 'bad';
    const counter = ratioMetric.counter !== false;
    const query = (source: SloMetricSource) =>
      this.client.queryRange(
        this.baseUrlOf(source),
        this.queryOf(source),
        // A counter's first interval needs the value at its start as well.
        counter ? starts[0] : starts[0] + stepMs,
        starts[starts.length - 1] + stepMs,
        stepMs,
      );
    const [total, numerator] = await Promise.all([
      query(ratioMetric.total!),
      query((ratioMetric.good ?? ratioMetric.bad)!),
    ]);
    return sliCountsOf({ starts, stepMs, counter, total, numerator, numeratorIs });
  }

  /**
   * A threshold SLO's values: the query (e.g. `histogram_quantile(0.99, sum by (le) (rate(x_bucket[1m])))`) read at
   * the end of each interval, as the value of that interval.
   */
  async fetchValues({ thresholdMetric, from, to }: PulseSliValueFetchRequest): Promise<PulseSliValue[]> {
    const { stepMs } = this.config;
    const starts = intervalStarts(from, to, stepMs);
    if (starts.length === 0) return [];
    const source = { metricSource: thresholdMetric.metricSource };
    const values = await this.client.queryRange(
      this.baseUrlOf(source),
      this.queryOf(source),
      starts[0] + stepMs,
      starts[starts.length - 1] + stepMs,
      stepMs,
    );
    return sliValuesOf({ starts, stepMs, values });
  }

  private queryOf({ metricSource }: SloMetricSource): string {
    const spec = prometheusSpec.safeParse(metricSource.spec);
    if (!spec.success) throw new InputError('A Prometheus metric source needs spec.query (PromQL)');
    return queryForStep(spec.data.query, this.config.stepMs);
  }

  private baseUrlOf({ metricSource }: SloMetricSource): string {
    const ref = metricSource.metricSourceRef;
    const baseUrl = ref ? this.config.baseUrls.get(ref) : this.config.defaultBaseUrl;
    if (!baseUrl) {
      throw new InputError(
        ref ? `No pulse.prometheus.sources.${ref}.baseUrl is configured` : 'No pulse.prometheus.baseUrl is configured',
      );
    }
    return baseUrl;
  }
}
