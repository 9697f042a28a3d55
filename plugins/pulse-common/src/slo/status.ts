import { SloAlertSeverity } from './burnRate';

/** The health of an objective in its current window. */
export type SloStatus = 'OK' | 'WARNING' | 'BREACHED' | 'INSUFFICIENT_DATA';

/** Below this share of budget remaining an objective is WARNING. */
export const SLO_WARNING_REMAINING_FRACTION = 0.25;

/**
 * INSUFFICIENT_DATA: no data in the window, or less than the minimum (`enoughData` false). BREACHED: the budget is
 * overspent (remaining < 0: the SLI is below target; meeting the target exactly leaves 0 and is not a breach).
 * WARNING: less than 25% left, or a page or ticket alert firing. OK otherwise.
 */
export function sloStatus(options: {
  remainingFraction: number | null;
  alert: SloAlertSeverity;
  enoughData?: boolean;
}): SloStatus {
  const { remainingFraction, alert } = options;
  if (remainingFraction === null || options.enoughData === false) return 'INSUFFICIENT_DATA';
  if (remainingFraction < 0) return 'BREACHED';
  if (remainingFraction < SLO_WARNING_REMAINING_FRACTION || alert !== 'none') return 'WARNING';
  return 'OK';
}

/**
 * Whole seconds until the budget is gone at burn rate b: remaining x window / b. 0 when already exhausted; null without
 * data or when nothing burns.
 */
export function sloTimeToExhaustionSeconds(options: {
  remainingFraction: number | null;
  windowLengthMs: number;
  burnRate: number | null;
}): number | null {
  const { remainingFraction, windowLengthMs, burnRate } = options;
  if (remainingFraction === null) return null;
  if (remainingFraction <= 0) return 0;
  if (burnRate === null || burnRate <= 0) return null;
  return Math.round((remainingFraction * windowLengthMs) / 1000 / burnRate);
}
