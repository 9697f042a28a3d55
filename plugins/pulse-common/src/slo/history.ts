import { DateTime } from 'luxon';
import { SliCounts, errorBudgetCost, errorBudgetTotal, tidySloNumber } from './budget';
import { SloWindowBounds } from './window';
import { SloBudgetingMethod } from './types';

/** Milliseconds in one history bucket. */
export const SLO_HISTORY_DAY_MS = 86_400_000;

/** Counts of one day of the window: day 0 is [window start, window start + 24h). */
export interface SloDailyCounts extends SliCounts {
  day: number;
}

/** One point of the burndown: budget left at the end of a day, and the ideal straight line from 1 to 0. */
export interface SloHistoryPoint {
  /** Calendar date of `at` in the window's time zone, e.g. 2026-11-29. */
  date: string;
  /** The instant the point stands for (window start, the end of a day, or now for the running day). */
  at: string;
  /** Budget left then, against the whole window's budget; null without data in the window. */
  remainingFraction: number | null;
  /** Where the budget would stand if it burned evenly over the window: 1 - elapsed / window length. */
  idealRemainingFraction: number;
}

/**
 * The daily budget burndown from the window start until now. Each day's consumption is measured against the whole
 * window's budget (for Occurrences: (1 - t) x all events in the window so far), so the last point equals the current
 * remaining fraction and an even burn at rate 1 follows the ideal line.
 */
export function sloBudgetHistory(options: {
  budgetingMethod: SloBudgetingMethod;
  target: number;
  bounds: SloWindowBounds;
  nowMs: number;
  windowCounts: SliCounts;
  daily: SloDailyCounts[];
  timeSliceMs?: number;
}): SloHistoryPoint[] {
  const { bounds, budgetingMethod } = options;
  const budget = errorBudgetTotal({ ...options, windowLengthMs: bounds.lengthMs });
  const hasData = options.windowCounts.total > 0 && budget > 0;
  const badByDay = new Map(options.daily.map(d => [d.day, d.total - d.good]));
  const lastMs = Math.min(options.nowMs, bounds.endMs);
  const days = Math.max(0, Math.ceil((lastMs - bounds.startMs) / SLO_HISTORY_DAY_MS));

  const pointAt = (atMs: number, consumed: number): SloHistoryPoint => {
    const at = DateTime.fromMillis(atMs, { zone: bounds.timeZone });
    return {
      date: at.toISODate() ?? '',
      at: at.toUTC().toISO() ?? '',
      remainingFraction: hasData ? tidySloNumber(1 - consumed / budget) : null,
      idealRemainingFraction: tidySloNumber(1 - (atMs - bounds.startMs) / bounds.lengthMs),
    };
  };

  const points = [pointAt(bounds.startMs, 0)];
  let consumed = 0;
  for (let day = 0; day < days; day++) {
    consumed += errorBudgetCost({ budgetingMethod, bad: badByDay.get(day) ?? 0, timeSliceMs: options.timeSliceMs });
    points.push(pointAt(Math.min(bounds.startMs + (day + 1) * SLO_HISTORY_DAY_MS, lastMs), consumed));
  }
  return points;
}
