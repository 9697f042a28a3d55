import { DateTime } from 'luxon';
import { doraCalendarOf, DoraOffsetSegment } from '../dora/calendar';

/**
 * The on-call clock: which hours of the team's time zone are working hours, off-hours and night, and the calendar
 * weeks of a window. The store classifies pages in SQL from the zone's offsets over the window (local time = instant +
 * offset, piecewise constant between clock changes); these functions say the same thing for one instant.
 */

/** Working hours are [08:00, 18:00) local, Monday to Friday; everything else is off-hours. */
export const ONCALL_WORKDAY_START_HOUR = 8;
export const ONCALL_WORKDAY_END_HOUR = 18;
/** Night is [22:00, 07:00) local, every day. */
export const ONCALL_NIGHT_START_HOUR = 22;
export const ONCALL_NIGHT_END_HOUR = 7;
/** The SRE book's shift length. */
export const ONCALL_SHIFT_HOURS = 12;
/** Pages resolved within this long without acknowledgement are noise. */
export const ONCALL_NOISE_MS = 5 * 60_000;
/** The default window of the on-call endpoints. */
export const ONCALL_DEFAULT_WINDOW_DAYS = 28;

/** Whether a local hour on a local ISO weekday (1 Monday ... 7 Sunday) is outside working hours. */
export function oncallIsOffHours(hour: number, isoWeekday: number): boolean {
  return isoWeekday >= 6 || hour < ONCALL_WORKDAY_START_HOUR || hour >= ONCALL_WORKDAY_END_HOUR;
}

/** Whether a local hour is at night. */
export function oncallIsNight(hour: number): boolean {
  return hour >= ONCALL_NIGHT_START_HOUR || hour < ONCALL_NIGHT_END_HOUR;
}

/** How an instant reads on the team's clock. */
export function oncallClockOf(ms: number, timeZone: string): { offHours: boolean; night: boolean } {
  const local = DateTime.fromMillis(ms, { zone: timeZone });
  return { offHours: oncallIsOffHours(local.hour, local.weekday), night: oncallIsNight(local.hour) };
}

/** One calendar week of a window, clipped to it, with its 12-hour shifts. */
export interface OncallCalendarWeek {
  /** The ISO week number since the epoch (doraWeekKey of its Monday's local day), what the store groups by. */
  key: number;
  start: number;
  end: number;
  /** Local wall-clock days of the week inside the window * 2: a week with a clock change still has 14 shifts. */
  shifts: number;
}

/** A window's on-call calendar: the zone's offsets over it and its weeks, oldest first. */
export interface OncallCalendar {
  timeZone: string;
  offsets: DoraOffsetSegment[];
  weeks: OncallCalendarWeek[];
}

export function oncallCalendarOf(window: { from: number; to: number }, timeZone: string): OncallCalendar {
  const { offsets, weeks } = doraCalendarOf(window, timeZone);
  return {
    timeZone,
    offsets,
    weeks: weeks.map(week => ({ key: week.key, start: week.start, end: week.end, shifts: (week.days * 24) / ONCALL_SHIFT_HOURS })),
  };
}

/** A Group's IANA time zone for on-call hours, e.g. `Europe/Berlin`; else `pulse.oncall.timeZone` applies. */
export const PULSE_TIMEZONE_ANNOTATION = 'pulse.dev/timezone';

/** The window's length in local wall-clock days (a window across a clock change is still a whole number of days). */
export function oncallWindowDays(calendar: OncallCalendar): number {
  return calendar.weeks.reduce((sum, week) => sum + week.shifts, 0) / (24 / ONCALL_SHIFT_HOURS);
}
