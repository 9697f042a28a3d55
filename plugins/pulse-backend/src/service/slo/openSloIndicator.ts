import { z } from 'zod';

/** OpenSLO names are DNS labels. */
export const openSloName = z
  .string()
  .max(63)
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'must be a lower-case DNS label such as checkout-availability');

/** A metric source, kept as given so a data-source module can query it later. */
export const metricSource = z
  .object({
    metricSource: z
      .object({
        type: z.string().min(1).max(255).optional(),
        metricSourceRef: z.string().min(1).max(255).optional(),
        spec: z.record(z.unknown()),
      })
      .strict()
      .refine(s => s.type || s.metricSourceRef, { message: 'needs a type or a metricSourceRef', path: ['type'] }),
  })
  .strict();

/** good/total, bad/total, or a precomputed `raw` success or failure ratio with its `rawType`. */
const ratioMetric = z
  .object({
    counter: z.boolean().optional(),
    rawType: z.enum(['success', 'failure']).optional(),
    good: metricSource.optional(),
    bad: metricSource.optional(),
    total: metricSource.optional(),
    raw: metricSource.optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.raw !== undefined) {
      for (const field of ['good', 'bad', 'total'] as const) {
        if (r[field] !== undefined) ctx.addIssue({ code: 'custom', path: [field], message: 'cannot be used with raw' });
      }
      if (r.rawType === undefined) ctx.addIssue({ code: 'custom', path: ['rawType'], message: 'is required with raw' });
      return;
    }
    if (r.rawType !== undefined) ctx.addIssue({ code: 'custom', path: ['rawType'], message: 'is only used with raw' });
    if (r.total === undefined) ctx.addIssue({ code: 'custom', path: ['total'], message: 'is required (or raw)' });
    if ((r.good === undefined) === (r.bad === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['good'], message: 'needs exactly one of good and bad' });
    }
  });

/** The body of an SLI: exactly one of ratioMetric and thresholdMetric. */
export const indicatorSpec = z
  .object({
    description: z.string().max(1050).optional(),
    ratioMetric: ratioMetric.optional(),
    thresholdMetric: metricSource.optional(),
  })
  .strict()
  .refine(s => (s.ratioMetric === undefined) !== (s.thresholdMetric === undefined), {
    message: 'needs exactly one of ratioMetric and thresholdMetric',
    path: ['ratioMetric'],
  });

const indicatorMetadata = z
  .object({ name: openSloName, displayName: z.string().max(255).optional() })
  .passthrough();

/** An inline indicator (`spec.indicator`, or an objective's of a composite SLO). */
export const inlineIndicator = z
  .object({
    apiVersion: z.literal('openslo/v1').optional(),
    kind: z.literal('SLI').optional(),
    metadata: indicatorMetadata.optional(),
    spec: indicatorSpec,
  })
  .strict()
  .transform(({ metadata, spec }) => ({
    ...(metadata ? { metadata: { name: metadata.name, ...(metadata.displayName ? { displayName: metadata.displayName } : {}) } } : {}),
    spec,
  }));

/** A `kind: SLI` document, which an SLO's `indicatorRef` names. */
export const sliDocument = z
  .object({
    apiVersion: z.literal('openslo/v1', { errorMap: () => ({ message: "must be 'openslo/v1'" }) }),
    kind: z.literal('SLI'),
    metadata: indicatorMetadata,
    spec: indicatorSpec,
  })
  .strict();
