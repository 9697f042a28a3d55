import { SloDefinition } from '@pulse/plugin-pulse-common';
import { z } from 'zod';
import { FieldError, ValidationError, parseInput } from '../validation';
import {
  CONVERTED_FROM_ANNOTATION,
  convertedDefinition,
  convertedSloName,
  kubernetesMetadata,
  percentObjective,
  prometheusSource,
  targetOfPercent,
} from './convertedSlo';

export const SLOTH_API_VERSION = 'sloth.slok.dev/v1';

/** Sloth's alerting block, stored as JSON under this annotation and not used: Pulse computes its own alerts. */
export const SLOTH_ALERTING_ANNOTATION = 'pulse.dev/sloth-alerting';

/**
 * Sloth keeps no window in the resource (its `--default-slo-period` flag, 30 days by default, decides), so Pulse uses
 * Sloth's default.
 */
export const SLOTH_WINDOW = '30d';

/** Sloth's template placeholder for the query's time range, e.g. `rate(x[{{.window}}])`. */
const WINDOW_PLACEHOLDER = /\{\{\s*\.window\s*\}\}/;

const stringMap = z.record(z.string().max(1024));

const alert = z.object({ disable: z.boolean().optional(), labels: stringMap.optional(), annotations: stringMap.optional() }).strict();

const alerting = z
  .object({
    name: z.string().max(255).optional(),
    labels: stringMap.optional(),
    annotations: stringMap.optional(),
    pageAlert: alert.optional(),
    ticketAlert: alert.optional(),
  })
  .strict();

/** Sloth's events queries return a rate over `{{.window}}`: Pulse turns them into events per step (docs/slo.md). */
const windowQuery = z
  .string()
  .min(1)
  .max(10_000)
  .regex(WINDOW_PLACEHOLDER, "must use Sloth's {{.window}} placeholder: the query is read as a rate over the source's step");

const sli = z
  .object({
    events: z.object({ errorQuery: windowQuery, totalQuery: windowQuery }).strict().optional(),
    raw: z.object({ errorRatioQuery: z.string().min(1).max(10_000) }).strict().optional(),
    plugin: z.unknown().optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.plugin !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['plugin'],
        message: 'Sloth SLI plugins run inside Sloth and are not supported: use events or raw',
      });
    } else if ((s.events === undefined) === (s.raw === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['events'], message: 'needs exactly one of events and raw' });
    }
  });

const slo = z
  .object({
    name: convertedSloName,
    description: z.string().max(1050).optional(),
    objective: percentObjective,
    labels: stringMap.optional(),
    sli,
    alerting: alerting.optional(),
    /** Sloth's rule-generation plugins: they shape Prometheus rules, not the SLO, so they are passed over. */
    plugins: z.unknown().optional(),
  })
  .strict();

const slothSchema = z
  .object({
    apiVersion: z.literal(SLOTH_API_VERSION),
    kind: z.literal('PrometheusServiceLevel', { errorMap: () => ({ message: "must be 'PrometheusServiceLevel'" }) }),
    metadata: kubernetesMetadata.optional(),
    spec: z
      .object({
        service: z.string().min(1).max(255),
        labels: stringMap.optional(),
        sloPlugins: z.unknown().optional(),
        slos: z.array(slo).min(1, 'needs at least one SLO').max(100),
      })
      .strict(),
    status: z.unknown().optional(),
  })
  .strict();

type SlothSlo = z.infer<typeof slo>;

/** Two entries with one name would be one Pulse SLO: the later would silently replace the earlier. */
function duplicateNames(slos: SlothSlo[]): FieldError[] {
  const first = new Map<string, number>();
  return slos.flatMap((s, i) => {
    const earlier = first.get(s.name);
    if (earlier === undefined) {
      first.set(s.name, i);
      return [];
    }
    return [{ path: `spec.slos.${i}.name`, message: `must differ from spec.slos.${earlier}.name: each entry is one SLO` }];
  });
}

/** Events become a bad/total ratio of events per step; a raw error ratio stays a raw failure ratio (pushed, not filled). */
function ratioMetricOf({ events, raw }: SlothSlo['sli']) {
  if (raw) return { rawType: 'failure' as const, raw: prometheusSource(raw.errorRatioQuery) };
  // A rate times the step's seconds is the step's events; counts keep small error rates from rounding to 0.
  const perStep = (rateQuery: string) => prometheusSource(`(${rateQuery}) * {{.windowSeconds}}`);
  return { counter: false, bad: perStep(events!.errorQuery), total: perStep(events!.totalQuery) };
}

function openSloOf(doc: z.infer<typeof slothSchema>, s: SlothSlo, index: number): SloDefinition {
  const labels = { ...doc.spec.labels, ...s.labels };
  const annotations = {
    [CONVERTED_FROM_ANNOTATION]: [SLOTH_API_VERSION, 'PrometheusServiceLevel', doc.metadata?.name].filter(Boolean).join(' '),
    ...(s.alerting ? { [SLOTH_ALERTING_ANNOTATION]: JSON.stringify(s.alerting) } : {}),
  };
  const document = {
    apiVersion: 'openslo/v1',
    kind: 'SLO',
    metadata: { name: s.name, ...(Object.keys(labels).length > 0 ? { labels } : {}), annotations },
    spec: {
      ...(s.description ? { description: s.description } : {}),
      service: doc.spec.service,
      indicator: { spec: { ratioMetric: ratioMetricOf(s.sli) } },
      timeWindow: [{ duration: SLOTH_WINDOW, isRolling: true }],
      budgetingMethod: 'Occurrences',
      objectives: [{ target: targetOfPercent(s.objective) }],
    },
  };
  return convertedDefinition(document, `Sloth SLO spec.slos.${index}`);
}

/**
 * The Pulse SLOs of a Sloth `PrometheusServiceLevel`: one per entry of `spec.slos`, named by its `name`, as the same
 * OpenSLO definition the OpenSLO path stores. A field Pulse cannot take is a 400 naming it (docs/slo.md, "From Sloth").
 */
export function slothSlosOf(document: unknown): SloDefinition[] {
  const doc = parseInput(slothSchema, document, 'Sloth PrometheusServiceLevel');
  const duplicates = duplicateNames(doc.spec.slos);
  if (duplicates.length > 0) throw new ValidationError(duplicates, 'Sloth PrometheusServiceLevel');
  return doc.spec.slos.map((s, i) => openSloOf(doc, s, i));
}
