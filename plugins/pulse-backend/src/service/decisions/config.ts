import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  DEFAULT_ERROR_BUDGET_POLICY,
  DEFAULT_POSTMORTEM_BUDGET_SHARE,
  ErrorBudgetPolicy,
  ErrorBudgetPolicyOverride,
  mergeErrorBudgetPolicy,
  SloGateDecision,
} from '@pulse/plugin-pulse-common';
import { canonicalEntityRef } from '../entityRefs';
import { SloConfig } from '../slo/config';
import { policyConfigSchema } from './schemas';

/** `pulse.policy` and `pulse.decisions` with their defaults applied. */
export interface DecisionsConfig {
  /** The portal default policy. */
  portal: ErrorBudgetPolicy;
  /** Overrides per owning group, keyed by canonical group ref. */
  groups: Map<string, ErrorBudgetPolicyOverride>;
  /** What an objective without data decides (from `pulse.slo.releaseGate.insufficientData`). */
  insufficientData: SloGateDecision;
  /** An incident spending more than this share of any objective's budget needs a postmortem. */
  postmortemBudgetShare: number;
  /** The `pulse-decisions-transitions` job. */
  schedule: SchedulerServiceTaskScheduleDefinition;
  /** How far back the job (re)assesses incidents' budget spend. */
  incidentLookbackDays: number;
}

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 5 },
  timeout: { minutes: 4 },
  initialDelay: { minutes: 1 },
};

const DEFAULT_INCIDENT_LOOKBACK_DAYS = 35;

/** The portal default starts from `pulse.slo.releaseGate`, so an existing gate configuration stays in force. */
function releaseGateDefaults(slo: SloConfig): ErrorBudgetPolicyOverride {
  const gate = slo.releaseGate;
  return {
    caution: { remainingBelow: gate.warnWhenRemainingBelow, onTicketAlert: gate.warnOnTicketAlert },
    freeze: { remainingAtOrBelow: gate.blockWhenRemainingAtMost, onPageAlert: gate.blockOnPageAlert },
  };
}

export function readDecisionsConfig(root: Config, slo: SloConfig): DecisionsConfig {
  const parsed = policyConfigSchema.safeParse(root.getOptional('pulse.policy') ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(`Invalid pulse.policy.${issue.path.join('.')}: ${issue.message}`);
  }
  const { groups = {}, managers: _managers, ...portalOverride } = parsed.data;
  const portal = mergeErrorBudgetPolicy(
    mergeErrorBudgetPolicy(DEFAULT_ERROR_BUDGET_POLICY, releaseGateDefaults(slo)),
    portalOverride,
  );
  const decisions = root.getOptionalConfig('pulse.decisions');
  const schedule = decisions?.getOptionalConfig('schedule');
  const share = decisions?.getOptionalNumber('postmortemBudgetShare') ?? DEFAULT_POSTMORTEM_BUDGET_SHARE;
  if (!(share > 0 && share <= 1)) {
    throw new InputError('pulse.decisions.postmortemBudgetShare must be above 0 and at most 1');
  }
  return {
    portal,
    groups: new Map(
      Object.entries(groups).map(([ref, override]) => [
        canonicalEntityRef(ref.includes(':') ? ref : `group:${ref}`),
        override,
      ]),
    ),
    insufficientData: slo.releaseGate.insufficientData,
    postmortemBudgetShare: share,
    schedule: schedule ? readSchedulerServiceTaskScheduleDefinitionFromConfig(schedule) : DEFAULT_SCHEDULE,
    incidentLookbackDays: decisions?.getOptionalNumber('incidentLookbackDays') ?? DEFAULT_INCIDENT_LOOKBACK_DAYS,
  };
}
