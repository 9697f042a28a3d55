import { OncallReading, OncallThreshold, OncallThresholds } from './types';

/**
 * Default thresholds. Pages per shift follows the SRE book ("at most two incidents per 12-hour on-call shift"); the
 * others are starting points a platform team tunes under `pulse.oncall.thresholds`.
 */
export const DEFAULT_ONCALL_THRESHOLDS: OncallThresholds = {
  pagesPerShift: { warning: 1, unhealthy: 2 },
  offHoursPagesPerWeek: { warning: 2, unhealthy: 5 },
  nightPagesPerWeek: { warning: 1, unhealthy: 3 },
  timeToAcknowledgeMinutes: { warning: 5, unhealthy: 15 },
  noisePercent: { warning: 20, unhealthy: 40 },
  fairnessGini: { warning: 0.3, unhealthy: 0.5 },
};

/** Above `unhealthy` is unhealthy, above `warning` a warning, anything else healthy; no value, no reading. */
export function oncallReadingOf(value: number | null, threshold: OncallThreshold): OncallReading | null {
  if (value === null) return null;
  if (value > threshold.unhealthy) return 'unhealthy';
  if (value > threshold.warning) return 'warning';
  return 'healthy';
}

const SEVERITY: Record<OncallReading, number> = { healthy: 0, warning: 1, unhealthy: 2 };

/** The worst of several readings; `null` when none has one. */
export function oncallWorstReading(readings: Array<OncallReading | null>): OncallReading | null {
  return readings.reduce<OncallReading | null>(
    (worst, reading) => (reading !== null && (worst === null || SEVERITY[reading] > SEVERITY[worst]) ? reading : worst),
    null,
  );
}
