import { Config, readDurationFromConfig } from '@backstage/config';
import {
  DEFAULT_DORA_CHANGE_FAILURE_RATE_DENOMINATOR,
  DEFAULT_DORA_TIER_THRESHOLDS,
  DORA_CHANGE_FAILURE_RATE_DENOMINATORS,
  DoraChangeFailureRateDenominator,
  doraIsTimeZone,
  DoraTierThresholds,
} from '@pulse/plugin-pulse-common';
import { DoraCountingRules } from '@pulse/plugin-pulse-node';
import { Duration } from 'luxon';

/** `pulse.dora` with its defaults applied. */
export interface DoraConfig extends DoraCountingRules {
  thresholds: DoraTierThresholds;
  /** How long the CDEvents service-id map is trusted before a miss may refresh it. */
  serviceIdRefreshMs: number;
}

const DEFAULT_PRODUCTION_ENVIRONMENTS = ['production', 'prod'];
const DEFAULT_ATTRIBUTION_WINDOW_MS = 24 * 3_600_000;
const DEFAULT_SERVICE_ID_REFRESH_MS = 30_000;
const DEFAULT_TIME_ZONE = 'UTC';
const DEFAULT_LEAD_TIME_CAP_MS = 90 * 86_400_000;

function durationMs(config: Config | undefined, key: string, fallback: number): number {
  if (!config?.has(key)) return fallback;
  return Duration.fromObject(readDurationFromConfig(config, { key })).toMillis();
}

/** Reads a tier bound group such as `tiers.leadTimeHours`, each bound falling back to the default. */
function bounds<T extends Record<string, number>>(config: Config | undefined, key: string, defaults: T): T {
  const section = config?.getOptionalConfig(key);
  return Object.fromEntries(
    Object.entries(defaults).map(([name, value]) => [name, section?.getOptionalNumber(name) ?? value]),
  ) as T;
}

/** `pulse.dora.timeZone`: an IANA zone; a bad one stops the start with an error naming the key. */
function timeZoneOf(config: Config | undefined): string {
  const zone = config?.getOptionalString('timeZone') ?? DEFAULT_TIME_ZONE;
  if (!doraIsTimeZone(zone)) {
    throw new Error(`Invalid config at pulse.dora.timeZone: '${zone}' is not an IANA time zone (e.g. 'Europe/Berlin')`);
  }
  return zone;
}

function denominatorOf(config: Config | undefined): DoraChangeFailureRateDenominator {
  const value = config?.getOptionalString('changeFailureRateDenominator') ?? DEFAULT_DORA_CHANGE_FAILURE_RATE_DENOMINATOR;
  if (!(DORA_CHANGE_FAILURE_RATE_DENOMINATORS as readonly string[]).includes(value)) {
    throw new Error(`Invalid config at pulse.dora.changeFailureRateDenominator: '${value}' is not 'successful' or 'all'`);
  }
  return value as DoraChangeFailureRateDenominator;
}

export function readDoraConfig(root: Config): DoraConfig {
  const config = root.getOptionalConfig('pulse.dora');
  const tiers = config?.getOptionalConfig('tiers');
  const defaults = DEFAULT_DORA_TIER_THRESHOLDS;
  return {
    productionEnvironments: (
      config?.getOptionalStringArray('productionEnvironments') ?? DEFAULT_PRODUCTION_ENVIRONMENTS
    ).map(env => env.toLocaleLowerCase('en-US')),
    incidentAttributionWindowMs: durationMs(config, 'incidentAttributionWindow', DEFAULT_ATTRIBUTION_WINDOW_MS),
    serviceIdRefreshMs: durationMs(config, 'serviceIdRefresh', DEFAULT_SERVICE_ID_REFRESH_MS),
    timeZone: timeZoneOf(config),
    leadTimeCapMs: durationMs(config, 'leadTimeCap', DEFAULT_LEAD_TIME_CAP_MS),
    changeFailureRateDenominator: denominatorOf(config),
    thresholds: {
      deploymentFrequency: bounds(tiers, 'deploymentFrequency', defaults.deploymentFrequency),
      leadTimeHours: bounds(tiers, 'leadTimeHours', defaults.leadTimeHours),
      changeFailureRatePercent: bounds(tiers, 'changeFailureRatePercent', defaults.changeFailureRatePercent),
      recoveryTimeHours: bounds(tiers, 'recoveryTimeHours', defaults.recoveryTimeHours),
    },
  };
}
