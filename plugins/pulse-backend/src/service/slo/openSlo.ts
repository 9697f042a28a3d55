import { InputError } from '@backstage/errors';
import {
  SLO_DURATION_PATTERN,
  SloDefinition,
  SloIndicator,
  SloObjectiveDefinition,
  parseSloCalendarStart,
  sloWindowTooLong,
  tidySloNumber,
} from '@pulse/plugin-pulse-common';
import { IANAZone } from 'luxon';
import { parseAllDocuments } from 'yaml';
import { z } from 'zod';
import { FieldError, ValidationError, parseInput } from '../validation';
import { inlineIndicator, openSloName } from './openSloIndicator';

const duration = z.string().regex(SLO_DURATION_PATTERN, 'must be a duration such as 5m, 28d, 1w or 1M');

/** A time slice has a fixed length (s, m, h or d); a bare number is minutes, as OpenSLO says. */
const sliceDuration = z.union([
  z.string().regex(/^[1-9][0-9]{0,4}[smhd]$/, 'must be a fixed duration such as 1m or 5m'),
  z
    .number()
    .int('must be a whole number of minutes or a duration such as 1m')
    .min(1)
    .max(99_999)
    .transform(minutes => `${minutes}m`),
]);

const calendar = z
  .object({
    startTime: z.string().max(64),
    timeZone: z.string().max(64).refine(zone => IANAZone.isValidZone(zone), 'must be an IANA time zone'),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (IANAZone.isValidZone(c.timeZone) && !parseSloCalendarStart(c.startTime, c.timeZone).isValid) {
      ctx.addIssue({ code: 'custom', path: ['startTime'], message: "must be a time such as '2026-01-01 00:00:00'" });
    }
  });

/** `isRolling` defaults to false with a calendar and to true without one (OpenSLO). */
const timeWindow = z
  .object({ duration, isRolling: z.boolean().optional(), calendar: calendar.optional() })
  .strict()
  .transform(({ isRolling, ...w }) => ({ ...w, isRolling: isRolling ?? w.calendar === undefined }))
  .superRefine((w, ctx) => {
    if (w.isRolling && w.calendar) {
      ctx.addIssue({ code: 'custom', path: ['calendar'], message: 'only calendar windows (isRolling: false) take a calendar' });
    }
    const tooLong = sloWindowTooLong(w);
    if (tooLong) ctx.addIssue({ code: 'custom', path: ['duration'], message: tooLong });
  });

const objective = z
  .object({
    displayName: z.string().max(255).optional(),
    op: z.enum(['lt', 'lte', 'gt', 'gte'], { errorMap: () => ({ message: "must be 'lt', 'lte', 'gt' or 'gte'" }) }).optional(),
    value: z.number().finite().optional(),
    target: z.number().gte(0, 'must be at least 0').lt(1, 'must be below 1 (a 100% objective has no error budget)').optional(),
    targetPercent: z.number().gte(0, 'must be at least 0').lt(100, 'must be below 100').optional(),
    timeSliceTarget: z.number().gt(0).lte(1).optional(),
    timeSliceWindow: sliceDuration.optional(),
    indicator: inlineIndicator.optional(),
    indicatorRef: openSloName.optional(),
    compositeWeight: z.number().gt(0, 'must be above 0').finite().optional(),
  })
  .strict()
  .refine(o => (o.target === undefined) !== (o.targetPercent === undefined), {
    message: 'needs exactly one of target and targetPercent',
    path: ['target'],
  });

/** An alert policy inline (`kind: AlertPolicy`) or by reference (`alertPolicyRef`); stored as given. */
const alertPolicy = z.union(
  [
    z.object({ alertPolicyRef: z.string().min(1).max(255) }).strict(),
    z
      .object({
        kind: z.literal('AlertPolicy').optional(),
        metadata: z.object({ name: z.string().min(1).max(255) }).passthrough(),
        spec: z.record(z.unknown()),
      })
      .passthrough(),
  ],
  { errorMap: () => ({ message: 'must be an inline AlertPolicy (metadata and spec) or { alertPolicyRef: <name> }' }) },
);

/** Which slice fields each budgeting method needs (OpenSLO): RatioTimeslices takes a slice but no slice target. */
const sliceFields = {
  Occurrences: { timeSliceTarget: 'refused', timeSliceWindow: 'refused' },
  Timeslices: { timeSliceTarget: 'required', timeSliceWindow: 'required' },
  RatioTimeslices: { timeSliceTarget: 'optional', timeSliceWindow: 'required' },
} as const;

