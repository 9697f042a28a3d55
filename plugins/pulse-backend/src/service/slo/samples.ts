import { InputError } from '@backstage/errors';
import { SliSampleRow, SloRepository, sloKey } from '@pulse/plugin-pulse-node';
import { z } from 'zod';
import { FieldError, ValidationError, batchOf, entityRefString, isoInstant, parseInput } from '../validation';
import { canonicalEntityRef } from '../entityRefs';

/** Clock skew tolerated between a sender and this backend before a timestamp counts as in the future. */
const FUTURE_TOLERANCE_MS = 60_000;

const count = z.number().int('must be a whole number').nonnegative('must not be negative').max(Number.MAX_SAFE_INTEGER);

const sampleItem = z
  .object({
    entityRef: entityRefString,
    slo: z.string().min(1).max(255),
    timestamp: isoInstant,
    good: count.optional(),
    bad: count.optional(),
    total: count,
  })
  .strict()
  .superRefine((item, ctx) => {
    if ((item.good === undefined) === (item.bad === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['good'], message: 'give exactly one of good and bad' });
    }
    for (const field of ['good', 'bad'] as const) {
      const value = item[field];
      if (value !== undefined && value > item.total) {
        ctx.addIssue({ code: 'custom', path: [field], message: `must not exceed total (${item.total})` });
      }
    }
    if (Date.parse(item.timestamp) > Date.now() + FUTURE_TOLERANCE_MS) {
      ctx.addIssue({ code: 'custom', path: ['timestamp'], message: 'must not be in the future' });
    }
  });

const samplesBody = batchOf(sampleItem);

/**
 * Validates a `POST /slo/samples` body: every item on its own first, then against the store (each entity and SLO
 * pair must be defined). Throws a ValidationError naming every bad item; returns the rows to write.
 */
export async function parseSampleBatch(body: unknown, slos: SloRepository): Promise<SliSampleRow[]> {
  const { items } = parseInput(samplesBody, body, 'samples');
  const errors: FieldError[] = [];
  const refs = items.map((item, index) => {
    try {
      return canonicalEntityRef(item.entityRef);
    } catch (e) {
      errors.push({ index, path: `items.${index}.entityRef`, message: (e as InputError).message });
      return undefined;
    }
  });
  const ids = await slos.findSloIds(
    items.flatMap((item, i) => (refs[i] ? [{ entityRef: refs[i]!, name: item.slo }] : [])),
  );
  const rows = items.flatMap((item, index) => {
    const ref = refs[index];
    if (!ref) return [];
    const sloId = ids.get(sloKey(ref, item.slo));
    if (sloId === undefined) {
      errors.push({ index, path: `items.${index}.slo`, message: `no SLO '${item.slo}' is defined for ${ref}` });
      return [];
    }
    const good = item.good ?? item.total - (item.bad ?? 0);
    return [{ sloId, ts: Date.parse(item.timestamp), good, total: item.total }];
  });
  if (errors.length > 0) {
    throw new ValidationError(errors.sort((a, b) => (a.index ?? 0) - (b.index ?? 0)), 'samples');
  }
  return rows;
}
