import { DoraCalendarPeriod, doraCountedPeriods } from './calendar';
import { DORA_DAY_MS } from './window';

/**
 * The part of a window Pulse has data for: from the window day of the scope's first deployment or incident (ever,
 * not only in the window) until the window's end. `coveredDays` equals `windowDays` when the data starts before the
 * window; it is 0 when the scope has no event at all.
 */
export interface DoraCoverage {
  /** Start of the covered part: the window's start, or the start of the window day holding the first event. */
  from: string;
  to: string;
  /** The scope's first production or other deployment or incident; null without any. */
  firstEventAt: string | null;
  coveredDays: number;
  windowDays: number;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Where a window's covered part starts (epoch ms): whole window days, so 90 of 180 days rather than 89.6. */
export function doraCoveredFromMs(window: { from: number; to: number }, firstEventMs: number | null): number {
  if (firstEventMs === null || firstEventMs >= window.to) return window.to;
  if (firstEventMs <= window.from) return window.from;
  return window.from + Math.floor((firstEventMs - window.from) / DORA_DAY_MS) * DORA_DAY_MS;
}

/** The coverage of a window whose scope's first event is at `firstEventMs`. */
export function doraCoverageOf(window: { from: number; to: number }, firstEventMs: number | null): DoraCoverage {
  const coveredFrom = doraCoveredFromMs(window, firstEventMs);
  return {
    from: iso(coveredFrom),
    to: iso(window.to),
    firstEventAt: firstEventMs === null ? null : iso(firstEventMs),
    coveredDays: (window.to - coveredFrom) / DORA_DAY_MS,
    windowDays: (window.to - window.from) / DORA_DAY_MS,
  };
}

/**
 * The weeks (months) whose deploy days the tier's median counts, within the covered part only: the whole ones that
 * end after the covered start (the one holding the first event included), else those partial ones. Weeks wholly
 * before the first event would count as 0 deploy days and drag the median down for want of history, not of
 * deployments.
 */
export function doraCoveredPeriods(periods: DoraCalendarPeriod[], coveredFromMs: number): DoraCalendarPeriod[] {
  return doraCountedPeriods(periods.filter(period => period.end > coveredFromMs));
}