/** The OpenSLO v1 `kind: SLO` document; what Pulse cannot evaluate is a 400 naming the field (docs/slo.md). */
const openSloSchema = z
  .object({
    apiVersion: z.literal('openslo/v1', { errorMap: () => ({ message: "must be 'openslo/v1'" }) }),
    kind: z.literal('SLO', { errorMap: () => ({ message: "must be 'SLO'" }) }),
    metadata: z
      .object({
        name: openSloName,
        displayName: z.string().max(255).optional(),
        labels: z.record(z.unknown()).optional(),
        annotations: z.record(z.string()).optional(),
      })
      .strict(),
    spec: z
      .object({
        description: z.string().max(1050).optional(),
        service: z.string().max(255).optional(),
        indicator: inlineIndicator.optional(),
        indicatorRef: openSloName.optional(),
        timeWindow: z
          .array(timeWindow, { required_error: 'is required: Pulse computes budgets over exactly one time window' })
          .length(1, 'must hold exactly one time window'),
        budgetingMethod: z.enum(['Occurrences', 'Timeslices', 'RatioTimeslices'], {
          errorMap: () => ({ message: "must be 'Occurrences', 'Timeslices' or 'RatioTimeslices'" }),
        }),
        objectives: z.array(objective).min(1, 'needs at least one objective').max(20),
        /** Stored as given; Pulse computes its own multi-window burn-rate alerts. An empty key (null) is none. */
        alertPolicies: z.array(alertPolicy).nullish(),
      })
      .strict()
      .superRefine((spec, ctx) => {
        const composite = spec.objectives.some(o => o.indicator !== undefined || o.indicatorRef !== undefined);
        if (composite) {
          if (spec.indicator !== undefined || spec.indicatorRef !== undefined) {
            ctx.addIssue({
              code: 'custom',
              path: [spec.indicator !== undefined ? 'indicator' : 'indicatorRef'],
              message: 'a composite SLO (objectives with their own indicators) has no SLO-level indicator',
            });
          }
          spec.objectives.forEach((o, i) => {
            if ((o.indicator === undefined) === (o.indicatorRef === undefined)) {
              ctx.addIssue({
                code: 'custom',
                path: ['objectives', i, 'indicator'],
                message: 'needs exactly one of indicator and indicatorRef in a composite SLO',
              });
            }
          });
        } else if ((spec.indicator === undefined) === (spec.indicatorRef === undefined)) {
          ctx.addIssue({ code: 'custom', path: ['indicator'], message: 'needs exactly one of indicator and indicatorRef' });
        }
        const rules = sliceFields[spec.budgetingMethod];
        spec.objectives.forEach((o, i) => {
          for (const field of ['timeSliceTarget', 'timeSliceWindow'] as const) {
            if (rules[field] === 'required' && o[field] === undefined) {
              ctx.addIssue({
                code: 'custom',
                path: ['objectives', i, field],
                message: `is required with budgetingMethod ${spec.budgetingMethod}`,
              });
            }
            if (rules[field] === 'refused' && o[field] !== undefined) {
              ctx.addIssue({
                code: 'custom',
                path: ['objectives', i, field],
                message: 'is only allowed with budgetingMethod Timeslices or RatioTimeslices',
              });
            }
          }
        });
      }),
  })
  .strict();

/** `kind: SLI` documents found beside an SLO, by name: what `indicatorRef`s resolve against. */
export type OpenSloIndicators = ReadonlyMap<string, SloIndicator>;

type ParsedObjective = z.infer<typeof objective>;

/** An objective's indicator with its ref resolved; the ref stays only when no SLI document of that name was given. */
function resolved(indicator: SloIndicator | undefined, ref: string | undefined, indicators: OpenSloIndicators) {
  const found = ref === undefined ? undefined : indicators.get(ref);
  if (found) return { indicator: found };
  return { ...(indicator ? { indicator } : {}), ...(ref !== undefined ? { indicatorRef: ref } : {}) };
}

/**
 * Threshold rules that need the resolved indicator: a threshold SLI's objective needs `op` and `value` and (OpenSLO) an
 * SLO with a threshold indicator has one objective; `value` on an indicator that is not known is refused, since Pulse
 * would not know that samples are values.
 */
