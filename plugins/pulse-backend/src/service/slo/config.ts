import { Config, readDurationFromConfig } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  DEFAULT_SLO_DATA_RULES,
  DEFAULT_SLO_RELEASE_GATE_POLICY,
  SloDataRules,
  SloGateDecision,
  SloReleaseGatePolicy,
} from '@pulse/plugin-pulse-common';
import { Duration } from 'luxon';

/** `pulse.slo` with its defaults applied. Job schedules live under `pulse.jobs` (see scheduleGlobalJob). */
export interface SloConfig {
  releaseGate: SloReleaseGatePolicy;
  /** How much data a status needs (`minimumData`) and when the newest sample is stale (`staleAfter`). */
  data: SloDataRules;
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

/** A duration key (`24h`, `PT6H` or `{ hours: 6 }`) in milliseconds; must be positive. */
function durationMs(config: Config | undefined, key: string, fallback: number): number {
  if (!config?.has(key)) return fallback;
  const ms = Duration.fromObject(readDurationFromConfig(config, { key })).toMillis();
  if (!(ms > 0)) throw new InputError(`pulse.slo.${key} must be a positive duration`);
  return ms;
}

export function readSloConfig(root: Config): SloConfig {
  const config = root.getOptionalConfig('pulse.slo');
  const rollup = config?.getOptionalConfig('rollup');
  return {
    releaseGate: releaseGatePolicy(config?.getOptionalConfig('releaseGate')),
    data: {
      minimumDataMs: durationMs(config, 'minimumData', DEFAULT_SLO_DATA_RULES.minimumDataMs),
      staleAfterMs: durationMs(config, 'staleAfter', DEFAULT_SLO_DATA_RULES.staleAfterMs),
    },
    rollup: {
      hourlyRetentionDays: rollup?.getOptionalNumber('hourlyRetentionDays') ?? DEFAULT_HOURLY_RETENTION_DAYS,
      dailyRetentionDays: rollup?.getOptionalNumber('dailyRetentionDays') ?? DEFAULT_DAILY_RETENTION_DAYS,
    },
  };
}
