import { OutcomeDocument } from '@pulse/plugin-pulse-common';
import { OutcomeValueRecord } from '@pulse/plugin-pulse-node';
import { z } from 'zod';
import { canonicalEntityRef } from '../entityRefs';
import { batchOf, entityRefString, isoInstant } from '../validation';

/** An outcome id: what the path's `:id` and `metadata.name` hold (a DNS label, like an SLO name). */
export const outcomeId = z
  .string()
  .min(1)
  .max(63)
  .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/, 'must be lower-case letters, digits and dashes (e.g. checkout-conversion)');

/** A day, YYYY-MM-DD, read as its midnight UTC. */
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be an ISO date such as 2027-03-31')
  .refine(value => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), 'is not a valid date');

const text = (max: number) => z.string().trim().min(1).max(max);

const prometheus = z.object({ query: text(4000) }).strict();

const metric = {
  name: text(255),
  unit: z.string().max(32),
  direction: z.enum(['up', 'down']),
  prometheus: prometheus.optional(),
};

const keyResult = z
  .object({ ...metric, baseline: z.number().finite(), target: z.number().finite(), start: isoDate, due: isoDate })
  .strict()
  .superRefine((kr, ctx) => {
    // The direction and the two values must tell the same story: 'up' needs a target above the baseline.
    if (kr.direction === 'up' ? kr.target <= kr.baseline : kr.target >= kr.baseline) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['target'],
        message: `must be ${kr.direction === 'up' ? 'above' : 'below'} the baseline (${kr.baseline}) when direction is ${kr.direction}`,
      });
    }
    if (kr.due <= kr.start) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['due'], message: `must be after start (${kr.start})` });
    }
  });

/** The Outcome document (YAML or JSON); a bad one is a 400 naming the field, e.g. `spec.keyResult.target`. */
export const outcomeDocumentSchema = z
  .object({
    apiVersion: z.literal('pulse.dev/v1'),
    kind: z.literal('Outcome'),
    metadata: z.object({ name: outcomeId }).passthrough(),
    spec: z
      .object({
        title: text(255),
        objective: text(2000),
        keyResult,
        customerSignal: z.object(metric).strict(),
      })
      .strict(),
  })
  .transform(
    (doc): OutcomeDocument => ({ apiVersion: doc.apiVersion, kind: doc.kind, metadata: { name: doc.metadata.name }, spec: doc.spec }),
  );

const ref = entityRefString.transform((value, ctx) => {
  try {
    return canonicalEntityRef(value);
  } catch (e) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: (e as Error).message });
    return z.NEVER;
  }
});

/** A group ref from a body: `payments` means `group:default/payments`; any other kind is refused. */
const groupRef = entityRefString.transform((value, ctx) => {
  try {
    const canonical = canonicalEntityRef(value.includes(':') ? value : `group:${value}`);
    if (canonical.startsWith('group:')) return canonical;
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'must be a group ref, e.g. group:default/payments' });
  } catch (e) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: (e as Error).message });
  }
  return z.NEVER;
});

const valueItem = z
  .object({
    entityRef: ref.optional(),
    groupRef: groupRef.optional(),
    outcome: outcomeId,
    metric: z.enum(['keyResult', 'customerSignal']),
    timestamp: isoInstant.transform(value => Date.parse(value)),
    value: z.number().finite(),
  })
  .strict()
  .superRefine((item, ctx) => {
    if ((item.entityRef === undefined) === (item.groupRef === undefined)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['entityRef'], message: 'give exactly one of entityRef and groupRef' });
    }
  })
  .transform(
    (item): Omit<OutcomeValueRecord, 'source'> => ({
      ownerRef: (item.entityRef ?? item.groupRef)!,
      outcomeId: item.outcome,
      metric: item.metric,
      timestamp: item.timestamp,
      value: item.value,
    }),
  );

/** POST /outcomes/values: `{ items }`, 1 to 1,000 values. */
export const outcomeValuesBatchSchema = batchOf(valueItem);

/** `?weeks=`: how many ISO weeks the answer covers, this one included (default 12, at most 53). */
export const outcomesQuerySchema = z.object({ weeks: z.coerce.number().int().min(1).max(53).default(12) }).strict();
