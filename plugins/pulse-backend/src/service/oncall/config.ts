import { Config } from '@backstage/config';
import { DEFAULT_ONCALL_THRESHOLDS, doraIsTimeZone, OncallThresholds } from '@pulse/plugin-pulse-common';

/** `pulse.oncall` with its defaults applied. */
export interface OncallConfig {
  /** The zone of teams without a `pulse.dev/timezone` annotation. */
  timeZone: string;
  thresholds: OncallThresholds;
}

/** Reads `pulse.oncall`; a bad zone or a warning above its unhealthy bound stops the start naming the key. */
export function readOncallConfig(root: Config): OncallConfig {
  const config = root.getOptionalConfig('pulse.oncall');
  const timeZone = config?.getOptionalString('timeZone') ?? 'UTC';
  if (!doraIsTimeZone(timeZone)) {
    throw new Error(`Invalid config at pulse.oncall.timeZone: '${timeZone}' is not an IANA time zone (e.g. 'Europe/Berlin')`);
  }
  const section = config?.getOptionalConfig('thresholds');
  const thresholds = Object.fromEntries(
    Object.entries(DEFAULT_ONCALL_THRESHOLDS).map(([metric, defaults]) => {
      const warning = section?.getOptionalNumber(`${metric}.warning`) ?? defaults.warning;
      const unhealthy = section?.getOptionalNumber(`${metric}.unhealthy`) ?? defaults.unhealthy;
      if (warning > unhealthy) {
        throw new Error(`Invalid config at pulse.oncall.thresholds.${metric}: warning (${warning}) is above unhealthy (${unhealthy})`);
      }
      return [metric, { warning, unhealthy }];
    }),
  ) as unknown as OncallThresholds;
  return { timeZone, thresholds };
}