function thresholdErrors(
  spec: { indicator?: SloIndicator; indicatorRef?: string },
  objectives: Array<ParsedObjective & { indicator?: SloIndicator; indicatorRef?: string }>,
): FieldError[] {
  const errors: FieldError[] = [];
  const composite = objectives.some(o => o.indicator !== undefined || o.indicatorRef !== undefined);
  if (!composite && spec.indicator?.spec.thresholdMetric && objectives.length > 1) {
    errors.push({ path: 'spec.objectives', message: 'an SLO with a thresholdMetric indicator has exactly one objective' });
  }
  objectives.forEach((o, i) => {
    const indicator = composite ? o.indicator : spec.indicator;
    if (indicator?.spec.thresholdMetric) {
      for (const field of ['op', 'value'] as const) {
        if (o[field] === undefined) {
          errors.push({ path: `spec.objectives.${i}.${field}`, message: 'is required with a thresholdMetric indicator' });
        }
      }
    } else if (!indicator && o.value !== undefined) {
      errors.push({
        path: `spec.objectives.${i}.value`,
        message: 'needs a known thresholdMetric indicator: send the kind: SLI document that indicatorRef names with the SLO',
      });
    }
  });
  return errors;
}

/**
 * Composite SLOs (objectives with their own indicators): samples are keyed by objective (`sloObjectiveKey`: the
 * displayName, else `objective-<i>`), so the keys must differ. Timeslices composites are refused: OpenSLO counts a
 * slice bad for the composite when it is bad for any objective, which the per-objective sums cannot tell
 * (docs/slo.md, "Composite SLOs").
 */
function compositeErrors(budgetingMethod: string, objectives: ParsedObjective[]): FieldError[] {
  if (!objectives.some(o => o.indicator !== undefined || o.indicatorRef !== undefined)) return [];
  if (budgetingMethod === 'Timeslices') {
    return [
      {
        path: 'spec.budgetingMethod',
        message:
          'a composite SLO is evaluated with Occurrences or RatioTimeslices: with Timeslices a slice is bad for the composite when it is bad for any objective, which Pulse does not count yet',
      },
    ];
  }
  const seen = new Map<string, number>();
  return objectives.flatMap((o, i) => {
    const key = o.displayName ?? `objective-${i}`;
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, i);
      return [];
    }
    return [
      {
        path: `spec.objectives.${i}.displayName`,
        message: `must differ from objective ${first}'s ('${key}'): a composite SLO's samples are sent per objective, by displayName (or objective-<index> without one)`,
      },
    ];
  });
}

/**
 * Validates one OpenSLO `kind: SLO` document and normalizes it: `targetPercent` into `target`, `isRolling` defaulted,
 * a numeric `timeSliceWindow` into minutes, and each `indicatorRef` that names one of `indicators` replaced by it.
 */
export function parseOpenSloDocument(document: unknown, indicators: OpenSloIndicators = new Map()): SloDefinition {
  const doc = parseInput(openSloSchema, document, 'OpenSLO document');
  const { alertPolicies, indicator, indicatorRef, ...spec } = doc.spec;
  const sloIndicator = resolved(indicator, indicatorRef, indicators);
  const objectives = doc.spec.objectives.map(({ indicator: own, indicatorRef: ownRef, ...o }) => ({
    ...o,
    ...resolved(own, ownRef, indicators),
  }));
  const errors = [...compositeErrors(doc.spec.budgetingMethod, doc.spec.objectives), ...thresholdErrors(sloIndicator, objectives)];
  if (errors.length > 0) throw new ValidationError(errors, 'OpenSLO document');
  return {
    ...doc,
    spec: {
      ...spec,
      ...sloIndicator,
      timeWindow: [doc.spec.timeWindow[0]],
      objectives: objectives.map(({ target, targetPercent, ...rest }): SloObjectiveDefinition => ({
        ...rest,
        target: target ?? tidySloNumber((targetPercent ?? 0) / 100),
      })),
      ...(alertPolicies ? { alertPolicies } : {}),
    },
  };
}

/** The documents of a YAML (or JSON) text; throws an InputError on a syntax error. */
export function parseYamlDocuments(text: string): unknown[] {
  return parseAllDocuments(text).map((doc, i) => {
    if (doc.errors.length > 0) {
      throw new InputError(`Invalid YAML in document ${i + 1}: ${doc.errors[0].message}`);
    }
    return doc.toJS();
  });
}
