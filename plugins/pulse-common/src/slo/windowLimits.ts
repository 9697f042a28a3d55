import { sloLuxonDuration } from './duration';
import { SloTimeWindow } from './types';

/** The longest rolling window Pulse accepts, in days (issue #14: what the raw-sample horizon must cover). */
export const SLO_MAX_ROLLING_WINDOW_DAYS = 400;

/** The longest calendar window Pulse accepts, in days: one year (366 days, so `366d` and `1Y` pass). */
export const SLO_MAX_CALENDAR_WINDOW_DAYS = 366;

/**
 * Why a time window is too long, or undefined when it is within bounds. Months, quarters and years count 30, 91 and
 * 365 days (luxon's casual conversion), so `13M` rolling (390 days) passes and `14M` (420) does not.
 */
export function sloWindowTooLong(window: SloTimeWindow): string | undefined {
  const days = sloLuxonDuration(window.duration).as('days');
  if (window.isRolling && days > SLO_MAX_ROLLING_WINDOW_DAYS) {
    return `a rolling window is at most ${SLO_MAX_ROLLING_WINDOW_DAYS} days`;
  }
  if (!window.isRolling && days > SLO_MAX_CALENDAR_WINDOW_DAYS) {
    return 'a calendar window is at most one year';
  }
  return undefined;
}
