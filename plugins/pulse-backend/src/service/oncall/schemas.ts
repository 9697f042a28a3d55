import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { z } from 'zod';
import { canonicalEntityRef } from '../entityRefs';
import { entityRefString, isoInstant } from '../validation';

const instant = isoInstant.transform(value => Date.parse(value));
const optional = <T extends z.ZodTypeAny>(schema: T) => schema.nullish().transform(value => value ?? undefined);

/** A ref from a body, canonical and lower-cased; `kind` is what a ref without one means, and the only kind allowed. */
const refOfKind = (kind: 'component' | 'user', anyKind: boolean) =>
  entityRefString.transform((ref, ctx) => {
    try {
      const canonical =
        kind === 'component'
          ? canonicalEntityRef(ref)
          : stringifyEntityRef(parseEntityRef(ref, { defaultKind: 'user', defaultNamespace: 'default' })).toLocaleLowerCase('en-US');
      if (!anyKind && !canonical.startsWith(`${kind}:`)) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: `must be a ${kind} ref, e.g. ${kind}:default/bob` });
        return z.NEVER;
      }
      return canonical;
    } catch (e) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: (e as Error).message });
      return z.NEVER;
    }
  });

/** Adds an issue on `field` when it comes before `triggeredAt`. */
const notBeforeTrigger = (field: 'acknowledgedAt' | 'resolvedAt') => (item: { triggeredAt: number } & Record<string, unknown>, ctx: z.RefinementCtx) => {
  const later = item[field];
  if (typeof later === 'number' && later < item.triggeredAt) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: [field], message: 'must not be before triggeredAt' });
  }
};

/** One page of `POST /oncall/pages`. */
export const oncallPageSchema = z
  .object({
    id: z.string().min(1).max(255),
    entityRef: refOfKind('component', true),
    triggeredAt: instant,
    acknowledgedAt: optional(instant),
    resolvedAt: optional(instant),
    urgency: z.enum(['high', 'low']).default('high'),
    responderRef: optional(refOfKind('user', false)),
    source: optional(z.string().min(1).max(255)),
  })
  .superRefine(notBeforeTrigger('acknowledgedAt'))
  .superRefine(notBeforeTrigger('resolvedAt'));
