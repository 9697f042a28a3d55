import { InputError } from '@backstage/errors';
import { z } from 'zod';

/** Largest batch one ingestion request may carry. */
export const MAX_BATCH_ITEMS = 1000;

/** Formats zod issues as "path: message" so a 400 names the bad field. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map(issue => `${issue.path.length ? issue.path.join('.') : '(body)'}: ${issue.message}`)
    .join('; ');
}

/** Parses input against a schema or throws an InputError (400) naming every bad field. */
export function parseInput<S extends z.ZodTypeAny>(
  schema: S,
  input: unknown,
  what = 'request',
): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new InputError(`Invalid ${what}: ${describeIssues(result.error)}`);
  }
  return result.data;
}

/** An ISO 8601 instant with an offset or Z, e.g. 2026-11-29T10:00:00Z. */
export const isoInstant = z
  .string()
  .max(64)
  .datetime({ offset: true, message: 'must be an ISO 8601 date-time with a time zone, e.g. 2026-11-29T10:00:00Z' });

/** An entity reference such as component:default/checkout (kind and namespace may be omitted for components). */
export const entityRefString = z.string().min(1).max(255);

/** The `{ "items": [...] }` envelope of every ingestion endpoint, at most MAX_BATCH_ITEMS long. */
export function batchOf<T extends z.ZodTypeAny>(item: T) {
  return z
    .object({
      items: z.array(item).min(1, 'must hold at least one item').max(MAX_BATCH_ITEMS, `must hold at most ${MAX_BATCH_ITEMS} items`),
    })
    .strict();
}
