import { DateTime, IANAZone } from 'luxon';

/**
 * The calendar a DORA window is read in: days, ISO weeks and months of one IANA time zone, so that the same history
 * gives the same deploy days whatever the time of day it is read at. The store groups instants by the zone's local day
 * number in SQL: floor((instant + offset) / 1 day), with the offset piecewise constant between the zone's transitions.
 */

const DAY_MS = 86_400_000;

/** One of the zone's UTC offsets: it applies from `from` until the next segment's `from`. */
export interface DoraOffsetSegment {
  from: number;
  offsetMs: number;
}

/** A calendar week or month of a window, clipped to the window. */
export interface DoraCalendarPeriod {
  /** What the store groups by: the ISO week number since the epoch (doraWeekKey), or year * 12 + month - 1. */
  key: number;
  /** The local day number (doraLocalDay) of the period's first day, before clipping. */
  firstDay: number;
  /** The part of the period inside the window, [start, end). */
  start: number;
  end: number;
  /** Calendar days of the period inside the window (fractional for a window that starts or ends mid-day). */
  days: number;
  /** Whether the whole period lies inside the window. */
  full: boolean;
}

/** A window's calendar: the zone's offsets over it and its ISO weeks and months, oldest first. */
export interface DoraCalendar {
  timeZone: string;
  offsets: DoraOffsetSegment[];
  weeks: DoraCalendarPeriod[];
  months: DoraCalendarPeriod[];
}

/** Whether a name is an IANA time zone luxon (and Intl) knows, such as 'Europe/Berlin' or 'UTC'. */
export function doraIsTimeZone(name: string): boolean {
  return IANAZone.isValidZone(name);
}

/** The zone's UTC offset at an instant; IANAZone.create caches the zone, so this is cheap to call once a day. */
const offsetAt = (ms: number, timeZone: string) => IANAZone.create(timeZone).offset(ms) * 60_000;

/** Days since 1970-01-01 of the local date of `local` (a luxon DateTime in the zone). */
const localDayOf = (local: DateTime) => Math.floor((local.toMillis() + local.offset * 60_000) / DAY_MS);

/** The local day number of an instant in a zone: days since 1970-01-01 of its local date. */
export function doraLocalDay(ms: number, timeZone: string): number {
  return localDayOf(DateTime.fromMillis(ms, { zone: timeZone }));
}

/** The ISO week of a local day number: 1970-01-01 was a Thursday, so day -3 (a Monday) starts week 0. */
export function doraWeekKey(localDay: number): number {
  return Math.floor((localDay + 3) / 7);
}

/** The first instant at which the offset differs from the one at `low` (the transition lies in (low, high]). */
function transitionBetween(low: number, high: number, timeZone: string): number {
  const before = offsetAt(low, timeZone);
  let [lo, hi] = [low, high];
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetAt(mid, timeZone) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** The zone's offsets over [from, to). Transitions are months apart, so checking once a day finds each of them. */
export function doraOffsetSegments(from: number, to: number, timeZone: string): DoraOffsetSegment[] {
  const segments: DoraOffsetSegment[] = [{ from, offsetMs: offsetAt(from, timeZone) }];
  for (let at = from; at < to - 1; ) {
    const next = Math.min(at + DAY_MS, to - 1);
    if (offsetAt(next, timeZone) !== segments[segments.length - 1].offsetMs) {
      const change = transitionBetween(at, next, timeZone);
      segments.push({ from: change, offsetMs: offsetAt(change, timeZone) });
    }
    at = next;
  }
  return segments;
}

function periodsOf(
  window: { from: number; to: number },
  timeZone: string,
  unit: 'week' | 'month',
  keyOf: (start: DateTime) => number,
): DoraCalendarPeriod[] {
  const periods: DoraCalendarPeriod[] = [];
  let start = DateTime.fromMillis(window.from, { zone: timeZone }).startOf(unit);
  while (start.toMillis() < window.to) {
    const end = start.plus(unit === 'week' ? { weeks: 1 } : { months: 1 });
    const clippedStart = Math.max(window.from, start.toMillis());
    const clippedEnd = Math.min(window.to, end.toMillis());
    periods.push({
      key: keyOf(start),
      firstDay: localDayOf(start),
      start: clippedStart,
      end: clippedEnd,
      // Local wall-clock time between the two instants: a week with a clock change is still 7 days.
      days: (clippedEnd + offsetAt(clippedEnd, timeZone) - clippedStart - offsetAt(clippedStart, timeZone)) / DAY_MS,
      full: start.toMillis() >= window.from && end.toMillis() <= window.to,
    });
    start = end;
  }
  return periods;
}

/** The calendar of a window [from, to) in a time zone. */
export function doraCalendarOf(window: { from: number; to: number }, timeZone: string): DoraCalendar {
  if (!doraIsTimeZone(timeZone)) throw new RangeError(`'${timeZone}' is not an IANA time zone`);
  return {
    timeZone,
    offsets: doraOffsetSegments(window.from, window.to, timeZone),
    weeks: periodsOf(window, timeZone, 'week', start => doraWeekKey(localDayOf(start))),
    months: periodsOf(window, timeZone, 'month', start => start.year * 12 + start.month - 1),
  };
}

/**
 * The periods whose deploy days the tier's median is taken over: the whole weeks (months) inside the window, so a
 * window that starts or ends mid-week cannot drag the median down; a window without a whole one uses its partial ones.
 */
export function doraCountedPeriods(periods: DoraCalendarPeriod[]): DoraCalendarPeriod[] {
  const full = periods.filter(period => period.full);
  return full.length > 0 ? full : periods;
}
