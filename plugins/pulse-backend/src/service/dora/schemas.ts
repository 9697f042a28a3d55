import { InputError } from '@backstage/errors';
import { DORA_DAY_MS, DORA_DEFAULT_WINDOW_DAYS } from '@pulse/plugin-pulse-common';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { canonicalEntityRef } from '../entityRefs';
import { entityRefString, isoInstant } from '../validation';

/** The longest window a scorecard may cover. */
const MAX_WINDOW_DAYS = 731;

const id = z.string().min(1).max(255);
const instant = isoInstant.transform(value => Date.parse(value));
const optional = <T extends z.ZodTypeAny>(schema: T) => schema.nullish().transform(value => value ?? undefined);

/** An entity ref from a body, stored canonical and lower-cased. */
const entityRef = entityRefString.transform((ref, ctx) => {
  try {
    return canonicalEntityRef(ref);
  } catch (e) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: (e as Error).message });
    return z.NEVER;
  }
});

/** Adds an issue on `field` when it comes before `earlier`. */
function notBefore<T extends Record<string, unknown>>(field: keyof T & string, earlier: keyof T & string) {
  return (item: T, ctx: z.RefinementCtx) => {
    const later = item[field];
    if (typeof later === 'number' && later < (item[earlier] as number)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: [field], message: `must not be before ${earlier}` });
    }
  };
}

export const doraDeploymentSchema = z
  .object({
    id,
    entityRef,
    environment: z.string().min(1).max(255),
    startedAt: instant,
    finishedAt: instant,
    status: z.enum(['success', 'failure']),
    commits: z.array(id).max(10_000).default([]),
    rework: z.boolean().default(false),
  })
  .superRefine(notBefore('finishedAt', 'startedAt'));

export const doraChangeSchema = z
  .object({ id, entityRef, createdAt: instant, mergedAt: optional(instant) })
  .superRefine(notBefore('mergedAt', 'createdAt'));

export const doraIncidentSchema = z
  .object({
    id,
    entityRef,
    createdAt: instant,
    resolvedAt: optional(instant),
    deploymentId: optional(id),
    environment: optional(z.string().min(1).max(255)),
    description: optional(z.string().max(4000)),
  })
  .superRefine(notBefore('resolvedAt', 'createdAt'));

/** An ISO date (a whole UTC day) or an ISO date-time with a time zone. */
const dateOrInstant = z
  .string()
  .max(64)
  .refine(
    value => /^\d{4}-\d{2}-\d{2}$/.test(value) || isoInstant.safeParse(value).success,
    'must be an ISO 8601 date (2026-11-29) or date-time with a time zone (2026-11-29T10:00:00Z)',
  )
  .refine(value => !Number.isNaN(Date.parse(value)), 'is not a valid date');

export const doraWindowQuerySchema = z.object({ from: dateOrInstant.optional(), to: dateOrInstant.optional() });

/**
 * The window [from, to) of `?from=&to=`: a date `from` starts at its midnight in the time zone, a date `to` includes
 * its whole day. Defaults: `to` now, `from` `defaultDays` (90) days before `to`.
 */
export function doraWindowOf(
  query: z.infer<typeof doraWindowQuerySchema>,
  now: number,
  timeZone: string,
  defaultDays = DORA_DEFAULT_WINDOW_DAYS,
): { from: number; to: number } {
  const isDate = (value: string) => value.length === 10;
  const midnight = (date: string) => DateTime.fromISO(date, { zone: timeZone });
  const instantOf = (value: string, endOfDay: boolean) => {
    if (!isDate(value)) return Date.parse(value);
    return (endOfDay ? midnight(value).plus({ days: 1 }) : midnight(value)).toMillis();
  };
  const to = query.to ? instantOf(query.to, true) : now;
  const from = query.from ? instantOf(query.from, false) : to - defaultDays * DORA_DAY_MS;
  if (from >= to) {
    throw new InputError(`Invalid window: from (${new Date(from).toISOString()}) must be before to (${new Date(to).toISOString()})`);
  }
  if (to - from > MAX_WINDOW_DAYS * DORA_DAY_MS) {
    throw new InputError(`Invalid window: at most ${MAX_WINDOW_DAYS} days`);
  }
  return { from, to };
}
