import { z } from 'zod';

/**
 * The shape of the `pulse` section, key for key as plugins/pulse-backend/config.d.ts documents it: every object is
 * strict, so a misspelt or unknown key stops the start with its name instead of being silently ignored. Values are
 * checked further by each domain's reader. Sections owned by backend modules (github, pagerduty, prometheus) are read
 * and validated by those modules. trust/config.test.ts fails when this and config.d.ts disagree.
 */

/** A duration object as Backstage reads it: a misspelt unit is an unknown key, not a silently shorter duration. */
const durationObject = z
  .object({
    years: z.number(),
    months: z.number(),
    weeks: z.number(),
    days: z.number(),
    hours: z.number(),
    minutes: z.number(),
    seconds: z.number(),
    milliseconds: z.number(),
  })
  .partial()
  .strict();
const duration = z.union([z.string(), durationObject]);
const frequency = z.union([z.string(), z.object({ cron: z.string() }).strict(), durationObject]);
const strings = z.array(z.string());
const tierBounds = z.object({ elite: z.number(), high: z.number(), medium: z.number() }).partial().strict();
const caution = z.object({ remainingBelow: z.number(), onTicketAlert: z.boolean() }).partial().strict();
const freeze = z
  .object({ remainingAtOrBelow: z.number(), onPageAlert: z.boolean(), blocksReleases: z.boolean() })
  .partial()
  .strict();
const moduleSection = z.object({}).passthrough();

/**
 * The jobs `pulse.jobs` may reschedule, by the name each domain's jobs.ts gives them: a misspelt name would otherwise
 * leave the job on its default schedule without a word. trust/attacks14.test.ts fails when the plugin schedules a
 * `pulse.jobs` job missing here.
 */
export const PULSE_JOB_NAMES = ['sloDiscovery', 'sloRollup', 'sloRetention', 'surveyFinalize', 'deliveries', 'outcomeDiscovery'] as const;
const jobSchedule = z.object({ frequency, timeout: duration, initialDelay: duration }).partial().strict();

export const pulseConfigSchema = z
  .object({
    demoData: z.boolean(),
    slo: z
      .object({
        managers: strings,
        writers: strings,
        releaseGate: z
          .object({
            blockWhenRemainingAtMost: z.number(),
            blockOnPageAlert: z.boolean(),
            warnWhenRemainingBelow: z.number(),
            warnOnTicketAlert: z.boolean(),
            insufficientData: z.enum(['allow', 'warn', 'block']),
          })
          .partial()
          .strict(),
        minimumData: duration,
        staleAfter: duration,
        rollup: z.object({ hourlyRetentionDays: z.number(), dailyRetentionDays: z.number() }).partial().strict(),
      })
      .partial()
      .strict(),
    jobs: z.object(Object.fromEntries(PULSE_JOB_NAMES.map(name => [name, jobSchedule]))).partial().strict(),
    dora: z
      .object({
        productionEnvironments: strings,
        incidentAttributionWindow: duration,
        serviceIdRefresh: duration,
        timeZone: z.string(),
        leadTimeCap: duration,
        changeFailureRateDenominator: z.enum(['successful', 'all']),
        tiers: z
          .object({
            deploymentFrequency: z
              .object({
                eliteDeployDaysPerWeek: z.number(),
                highDeployDaysPerWeek: z.number(),
                mediumDeployDaysPerMonth: z.number(),
              })
              .partial()
              .strict(),
            leadTimeHours: tierBounds,
            changeFailureRatePercent: tierBounds,
            recoveryTimeHours: tierBounds,
          })
          .partial()
          .strict(),
      })
      .partial()
      .strict(),
    deliveries: z
      .object({
        readers: strings,
        retentionDays: z.number(),
        sources: z.record(z.object({ retentionDays: z.number() }).partial().strict()),
        maxPayloadBytes: z.number(),
        maxAttempts: z.number(),
        retryBackoff: duration,
      })
      .partial()
      .strict(),
    policy: z
      .object({
        managers: strings,
        caution,
        freeze,
        exceptions: strings,
        groups: z.record(z.object({ caution, freeze, exceptions: strings }).partial().strict()),
      })
      .partial()
      .strict(),
    decisions: z
      .object({
        postmortemBudgetShare: z.number(),
        incidentLookbackDays: z.number(),
        schedule: z.object({ frequency, timeout: duration, initialDelay: duration.optional() }).strict(),
      })
      .partial()
      .strict(),
    surveys: z
      .object({
        managers: strings,
        writers: strings,
        openResults: z.enum(['batched', 'closed']),
        minRespondents: z.number(),
        minTextRespondents: z.number(),
      })
      .partial()
      .strict(),
    oncall: z
      .object({
        timeZone: z.string(),
        thresholds: z
          .object(
            Object.fromEntries(
              ['pagesPerShift', 'offHoursPagesPerWeek', 'nightPagesPerWeek', 'timeToAcknowledgeMinutes', 'noisePercent', 'fairnessGini'].map(
                metric => [metric, z.object({ warning: z.number(), unhealthy: z.number() }).partial().strict()],
              ),
            ),
          )
          .partial()
          .strict(),
      })
      .partial()
      .strict(),
    github: moduleSection,
    pagerduty: moduleSection,
    prometheus: moduleSection,
  })
  .partial()
  .strict();
