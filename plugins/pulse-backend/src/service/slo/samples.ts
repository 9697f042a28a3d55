import { InputError } from '@backstage/errors';
import { SloSampleForm as SampleForm } from '@pulse/plugin-pulse-common';
import { SliSampleRow, SliValueRow, SloRepository, sloKey } from '@pulse/plugin-pulse-node';
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
    /** A composite SLO's objective, by key (displayName, else objective-<index>). */
    objective: z.string().min(1).max(255).optional(),
    timestamp: isoInstant,
    good: count.optional(),
    bad: count.optional(),
    total: count.optional(),
    /** A threshold SLI's measured value, instead of counts. */
    value: z.number().finite('must be a finite number').optional(),
  })
  .strict()
  .superRefine((item, ctx) => {
    // A value is checked against the SLO's form later; here only the counts' own rules.
    if (item.value !== undefined) return;
    if (item.total === undefined) {
      ctx.addIssue({ code: 'custom', path: ['total'], message: 'is required (or value, for a threshold SLO)' });
    }
    if ((item.good === undefined) === (item.bad === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['good'], message: 'give exactly one of good and bad' });
    }
    for (const field of ['good', 'bad'] as const) {
      const value = item[field];
      if (value !== undefined && item.total !== undefined && value > item.total) {
        ctx.addIssue({ code: 'custom', path: [field], message: `must not exceed total (${item.total})` });
      }
    }
  })
  .superRefine((item, ctx) => {
    if (Date.parse(item.timestamp) > Date.now() + FUTURE_TOLERANCE_MS) {
      ctx.addIssue({ code: 'custom', path: ['timestamp'], message: 'must not be in the future' });
    }
  });

type SampleItem = z.infer<typeof sampleItem>;

/** Why an item's form does not fit its SLO: a threshold SLO takes `value` only, any other SLO counts only. */
function formErrors(item: SampleItem, index: number, form: SampleForm): FieldError[] {
  const fields = form === 'value' ? (['good', 'bad', 'total'] as const).filter(f => item[f] !== undefined) : [];
  if (form === 'value') {
    const wrong = fields.map(f => ({ index, path: `items.${index}.${f}`, message: 'a threshold SLO takes value, not counts' }));
    return item.value === undefined
      ? [...wrong, { index, path: `items.${index}.value`, message: 'is required for a threshold SLO' }]
      : wrong;
  }
  return item.value === undefined
    ? []
    : [{ index, path: `items.${index}.value`, message: 'is only for threshold SLOs: send good or bad, and total' }];
}

/**
 * Which objective an item is for: a composite SLO's samples name one of its objective keys, other SLOs' name none.
 * Returns the key to store ('' for a non-composite SLO) and its sample form, or the error naming `items.<i>.objective`.
 */
function objectiveOf(
  item: SampleItem,
  index: number,
  slo: { form: SampleForm; objectives?: Map<string, SampleForm> },
): { key: string; form: SampleForm } | FieldError {
  const path = `items.${index}.objective`;
  if (!slo.objectives) {
    return item.objective === undefined
      ? { key: '', form: slo.form }
      : { index, path, message: `is only for composite SLOs: '${item.slo}' has one indicator for all its objectives` };
  }
  const keys = [...slo.objectives.keys()].map(k => `'${k}'`).join(', ');
  if (item.objective === undefined) {
    return { index, path, message: `is required for the composite SLO '${item.slo}': one of ${keys}` };
  }
  const form = slo.objectives.get(item.objective);
  return form === undefined
    ? { index, path, message: `'${item.slo}' has no objective '${item.objective}': one of ${keys}` }
    : { key: item.objective, form };
}

const samplesBody = batchOf(sampleItem);

/**
 * Validates a `POST /slo/samples` body: every item on its own first, then against the store (each entity and SLO
 * pair must be defined, and a threshold SLO takes values, any other counts). Throws a ValidationError naming every
 * bad item; returns the rows to write.
 */
export async function parseSampleBatch(
  body: unknown,
  slos: SloRepository,
): Promise<{ samples: SliSampleRow[]; values: SliValueRow[] }> {
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
  const found = await slos.findSloSampleForms(
    items.flatMap((item, i) => (refs[i] ? [{ entityRef: refs[i]!, name: item.slo }] : [])),
  );
  const samples: SliSampleRow[] = [];
  const values: SliValueRow[] = [];
  items.forEach((item, index) => {
    const ref = refs[index];
    if (!ref) return;
    const slo = found.get(sloKey(ref, item.slo));
    if (slo === undefined) {
      errors.push({ index, path: `items.${index}.slo`, message: `no SLO '${item.slo}' is defined for ${ref}` });
      return;
    }
    const objective = objectiveOf(item, index, slo);
    if ('path' in objective) {
      errors.push(objective);
      return;
    }
    const wrongForm = formErrors(item, index, objective.form);
    if (wrongForm.length > 0) {
      errors.push(...wrongForm);
      return;
    }
    const ts = Date.parse(item.timestamp);
    const key = objective.key ? { objective: objective.key } : {};
    if (item.value !== undefined) {
      values.push({ sloId: slo.id, ...key, ts, value: item.value });
    } else {
      const total = item.total!;
      samples.push({ sloId: slo.id, ...key, ts, good: item.good ?? total - (item.bad ?? 0), total });
    }
  });
  if (errors.length > 0) {
    throw new ValidationError(errors.sort((a, b) => (a.index ?? 0) - (b.index ?? 0)), 'samples');
  }
  return { samples, values };
}
