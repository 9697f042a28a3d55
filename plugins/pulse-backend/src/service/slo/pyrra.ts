import { SloDefinition, SloMetricSource, sloWindowTooLong } from '@pulse/plugin-pulse-common';
import { z } from 'zod';
import { parseInput } from '../validation';
import {
  CONVERTED_FROM_ANNOTATION,
  convertedDefinition,
  convertedSloName,
  kubernetesMetadata,
  percentObjective,
  prometheusSource,
  targetOfPercent,
} from './convertedSlo';

export const PYRRA_API_VERSION = 'pyrra.dev/v1alpha1';

/** Pyrra's alerting block, stored as JSON under this annotation and not used: Pulse computes its own alerts. */
export const PYRRA_ALERTING_ANNOTATION = 'pulse.dev/pyrra-alerting';
/** Pyrra's grouping labels (comma-separated), stored and not used: Pulse keeps one SLO over every group. */
export const PYRRA_GROUPING_ANNOTATION = 'pulse.dev/pyrra-grouping';

/** A Prometheus duration Pulse can use as a window: one number and one unit; Pyrra's `y` is Pulse's `Y`. */
const WINDOW = /^([1-9][0-9]{0,4})([smhdwy])$/;

/** A vector selector, which Pyrra requires and Pulse wraps in `increase(...[step])`. */
const SELECTOR = /^([a-zA-Z_:][a-zA-Z0-9_:]*\s*(\{[^]*\})?|\{[^]*\})$/;

const metric = z
  .object({
    metric: z
      .string()
      .min(1)
      .max(10_000)
      .transform(m => m.trim())
      .pipe(z.string().regex(SELECTOR, 'must be a metric selector such as http_requests_total{job="api"}')),
  })
  .strict();

/** A histogram bucket selector names its bound (`le="0.5"`), as Pyrra requires. */
const bucket = metric.refine(m => /\ble\s*=\s*"[^"]+"/.test(m.metric), {
  message: 'must select one histogram bucket with an le label, e.g. x_bucket{le="0.5"}',
  path: ['metric'],
});

const grouping = z.array(z.string().min(1).max(255)).max(20).nullish();

const indicator = z
  .object({
    ratio: z.object({ errors: metric, total: metric, grouping }).strict().optional(),
    latency: z.object({ success: bucket, total: metric, grouping }).strict().optional(),
    latencyNative: z.unknown().optional(),
    bool_gauge: metric.extend({ grouping }).optional(),
  })
  .strict()
  .superRefine((ind, ctx) => {
    if (ind.latencyNative !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['latencyNative'],
        message: 'native histograms are not supported: use latency with a classic histogram bucket',
      });
      return;
    }
    const given = [ind.ratio, ind.latency, ind.bool_gauge].filter(i => i !== undefined).length;
    if (given !== 1) ctx.addIssue({ code: 'custom', path: ['ratio'], message: 'needs exactly one of ratio, latency and bool_gauge' });
  });

const alerting = z
  .object({
    disabled: z.boolean().optional(),
    burnrates: z.boolean().optional(),
    absent: z.boolean().optional(),
    name: z.string().max(255).optional(),
    absentName: z.string().max(255).optional(),
  })
  .strict();

const window = z
  .string({ required_error: 'is required' })
  .regex(WINDOW, 'must be one number and one unit (s, m, h, d, w or y), e.g. 28d or 4w')
  .transform(w => w.replace(/y$/, 'Y'))
  .superRefine((duration, ctx) => {
    const tooLong = sloWindowTooLong({ duration, isRolling: true });
    if (tooLong) ctx.addIssue({ code: 'custom', message: tooLong });
  });

const pyrraSchema = z
  .object({
    apiVersion: z.literal(PYRRA_API_VERSION),
    kind: z.literal('ServiceLevelObjective', { errorMap: () => ({ message: "must be 'ServiceLevelObjective'" }) }),
    metadata: kubernetesMetadata.extend({ name: convertedSloName }),
    spec: z
      .object({
        description: z.string().max(1050).optional(),
        target: percentObjective,
        window,
        indicator,
        alerting: alerting.optional(),
        /** Thanos Ruler's setting for Pyrra's rules; nothing to do with the numbers. */
        partial_response_strategy: z.string().optional(),
      })
      .strict(),
    status: z.unknown().optional(),
  })
  .strict();

type PyrraIndicator = z.infer<typeof indicator>;

/** Events in one step of the Prometheus source, from a counter selector. */
const increase = (selector: string) => prometheusSource(`sum(increase(${selector}[{{.window}}]))`);

/**
 * Pyrra's indicators as OpenSLO ratios of events per step: ratio is bad/total, latency good (the bucket)/total, and a
 * bool gauge counts its samples, good when 1 (Pyrra's own rules do the same). docs/slo.md says why not a threshold.
 */
function ratioMetricOf(ind: PyrraIndicator): { counter: false; good?: SloMetricSource; bad?: SloMetricSource; total: SloMetricSource } {
  if (ind.ratio) return { counter: false, bad: increase(ind.ratio.errors.metric), total: increase(ind.ratio.total.metric) };
  if (ind.latency) return { counter: false, good: increase(ind.latency.success.metric), total: increase(ind.latency.total.metric) };
  const gauge = ind.bool_gauge!.metric;
  return {
    counter: false,
    good: prometheusSource(`sum(sum_over_time(${gauge}[{{.window}}]))`),
    total: prometheusSource(`sum(count_over_time(${gauge}[{{.window}}]))`),
  };
}

const groupingOf = (ind: PyrraIndicator) => (ind.ratio ?? ind.latency ?? ind.bool_gauge)?.grouping ?? [];

/**
 * The Pulse SLO of a Pyrra `ServiceLevelObjective`, named by `metadata.name`, as the same OpenSLO definition the
 * OpenSLO path stores. A field Pulse cannot take is a 400 naming it (docs/slo.md, "From Pyrra").
 */
export function pyrraSloOf(document: unknown): SloDefinition {
  const { metadata, spec } = parseInput(pyrraSchema, document, 'Pyrra ServiceLevelObjective');
  const grouped = groupingOf(spec.indicator);
  const pyrraAnnotations = Object.entries(metadata.annotations ?? {}).filter(([key]) => key.startsWith('pyrra.dev/'));
  const annotations = {
    ...Object.fromEntries(pyrraAnnotations),
    [CONVERTED_FROM_ANNOTATION]: [PYRRA_API_VERSION, 'ServiceLevelObjective', metadata.name].join(' '),
    ...(spec.alerting ? { [PYRRA_ALERTING_ANNOTATION]: JSON.stringify(spec.alerting) } : {}),
    ...(grouped.length > 0 ? { [PYRRA_GROUPING_ANNOTATION]: grouped.join(',') } : {}),
  };
  return convertedDefinition(
    {
      apiVersion: 'openslo/v1',
      kind: 'SLO',
      metadata: { name: metadata.name, ...(metadata.labels ? { labels: metadata.labels } : {}), annotations },
      spec: {
        ...(spec.description ? { description: spec.description } : {}),
        indicator: { spec: { ratioMetric: ratioMetricOf(spec.indicator) } },
        timeWindow: [{ duration: spec.window, isRolling: true }],
        budgetingMethod: 'Occurrences',
        objectives: [{ target: targetOfPercent(spec.target) }],
      },
    },
    'Pyrra ServiceLevelObjective',
  );
}
