import {
  SchedulerServiceTaskScheduleDefinition,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  DEFAULT_SLO_RELEASE_GATE_POLICY,
  SloGateDecision,
  SloReleaseGatePolicy,
} from '@pulse/plugin-pulse-common';

/** `pulse.slo` with its defaults applied. */
export interface SloConfig {
  releaseGate: SloReleaseGatePolicy;
  discovery: { schedule: SchedulerServiceTaskScheduleDefinition };
  rollup: {
    schedule: SchedulerServiceTaskScheduleDefinition;
    /** How long hourly roll-ups are kept. */
    hourlyRetentionDays: number;
  };
}

const DEFAULT_DISCOVERY_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 30 },
  timeout: { minutes: 10 },
  initialDelay: { seconds: 15 },
};

const DEFAULT_ROLLUP_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { hours: 1 },
  timeout: { minutes: 30 },
  initialDelay: { minutes: 5 },
};

const DEFAULT_HOURLY_RETENTION_DAYS = 400;

const decisions: SloGateDecision[] = ['allow', 'warn', 'block'];

function schedule(config: Config | undefined, fallback: SchedulerServiceTaskScheduleDefinition) {
  const section = config?.getOptionalConfig('schedule');
  return section ? readSchedulerServiceTaskScheduleDefinitionFromConfig(section) : fallback;
}

function releaseGatePolicy(config: Config | undefined): SloReleaseGatePolicy {
  const defaults = DEFAULT_SLO_RELEASE_GATE_POLICY;
  const insufficientData = config?.getOptionalString('insufficientData') ?? defaults.insufficientData;
  if (!decisions.includes(insufficientData as SloGateDecision)) {
    throw new InputError(`pulse.slo.releaseGate.insufficientData must be one of ${decisions.join(', ')}`);
  }
  return {
    blockWhenRemainingAtMost: config?.getOptionalNumber('blockWhenRemainingAtMost') ?? defaults.blockWhenRemainingAtMost,
    blockOnPageAlert: config?.getOptionalBoolean('blockOnPageAlert') ?? defaults.blockOnPageAlert,
    warnWhenRemainingBelow: config?.getOptionalNumber('warnWhenRemainingBelow') ?? defaults.warnWhenRemainingBelow,
    warnOnTicketAlert: config?.getOptionalBoolean('warnOnTicketAlert') ?? defaults.warnOnTicketAlert,
    insufficientData: insufficientData as SloGateDecision,
  };
}

export function readSloConfig(root: Config): SloConfig {
  const config = root.getOptionalConfig('pulse.slo');
  const rollup = config?.getOptionalConfig('rollup');
  return {
    releaseGate: releaseGatePolicy(config?.getOptionalConfig('releaseGate')),
    discovery: { schedule: schedule(config?.getOptionalConfig('discovery'), DEFAULT_DISCOVERY_SCHEDULE) },
    rollup: {
      schedule: schedule(rollup, DEFAULT_ROLLUP_SCHEDULE),
      hourlyRetentionDays: rollup?.getOptionalNumber('hourlyRetentionDays') ?? DEFAULT_HOURLY_RETENTION_DAYS,
    },
  };
}
