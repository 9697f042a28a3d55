import { InputError } from '@backstage/errors';
import {
  SLO_DURATION_PATTERN,
  SloDefinition,
  parseSloCalendarStart,
  tidySloNumber,
} from '@pulse/plugin-pulse-common';
import { IANAZone } from 'luxon';
import { parseAllDocuments } from 'yaml';
import { z } from 'zod';
import { parseInput } from '../validation';

const duration = z.string().regex(SLO_DURATION_PATTERN, 'must be a duration such as 5m, 28d, 1w or 1M');

/** A time slice has a fixed length (s, m, h or d). */
const sliceDuration = z.string().regex(/^[1-9][0-9]{0,4}[smhd]$/, 'must be a fixed duration such as 1m or 5m');

/** OpenSLO names are DNS labels. */
const name = z
  .string()
  .max(63)
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'must be a lower-case DNS label such as checkout-availability');

const metricSource = z
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

const ratioMetric = z
  .object({
    counter: z.boolean().optional(),
    rawType: z.enum(['success', 'failure']).optional(),
    good: metricSource.optional(),
    bad: metricSource.optional(),
    total: metricSource,
  })
  .strict()
  .refine(r => (r.good === undefined) !== (r.bad === undefined), {
    message: 'needs exactly one of good and bad',
    path: ['good'],
  });

const indicator = z
  .object({
    metadata: z
      .object({ name, displayName: z.string().max(255).optional() })
      .passthrough()
      .optional(),
    spec: z.object({ ratioMetric }).strict('only ratioMetric indicators (good/total or bad/total) are supported'),
  })
  .strict();

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

const timeWindow = z
  .object({ duration, isRolling: z.boolean().default(true), calendar: calendar.optional() })
  .strict()
  .refine(w => !(w.isRolling && w.calendar), {
    message: 'only calendar windows (isRolling: false) take a calendar',
    path: ['calendar'],
  })
  .refine(w => w.isRolling || /[dwMQY]$/.test(w.duration), {
    message: 'a calendar window is a number of days, weeks, months, quarters or years',
    path: ['duration'],
  });

const objective = z
  .object({
    displayName: z.string().max(255).optional(),
    target: z.number().gt(0, 'must be above 0').lt(1, 'must be below 1 (a 100% objective has no error budget)').optional(),
    targetPercent: z.number().gt(0, 'must be above 0').lt(100, 'must be below 100').optional(),
    timeSliceTarget: z.number().gt(0).lte(1).optional(),
    timeSliceWindow: sliceDuration.optional(),
  })
  .strict()
  .refine(o => (o.target === undefined) !== (o.targetPercent === undefined), {
    message: 'needs exactly one of target and targetPercent',
    path: ['target'],
  });

/** The OpenSLO v1 `kind: SLO` subset Pulse evaluates; anything else is a 400 naming the field. */
const openSloSchema = z
  .object({
    apiVersion: z.literal('openslo/v1', { errorMap: () => ({ message: "must be 'openslo/v1'" }) }),
    kind: z.literal('SLO', { errorMap: () => ({ message: "must be 'SLO'" }) }),
    metadata: z
      .object({
        name,
        displayName: z.string().max(255).optional(),
        labels: z.record(z.unknown()).optional(),
        annotations: z.record(z.string()).optional(),
      })
      .strict(),
    spec: z
      .object({
        description: z.string().max(1050).optional(),
        service: z.string().max(255).optional(),
        indicator: indicator.optional(),
        indicatorRef: z.string().min(1).max(255).optional(),
        timeWindow: z.array(timeWindow).length(1, 'must hold exactly one time window'),
        budgetingMethod: z.enum(['Occurrences', 'Timeslices'], {
          errorMap: () => ({ message: "must be 'Occurrences' or 'Timeslices'" }),
        }),
        objectives: z.array(objective).min(1, 'needs at least one objective').max(20),
        /** Accepted so OpenSLO files load; Pulse computes its own multi-window burn-rate alerts. */
        alertPolicies: z.array(z.unknown()).optional(),
      })
      .strict()
      .superRefine((spec, ctx) => {
        if ((spec.indicator === undefined) === (spec.indicatorRef === undefined)) {
          ctx.addIssue({ code: 'custom', path: ['indicator'], message: 'needs exactly one of indicator and indicatorRef' });
        }
        const timeslices = spec.budgetingMethod === 'Timeslices';
        spec.objectives.forEach((o, i) => {
          for (const field of ['timeSliceTarget', 'timeSliceWindow'] as const) {
            if (timeslices && o[field] === undefined) {
              ctx.addIssue({ code: 'custom', path: ['objectives', i, field], message: 'is required with budgetingMethod Timeslices' });
            }
            if (!timeslices && o[field] !== undefined) {
              ctx.addIssue({ code: 'custom', path: ['objectives', i, field], message: 'is only allowed with budgetingMethod Timeslices' });
            }
          }
        });
      }),
  })
  .strict();

/** Validates one OpenSLO document and normalizes it (targetPercent into target, isRolling defaulted). */
export function parseOpenSloDocument(document: unknown): SloDefinition {
  const doc = parseInput(openSloSchema, document, 'OpenSLO document');
  const { alertPolicies: _ignored, ...spec } = doc.spec;
  return {
    ...doc,
    spec: {
      ...spec,
      timeWindow: [doc.spec.timeWindow[0]],
      objectives: doc.spec.objectives.map(({ target, targetPercent, ...rest }) => ({
        ...rest,
        target: target ?? tidySloNumber((targetPercent ?? 0) / 100),
      })),
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
