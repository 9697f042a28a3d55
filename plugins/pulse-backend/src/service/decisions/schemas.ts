import { z } from 'zod';

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

/** The body of `PATCH /dora/incidents/:id`: an http(s) URL, or null to unlink. */
export const postmortemPatchSchema = z
  .object({
    postmortemUrl: z
      .string()
      .max(2048)
      .url('must be an absolute URL')
      .refine(url => /^https?:\/\//i.test(url), 'must be an http or https URL')
      .nullable(),
  })
  .strict();
