import { DateTime, Info, Zone } from 'luxon';
import { SloWindowBounds } from './window';

const DAY_MS = 86_400_000;

/** From `fromMs` on (until the next span), the zone is `offsetMs` ahead of UTC. */
export interface ZoneOffsetSpan {
  fromMs: number;
  offsetMs: number;
}

const zoneOf = (timeZone: string): Zone => {
  const zone = Info.normalizeZone(timeZone);
  if (!zone.isValid) throw new Error(`Unknown time zone '${timeZone}'`);
  return zone;
};

/** How far the zone is ahead of UTC at an instant (Europe/Berlin in summer: 2 hours). */
export function zoneOffsetMs(timeZone: string, ms: number): number {
  return zoneOf(timeZone).offset(ms) * 60_000;
}

/**
 * The calendar day of an instant in a zone as a day number (days since 1970-01-01 of the local date): the key the
 * store groups samples by, and the burn-down's day.
 */
export function localDayNumber(timeZone: string, ms: number): number {
  return Math.floor((ms + zoneOffsetMs(timeZone, ms)) / DAY_MS);
}

/** The first instant at which the offset differs from the one at `lowMs` (offsets differ at low and high). */
function offsetChange(zone: Zone, lowMs: number, highMs: number): number {
  const before = zone.offset(lowMs);
  let [low, high] = [lowMs, highMs];
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (zone.offset(mid) === before) low = mid;
    else high = mid;
  }
  return high;
}

/**
 * The zone's offsets over [fromMs, toMs): one span per offset, found by checking each day and bisecting where the
 * offset changed (daylight saving time: two or three spans a year). The store turns them into local day numbers.
 */
export function zoneOffsetSpans(timeZone: string, fromMs: number, toMs: number): ZoneOffsetSpan[] {
  const zone = zoneOf(timeZone);
  const spans: ZoneOffsetSpan[] = [{ fromMs, offsetMs: zone.offset(fromMs) * 60_000 }];
  if (zone.isUniversal) return spans; // UTC or a fixed offset: one span
  for (let at = fromMs; at < toMs; at += DAY_MS) {
    const next = Math.min(at + DAY_MS, toMs);
    if (zone.offset(next) !== zone.offset(at)) {
      const changeMs = offsetChange(zone, at, next);
      spans.push({ fromMs: changeMs, offsetMs: zone.offset(changeMs) * 60_000 });
    }
  }
  return spans;
}

/** One calendar day of a window in its zone, cut to the part of it inside the window and before now. */
export interface SloWindowDay {
  /** 0 for the day the window starts in, then 1, 2, ... (days of 23 or 25 hours count once). */
  day: number;
  /** The local date, e.g. 2026-10-25. */
  date: string;
  startMs: number;
  endMs: number;
}

/** The calendar days of the window's zone from its start until now (a day starting at now has not begun). */
export function sloWindowDays(bounds: SloWindowBounds, nowMs: number): SloWindowDay[] {
  const lastMs = Math.min(nowMs, bounds.endMs);
  const days: SloWindowDay[] = [];
  let dayStart = DateTime.fromMillis(bounds.startMs, { zone: bounds.timeZone }).startOf('day');
  for (let day = 0; dayStart.toMillis() < lastMs; day++) {
    const next = dayStart.plus({ days: 1 });
    days.push({
      day,
      date: dayStart.toISODate() ?? '',
      startMs: Math.max(dayStart.toMillis(), bounds.startMs),
      endMs: Math.min(next.toMillis(), lastMs),
    });
    dayStart = next;
  }
  return days;
}
