import { DateTime } from 'luxon';
import { parseSloDuration, sloLuxonDuration, sloLuxonUnit } from './duration';
import { SloTimeWindow } from './types';

/** The period an SLO is evaluated over, as epoch milliseconds. */
export interface SloWindowBounds {
  /** First instant counted. */
  startMs: number;
  /** Rolling: now. Calendar: the boundary where the budget resets (samples cannot lie in the future). */
  endMs: number;
  /** The full window length, which scales budgets, alert thresholds and time to exhaustion. */
  lengthMs: number;
  /** The IANA zone that calendar days and boundaries are taken in. */
  timeZone: string;
}

/** Accepted forms of `calendar.startTime`: OpenSLO's `2022-01-01 12:00:00`, or ISO 8601. */
export function parseSloCalendarStart(startTime: string, timeZone: string): DateTime {
  const openSlo = DateTime.fromFormat(startTime, 'yyyy-MM-dd HH:mm:ss', { zone: timeZone });
  return openSlo.isValid ? openSlo : DateTime.fromISO(startTime, { zone: timeZone });
}

/**
 * The anchor periods of a calendar window are counted from: `calendar.startTime`, or else a natural boundary
 * (midnight on Monday 3 January 2000 for weeks, midnight on 1 January 2000 for everything else).
 */
function calendarAnchor(window: SloTimeWindow, timeZone: string): DateTime {
  if (window.calendar?.startTime) {
    return parseSloCalendarStart(window.calendar.startTime, timeZone);
  }
  const { unit } = parseSloDuration(window.duration);
  return DateTime.fromObject({ year: 2000, month: 1, day: unit === 'w' ? 3 : 1 }, { zone: timeZone });
}

/** The calendar period holding `now`: anchor + k * duration <= now < anchor + (k + 1) * duration. */
function calendarPeriod(window: SloTimeWindow, now: DateTime): { start: DateTime; end: DateTime } {
  const { amount, unit } = parseSloDuration(window.duration);
  const luxonUnit = sloLuxonUnit(unit);
  const anchor = calendarAnchor(window, now.zoneName ?? 'UTC');
  const startOf = (k: number) => anchor.plus({ [luxonUnit]: k * amount });
  let k = Math.floor(now.diff(anchor, luxonUnit).as(luxonUnit) / amount);
  // diff() in calendar units can be off by one period around month ends and DST; settle it exactly.
  while (startOf(k) > now) k -= 1;
  while (startOf(k + 1) <= now) k += 1;
  return { start: startOf(k), end: startOf(k + 1) };
}

/** Where an SLO's current window starts and ends at `now`. */
export function sloWindowBounds(window: SloTimeWindow, nowMs: number): SloWindowBounds {
  const timeZone = window.calendar?.timeZone ?? 'UTC';
  const now = DateTime.fromMillis(nowMs, { zone: timeZone });
  if (window.isRolling) {
    const startMs = now.minus(sloLuxonDuration(window.duration)).toMillis();
    return { startMs, endMs: nowMs, lengthMs: nowMs - startMs, timeZone };
  }
  const { start, end } = calendarPeriod(window, now);
  return {
    startMs: start.toMillis(),
    endMs: end.toMillis(),
    lengthMs: end.toMillis() - start.toMillis(),
    timeZone,
  };
}
