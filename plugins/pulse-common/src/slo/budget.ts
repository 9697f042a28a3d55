import { SloBudgetingMethod } from './types';

/** Good and total counts: events (Occurrences) or time slices (Timeslices). */
export interface SliCounts {
  good: number;
  total: number;
}

/** The error budget of one objective; `unit` says what total, consumed and remaining count. */
export interface SloErrorBudget {
  /** Bad events (or minutes of bad slices) the objective allows over the window. */
  total: number;
  /** Bad events (or minutes of bad slices) so far. */
  consumed: number;
  /** total - consumed; negative once the budget is exhausted. */
  remaining: number;
  /** 1 - consumed / total; null when there is no data in the window. */
  remainingFraction: number | null;
  unit: 'events' | 'minutes';
}

/**
 * Reported numbers are rounded to 12 significant digits, so that `1 - 0.999` reads 0.001 and hand-computed values
 * compare exactly; no SLO decision depends on the 13th digit.
 */
export function tidySloNumber(value: number): number {
  return Number.isFinite(value) ? Number(value.toPrecision(12)) : value;
}

/** Achieved SLI: good / total, or null without data. */
export function achievedSli(counts: SliCounts): number | null {
  return counts.total > 0 ? tidySloNumber(counts.good / counts.total) : null;
}

/** The error budget fraction 1 - target, e.g. 0.001 for 99.9%. */
export function errorBudgetFraction(target: number): number {
  return tidySloNumber(1 - target);
}

/**
 * The whole budget of the window: (1 - t) x total events for Occurrences; (1 - t) x the window length, in minutes,
 * for Timeslices (99.9% over 30 days = 43.2 minutes).
 */
export function errorBudgetTotal(options: {
  budgetingMethod: SloBudgetingMethod;
  target: number;
  windowCounts: SliCounts;
  windowLengthMs: number;
}): number {
  const fraction = errorBudgetFraction(options.target);
  return options.budgetingMethod === 'Occurrences'
    ? fraction * options.windowCounts.total
    : (fraction * options.windowLengthMs) / 60_000;
}

/** What `bad` bad events or bad slices cost: the events themselves, or the slices' minutes. */
export function errorBudgetCost(options: {
  budgetingMethod: SloBudgetingMethod;
  bad: number;
  timeSliceMs?: number;
}): number {
  return options.budgetingMethod === 'Occurrences'
    ? options.bad
    : (options.bad * (options.timeSliceMs ?? 60_000)) / 60_000;
}

/** Total, consumed and remaining error budget of an objective over its window. */
export function sloErrorBudget(options: {
  budgetingMethod: SloBudgetingMethod;
  target: number;
  windowCounts: SliCounts;
  windowLengthMs: number;
  timeSliceMs?: number;
}): SloErrorBudget {
  // Tidied first, so that a window meeting its target exactly has 0 left, not a float's dust either side of it.
  const total = tidySloNumber(errorBudgetTotal(options));
  const consumed = errorBudgetCost({
    budgetingMethod: options.budgetingMethod,
    bad: options.windowCounts.total - options.windowCounts.good,
    timeSliceMs: options.timeSliceMs,
  });
  return {
    total: tidySloNumber(total),
    consumed: tidySloNumber(consumed),
    remaining: tidySloNumber(total - consumed),
    remainingFraction:
      options.windowCounts.total > 0 && total > 0 ? tidySloNumber(1 - consumed / total) : null,
    unit: options.budgetingMethod === 'Occurrences' ? 'events' : 'minutes',
  };
}

/**
 * The budget of the whole window, which incident shares are measured against: for Occurrences the events so far
 * scaled to the window's length, (1 - t) x events x W / covered, where covered is the time from the window's first
 * sample until now; Timeslices budgets are the whole window's already. Null when there is nothing to scale.
 */
export function wholeWindowErrorBudget(options: {
  budgetingMethod: SloBudgetingMethod;
  target: number;
  windowCounts: SliCounts;
  windowLengthMs: number;
  coveredMs: number;
}): number | null {
  const soFar = errorBudgetTotal(options);
  if (options.budgetingMethod !== 'Occurrences') return soFar > 0 ? soFar : null;
  if (!(soFar > 0) || !(options.coveredMs > 0)) return null;
  return (soFar * options.windowLengthMs) / Math.min(options.coveredMs, options.windowLengthMs);
}
