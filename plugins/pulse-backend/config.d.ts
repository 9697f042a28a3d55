export interface Config {
  pulse?: {
    /**
     * Fill an empty store with 90 days of demo data for the example entities at startup. Local development only.
     */
    demoData?: boolean;

    /** SLOs and error budgets. */
    slo?: {
      /**
       * Groups whose members may define, change and delete any entity's SLOs (the `pulse.slo.manage` permission in the
       * portal's permission policy). An entity's owners may always change their own. Default: `group:default/platform`.
       */
      managers?: string[];
      /**
       * Service principals that may define, change and delete any entity's SLOs (CI pushing SLOs as code), as
       * Backstage names them: `external:<subject>` for an external-access token, `plugin:<pluginId>` for a plugin.
       * Every other service gets 403. Default: none.
       */
      writers?: string[];
      /**
       * The error-budget policy of `GET /api/pulse/slo/entities/:kind/:namespace/:name/release-gate`. Each key left
       * out keeps its default (the SRE Workbook's example policy).
       */
      releaseGate?: {
        /** Block when any objective's remaining budget fraction is at or below this. Default 0 (exhausted). */
        blockWhenRemainingAtMost?: number;
        /** Block while any objective's page alert (fast burn) fires. Default true. */
        blockOnPageAlert?: boolean;
        /** Warn when any objective's remaining budget fraction is below this. Default 0.25. */
        warnWhenRemainingBelow?: number;
        /** Warn while any objective's ticket alert (slow burn) fires. Default true. */
        warnOnTicketAlert?: boolean;
        /**
         * What an objective without samples in its window ("no data") decides: 'allow', 'warn' (default) or 'block'.
         * Stale data always warns; while a window holds less than `minimumData`, what would block warns instead.
         */
        insufficientData?: 'allow' | 'warn' | 'block';
      };
      /**
       * How much data an objective's window must hold, from its first sample until now, before its status can say
       * BREACHED or the gate can block on its budget (a new SLO, the first day of a calendar month): below it the
       * status is INSUFFICIENT_DATA and blocks become warnings. A duration such as `24h`, `PT24H` or `{ hours: 24 }`.
       * Default 24 hours.
       */
      minimumData?: string | { days?: number; hours?: number; minutes?: number };
      /**
       * When the newest SLI sample is older than this, the data is stale and the release gate warns ("stale data"): a
       * dead SLI exporter must not pass silently. A duration such as `6h` or `{ hours: 6 }`. Default 6 hours.
       */
      staleAfter?: string | { days?: number; hours?: number; minutes?: number };
      /**
       * Bounded storage of SLI samples. Raw samples are kept for each SLO's own window plus 4 days, then the
       * `pulse-slo-rollup` job sums them per hour; the `pulse-slo-retention` job drops what is past the last horizon.
       */
      rollup?: {
        /** Days after which hourly sums are summed again per UTC day. Default 90. */
        hourlyRetentionDays?: number;
        /** Days after which daily sums are deleted. Default 400. */
        dailyRetentionDays?: number;
      };
    };

    /**
     * Schedules of the background jobs, each run once across all replicas (scheduler scope global). Each key left out
     * keeps the job's default; durations are objects (`{ minutes: 5 }`) or ISO 8601 strings, frequency may be
     * `{ cron: '0 * * * *' }`.
     */
    jobs?: {
      [jobName: string]: {
        /** How often the job runs. */
        frequency?: string | { cron: string } | { [unit: string]: number };
        /** How long a run may take before it is aborted. */
        timeout?: string | { [unit: string]: number };
        /** Wait after start-up before the first run. */
        initialDelay?: string | { [unit: string]: number };
      };
    };

    /** DORA metrics. */
    dora?: {
      /**
       * Environments whose deployments count, compared case-insensitively. Default: ['production', 'prod'].
       */
      productionEnvironments?: string[];
      /**
       * How long before an incident without a deploymentId the deployment that caused it may have finished: the
       * latest successful production deployment of the entity in this window gets it. Default: 24h. A duration
       * string ('24h', 'P1D') or an object ({ hours: 24 }).
       */
      incidentAttributionWindow?: string | { [unit: string]: number };
      /**
       * How long the CDEvents service-id-to-entity map is trusted before an unknown service id may reload it from
       * the catalog. Default: 30s.
       */
      serviceIdRefresh?: string | { [unit: string]: number };
      /**
       * The IANA time zone (e.g. 'Europe/Berlin') whose calendar days count as deploy days, whose ISO weeks and months
       * the deploy-day medians and the weekly trend use, and in which a date `?from=`/`?to=` starts at midnight.
       * Default 'UTC'. A name that is not an IANA zone stops the backend at start-up with an error naming this key.
       */
      timeZone?: string;
      /**
       * Changes older than this when their deployment finished are left out of the lead time and counted as
       * `olderThanCap` (a first deployment would otherwise absorb years-old changes). Default: 90 days. A duration
       * string ('90d', 'P90D') or an object ({ days: 90 }).
       */
      leadTimeCap?: string | { [unit: string]: number };
      /**
       * What the change failure rate is a share of: 'successful' production deployments (as Apache DevLake and Four
       * Keys; failed attempts count in neither part), or 'all' production deployment attempts (failed attempts count
       * as change failures). Also decides which failures the recovery time measures. Default 'successful'.
       */
      changeFailureRateDenominator?: 'successful' | 'all';
      /** Tier thresholds; each one left out keeps the default (DevLake's coding of the 2023 DORA report). */
      tiers?: {
        deploymentFrequency?: {
          /** Elite when the median deploy days per week is at least this. Default 5. */
          eliteDeployDaysPerWeek?: number;
          /** High when the median deploy days per week is at least this. Default 1. */
          highDeployDaysPerWeek?: number;
          /** Medium when the median deploy days per 30-day month is at least this. Default 1. */
          mediumDeployDaysPerMonth?: number;
        };
        /** Lead time below these hours: elite 24, high 168, medium 720. */
        leadTimeHours?: { elite?: number; high?: number; medium?: number };
        /** Change failure rate at most these percentages: elite 5, high 10, medium 15. */
        changeFailureRatePercent?: { elite?: number; high?: number; medium?: number };
        /** Recovery time below these hours: elite 1, high 24, medium 168. */
        recoveryTimeHours?: { elite?: number; high?: number; medium?: number };
      };
    };

    /**
     * The inbox of webhook and CDEvents deliveries (see docs/sources.md, "The inbox"): each delivery is stored raw
     * when it arrives, then processed by the `deliveries` job (`pulse.jobs.deliveries`, default every 10 s).
     */
    deliveries?: {
      /**
       * Groups whose members hold `pulse.deliveries.read` (the deliveries page, `GET /api/pulse/deliveries`) and
       * `pulse.deliveries.retry` (the redeliver button), in the portal's permission policy.
       * Default: ['group:default/platform'].
       */
      readers?: string[];
      /** Days a delivery is kept after it arrived, whatever its status. Default 30. */
      retentionDays?: number;
      /** Per source (`github`, `pagerduty`, `cdevents`, ...): overrides of `retentionDays`. */
      sources?: { [source: string]: { retentionDays?: number } };
      /** Largest delivery body stored, in bytes; a larger one is answered 413 and not stored. Default 5242880 (5 MiB). */
      maxPayloadBytes?: number;
      /** Failed processing attempts (catalog or store errors) before a delivery is `failed`. Default 10. */
      maxAttempts?: number;
      /**
       * The wait before the first retry of a failed attempt; it doubles with each attempt, up to an hour. Default 10s.
       * A duration string ('10s') or an object ({ seconds: 10 }).
       */
      retryBackoff?: string | { [unit: string]: number };
    };

    /**
     * The portal's error-budget policy (see docs/decisions.md). Each key left out keeps the value of
     * `pulse.slo.releaseGate`, or the SRE Workbook default. An entity's owning group may override it under `groups`, and
     * an entity through `PUT /api/pulse/decisions/entities/:kind/:namespace/:name/policy`.
     */
    policy?: {
      /**
       * Groups whose members may change any entity's policy (the `pulse.policy.manage` permission in the portal's
       * permission policy). An entity's owners may always change their own. Default: `group:default/platform`.
       */
      managers?: string[];
      caution?: {
        /** Caution when any objective's remaining budget fraction is below this. Default 0.25. */
        remainingBelow?: number;
        /** Caution while a ticket alert (slow burn) fires. Default true. */
        onTicketAlert?: boolean;
      };
      freeze?: {
        /** Freeze when any objective's remaining budget fraction is at or below this. Default 0 (exhausted). */
        remainingAtOrBelow?: number;
        /** Freeze while a page alert (fast burn) fires. Default true. */
        onPageAlert?: boolean;
        /** Whether a freeze blocks releases; false makes the gate only warn (an advisory freeze). Default true. */
        blocksReleases?: boolean;
      };
      /** Reasons (`pulse gate --reason`) that let a release pass a freeze. Default ['security', 'incident-fix']. */
      exceptions?: string[];
      /**
       * Overrides per owning group, keyed by group ref (`group:default/payments`) or bare group name, each with the
       * same keys as above.
       */
      groups?: {
        [groupRef: string]: {
          caution?: { remainingBelow?: number; onTicketAlert?: boolean };
          freeze?: { remainingAtOrBelow?: number; onPageAlert?: boolean; blocksReleases?: boolean };
          exceptions?: string[];
        };
      };
    };

    /** Decisions: postmortems and the transition job. */
    decisions?: {
      /** An incident that spends more than this share of any objective's budget needs a postmortem. Default 0.2. */
      postmortemBudgetShare?: number;
      /** Days back the job (re)assesses incidents' budget spend. Default 35. */
      incidentLookbackDays?: number;
      /**
       * The `pulse-decisions-transitions` job: evaluates every entity with SLOs, notifies owners of new freezes and
       * page alerts. Default: every 5 minutes, 4 minute timeout, first run 1 minute after start.
       */
      schedule?: {
        frequency: string | { cron: string } | { [unit: string]: number };
        timeout: string | { [unit: string]: number };
        initialDelay?: string | { [unit: string]: number };
      };
    };

    /** Developer-satisfaction surveys. */
    surveys?: {
      /**
       * Groups whose members may create and close survey rounds and add templates (the `pulse.survey.manage`
       * permission in the portal's permission policy). Default: `group:default/platform`.
       */
      managers?: string[];
      /**
       * Fewest responses for which a team's, an entity's or a round's results are shown. Default 5; values below 3 are
       * raised to 3 with a warning.
       */
      minRespondents?: number;
      /** Fewest responses for which free-text answers are shown. Default 10; never below minRespondents. */
      minTextRespondents?: number;
      /**
       * When the results of an open round show. `batched` (default): they change only when at least minRespondents
       * answers on one entity are released together, never by one answer; optional questions and participation show
       * when the round closes, and a result that would grow at close by fewer than minRespondents stays hidden.
       * `closed`: nothing of a round shows until it has closed.
       */
      openResults?: 'batched' | 'closed';
      /**
       * Service principals that may manage surveys (templates, rounds, close, delete), as Backstage names them:
       * `external:<subject>` for a static or external-access token, `plugin:<pluginId>` for a plugin. Every other
       * service gets 403. Default: none.
       */
      writers?: string[];
    };

    /** On-call health (docs/oncall.md). */
    oncall?: {
      /**
       * The IANA time zone whose working hours (08:00-18:00 on weekdays), nights (22:00-07:00) and weeks the pages of
       * a team are read in, when its Group has no `pulse.dev/timezone` annotation. Default 'UTC'. A name that is not
       * an IANA zone stops the backend at start-up with an error naming this key.
       */
      timeZone?: string;
      /**
       * Where each metric turns to warning and to unhealthy: a value above `warning` warns, above `unhealthy` is
       * unhealthy. Each bound left out keeps its default; a warning above its unhealthy bound stops the start.
       */
      thresholds?: {
        /** Pages per 12-hour shift in the worst week. Default warning 1, unhealthy 2 (the SRE book). */
        pagesPerShift?: { warning?: number; unhealthy?: number };
        /** Off-hours pages per week. Default warning 2, unhealthy 5. */
        offHoursPagesPerWeek?: { warning?: number; unhealthy?: number };
        /** Night pages per week. Default warning 1, unhealthy 3. */
        nightPagesPerWeek?: { warning?: number; unhealthy?: number };
        /** Median minutes to acknowledge. Default warning 5, unhealthy 15. */
        timeToAcknowledgeMinutes?: { warning?: number; unhealthy?: number };
        /** Percent of pages resolved within 5 minutes without acknowledgement. Default warning 20, unhealthy 40. */
        noisePercent?: { warning?: number; unhealthy?: number };
        /** Gini coefficient of pages over responders. Default warning 0.3, unhealthy 0.5. */
        fairnessGini?: { warning?: number; unhealthy?: number };
      };
    };
  };
}
