import { DateTime } from 'luxon';
import { SliCounts, errorBudgetCost, errorBudgetTotal, tidySloNumber } from './budget';
import { SloWindowBounds } from './window';
import { sloWindowDays } from './days';
import { SloBudgetingMethod } from './types';

/** Counts of one calendar day of the window in its zone: day 0 is the day the window starts in. */
export interface SloDailyCounts extends SliCounts {
  day: number;
}

/** One point of the burndown: budget left at the end of a calendar day, and the ideal straight line from 1 to 0. */
export interface SloHistoryPoint {
  /** The calendar day in the window's time zone, e.g. 2026-11-29; each date appears once. */
  date: string;
  /** The instant the point stands for: the end of that day (the next local midnight), or now for today. */
  at: string;
  /** Budget left then, against the whole window's budget; null without data in the window. */
  remainingFraction: number | null;
  /** Where the budget would stand if it burned evenly over the window: 1 - elapsed / window length. */
  idealRemainingFraction: number;
}

/**
 * The daily budget burndown: one point per calendar day of the window's time zone (23- and 25-hour days included),
 * from the day the window starts in until today. Each day's consumption is measured against the whole window's budget
 * (for Occurrences: (1 - t) x all events in the window so far), so the last point equals the current remaining
 * fraction and an even burn at rate 1 follows the ideal line.
 */
export function sloBudgetHistory(options: {
  budgetingMethod: SloBudgetingMethod;
  target: number;
  bounds: SloWindowBounds;
  nowMs: number;
  windowCounts: SliCounts;
  daily: SloDailyCounts[];
  timeSliceMs?: number;
  /** False when the window holds no data (for Timeslices the counts are never empty). */
  hasData?: boolean;
}): SloHistoryPoint[] {
  const { bounds, budgetingMethod } = options;
  const budget = errorBudgetTotal({ ...options, windowLengthMs: bounds.lengthMs });
  const hasData = options.hasData !== false && options.windowCounts.total > 0 && budget > 0;
  const badByDay = new Map(options.daily.map(d => [d.day, d.total - d.good]));
  let consumed = 0;
  return sloWindowDays(bounds, options.nowMs).map(day => {
    consumed += errorBudgetCost({ budgetingMethod, bad: badByDay.get(day.day) ?? 0, timeSliceMs: options.timeSliceMs });
    return {
      date: day.date,
      at: DateTime.fromMillis(day.endMs, { zone: 'utc' }).toISO() ?? '',
      remainingFraction: hasData ? tidySloNumber(1 - consumed / budget) : null,
      idealRemainingFraction: tidySloNumber(1 - (day.endMs - bounds.startMs) / bounds.lengthMs),
    };
  });
}
