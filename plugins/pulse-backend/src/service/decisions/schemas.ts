import { MAX_POLICY_OVERRIDE_DAYS, MAX_RELEASE_EXCEPTION_DAYS } from '@pulse/plugin-pulse-common';
import { z } from 'zod';
import { isoInstant } from '../validation';

const fraction = z.number().min(-1).max(1);

/** An exception reason such as `security` or `incident-fix`. */
export const exceptionReason = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be a lower-case word such as security or incident-fix (a-z, 0-9, -)');

/** A partial error-budget policy: the body of the policy PUT, and each group's override in app-config. */
export const policyOverrideSchema = z
  .object({
    caution: z
      .object({ remainingBelow: fraction.optional(), onTicketAlert: z.boolean().optional() })
      .strict()
      .optional(),
    freeze: z
      .object({
        remainingAtOrBelow: fraction.optional(),
        onPageAlert: z.boolean().optional(),
        blocksReleases: z.boolean().optional(),
      })
      .strict()
      .optional(),
    exceptions: z.array(exceptionReason).max(20).optional(),
  })
  .strict();

/** `pulse.policy` in app-config: the portal default and, under `groups`, overrides keyed by group ref. */
export const policyConfigSchema = policyOverrideSchema.extend({
  /** Read by the portal's permission policy (who holds `pulse.policy.manage`), not by the plugin. */
  managers: z.array(z.string().min(1).max(255)).optional(),
  groups: z.record(z.string().min(1).max(255), policyOverrideSchema).optional(),
});

/** The body of `POST .../release-gate`. */
export const gateCheckSchema = z.object({ reason: exceptionReason.optional() }).strict();

/** `?reason=` of the release-gate preview. */
export const gatePreviewQuery = z.object({ reason: exceptionReason.optional() }).strict();

/** `?limit=` of the gate decision list. */
export const gateDecisionsQuery = z
  .object({ limit: z.coerce.number().int().min(1).max(500).default(50) })
  .strict();

const groupRef = z.string().min(1).max(255).optional();

/** `?month=YYYY-MM&groupRef=` of the monthly review. */
export const reviewQuery = z
  .object({
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month such as 2026-11'),
    groupRef,
  })
  .strict();

/** `?groupRef=&days=` of the speed-vs-reliability view. */
export const quadrantQuery = z
  .object({ groupRef, days: z.coerce.number().int().min(7).max(365).default(90) })
  .strict();

/**
 * The body of `PATCH /dora/incidents/:id`: a postmortem (an http(s) URL, or null to unlink) and/or the learnings
 * (1 to 4,000 characters once trimmed, or null to clear); at least one of the two.
 */
export const incidentFollowUpSchema = z
  .object({
    postmortemUrl: z
      .string()
      .max(2048)
      .url('must be an absolute URL')
      .refine(url => /^https?:\/\//i.test(url), 'must be an http or https URL')
      .nullable()
      .optional(),
    learnings: z
      .string()
      .trim()
      .min(1, 'must not be empty (send null to clear the learnings)')
      .max(4000, 'must be at most 4000 characters')
      .nullable()
      .optional(),
  })
  .strict()
  .superRefine((body, issues) => {
    if (body.postmortemUrl === undefined && body.learnings === undefined) {
      issues.addIssue({ code: z.ZodIssueCode.custom, path: ['learnings'], message: 'give postmortemUrl, learnings or both' });
    }
  });

const DAY_MS = 86_400_000;

/** Free text of a decision: 1 to 500 characters once trimmed. */
const decisionReason = z.string().trim().min(1, 'must not be empty').max(500, 'must be at most 500 characters');

/** An ISO 8601 instant after `nowMs` and at most `maxDays` ahead of it, as epoch ms. */
const futureInstant = (nowMs: number, maxDays: number) =>
  isoInstant
    .transform(text => Date.parse(text))
    .refine(ms => ms > nowMs, 'must be in the future')
    .refine(ms => ms <= nowMs + maxDays * DAY_MS, `must be at most ${maxDays} days ahead`);

/**
 * The body of the policy PUT: the threshold keys of {@link policyOverrideSchema} (older bodies stay valid), and
 * optionally a forced `state`, which needs a `reason` and an `expiresAt`.
 */
export const entityPolicyPutSchema = (nowMs: number) =>
  policyOverrideSchema
    .extend({
      state: z.enum(['normal', 'caution', 'freeze']).optional(),
      reason: decisionReason.optional(),
      expiresAt: futureInstant(nowMs, MAX_POLICY_OVERRIDE_DAYS).optional(),
    })
    .superRefine((body, issues) => {
      if (body.state === undefined) return;
      for (const key of ['reason', 'expiresAt'] as const) {
        if (body[key] === undefined) {
          issues.addIssue({ code: z.ZodIssueCode.custom, path: [key], message: 'is required when state is set' });
        }
      }
    });

/** The body of `POST .../exceptions`: a one-release exception. */
export const releaseExceptionSchema = (nowMs: number) =>
  z
    .object({ reason: decisionReason, expiresAt: futureInstant(nowMs, MAX_RELEASE_EXCEPTION_DAYS) })
    .strict();

/** `:id` of `DELETE .../exceptions/:id`. */
export const releaseExceptionParams = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) });
