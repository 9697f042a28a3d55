import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  DEFAULT_SLO_RELEASE_GATE_POLICY,
  SloGateDecision,
  SloReleaseGatePolicy,
} from '@pulse/plugin-pulse-common';

/** `pulse.slo` with its defaults applied. Job schedules live under `pulse.jobs` (see scheduleGlobalJob). */
export interface SloConfig {
  releaseGate: SloReleaseGatePolicy;
  rollup: {
    /** Days after which hourly sums are rolled up into daily sums. */
    hourlyRetentionDays: number;
    /** Days after which daily sums are deleted. */
    dailyRetentionDays: number;
  };
}

const DEFAULT_HOURLY_RETENTION_DAYS = 90;
const DEFAULT_DAILY_RETENTION_DAYS = 400;

const decisions: SloGateDecision[] = ['allow', 'warn', 'block'];

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
    rollup: {
      hourlyRetentionDays: rollup?.getOptionalNumber('hourlyRetentionDays') ?? DEFAULT_HOURLY_RETENTION_DAYS,
      dailyRetentionDays: rollup?.getOptionalNumber('dailyRetentionDays') ?? DEFAULT_DAILY_RETENTION_DAYS,
    },
  };
}
