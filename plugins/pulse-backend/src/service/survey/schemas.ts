import { NPS_MAX, SURVEY_TEXT_MAX_LENGTH } from '@pulse/plugin-pulse-common';
import { z } from 'zod';
import { entityRefString, isoInstant } from '../validation';

/** Stable ids of templates, questions and choices: lower-case words joined by hyphens. */
const slug = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case letters and digits joined by hyphens, e.g. focus-time');

const label = z.string().trim().min(1).max(500);

const question = z
  .object({
    id: slug,
    type: z.enum(['scale', 'nps', 'choice', 'text']),
    prompt: label,
    required: z.boolean().default(true),
    min: z.number().int().min(0).max(NPS_MAX).optional(),
    max: z.number().int().min(1).max(NPS_MAX).optional(),
    minLabel: label.optional(),
    maxLabel: label.optional(),
    choices: z.array(z.object({ id: slug, label }).strict()).min(2).max(30).optional(),
    multiple: z.boolean().optional(),
  })
  .strict()
  .superRefine((q, issue) => {
    if (q.type === 'scale' && (q.min === undefined || q.max === undefined || q.min >= q.max)) {
      issue.addIssue({ code: 'custom', path: ['max'], message: 'a scale needs whole numbers min < max (0 to 10)' });
    }
    if (q.type === 'choice') {
      if (!q.choices) issue.addIssue({ code: 'custom', path: ['choices'], message: 'a choice question needs choices' });
      else if (new Set(q.choices.map(c => c.id)).size !== q.choices.length) {
        issue.addIssue({ code: 'custom', path: ['choices'], message: 'choice ids must be unique' });
      }
    }
  });

/** `POST /surveys/templates`. */
export const templateInput = z
  .object({
    id: slug,
    title: label,
    description: z.string().max(SURVEY_TEXT_MAX_LENGTH).optional(),
    questions: z
      .array(question)
      .min(1)
      .max(50)
      .refine(qs => new Set(qs.map(q => q.id)).size === qs.length, 'question ids must be unique'),
  })
  .strict();

/** `POST /surveys/rounds`. */
export const roundInput = z
  .object({
    templateId: slug.optional(),
    title: label,
    target: z
      .object({
        type: z.enum(['entity', 'group', 'components']),
        entityRef: entityRefString.optional(),
        groupRef: entityRefString.optional(),
      })
      .strict(),
    opensAt: isoInstant,
    closesAt: isoInstant,
    audience: z.enum(['owners', 'everyone']).optional(),
  })
  .strict()
  .refine(r => Date.parse(r.closesAt) > Date.parse(r.opensAt), {
    path: ['closesAt'],
    message: 'must be after opensAt',
  });

/** `POST /surveys/rounds/:id/responses`: the envelope; answers are checked against the template afterwards. */
export const responseInput = z
  .object({
    entityRef: entityRefString,
    // Values are checked against the round's questions (type, scale, choices), naming the question.
    answers: z.record(z.string().max(255), z.unknown()),
  })
  .strict();

/** A round id in a path: an INTEGER column, so at most 2^31 - 1. */
export const roundId = z.coerce.number().int().positive().max(2_147_483_647);

/** `?entityRef=` or `?groupRef=` (at most one) on results and trends. */
export const scopeQuery = z
  .object({ entityRef: entityRefString.optional(), groupRef: entityRefString.optional() })
  .refine(q => !(q.entityRef && q.groupRef), { message: 'give entityRef or groupRef, not both' });

/** `?roundId=` on the overview; the latest round when absent. */
export const overviewQuery = z.object({ roundId: roundId.optional() });
