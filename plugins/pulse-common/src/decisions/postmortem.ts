import { SloBudgetingMethod } from '../slo/types';
import { SliCounts, errorBudgetCost, tidySloNumber, wholeWindowErrorBudget } from '../slo/budget';

/** The SRE Workbook's rule: an incident that spends more than 20% of a budget gets a postmortem. */
export const DEFAULT_POSTMORTEM_BUDGET_SHARE = 0.2;

/** Where an incident's postmortem stands. */
export type PostmortemStatus = 'done' | 'outstanding' | 'not-required';

/**
 * The share of an objective's window budget an incident spent: its bad events (or bad slices' minutes) between its
 * start and end, over the budget of the whole window that ends with it (for Occurrences the events so far scaled to
 * the window's length, so the same incident weighs the same on the 1st and the 15th of a month). Null when the window
 * has no budget to spend (no data for Occurrences).
 */
export function incidentBudgetShare(options: {
  budgetingMethod: SloBudgetingMethod;
  target: number;
  /** Good/total of the SLO window the incident ends in. */
  windowCounts: SliCounts;
  windowLengthMs: number;
  /** Time from the window's first sample until the incident's end: what the window's events were counted over. */
  coveredMs: number;
  /** Good/total between the incident's start and end. */
  incidentCounts: SliCounts;
  timeSliceMs?: number;
}): number | null {
  const budget = wholeWindowErrorBudget(options);
  if (budget === null) return null;
  const spent = errorBudgetCost({
    budgetingMethod: options.budgetingMethod,
    bad: options.incidentCounts.total - options.incidentCounts.good,
    timeSliceMs: options.timeSliceMs,
  });
  return tidySloNumber(spent / budget);
}

/** Whether any of the shares an incident spent is more than the threshold. */
export function isPostmortemRequired(
  shares: Array<number | null>,
  threshold: number = DEFAULT_POSTMORTEM_BUDGET_SHARE,
): boolean {
  return shares.some(share => share !== null && share > threshold);
}

/** Done once a postmortem is linked; outstanding while a required one is not. */
export function postmortemStatusOf(required: boolean, postmortemUrl: string | null | undefined): PostmortemStatus {
  if (postmortemUrl) return 'done';
  return required ? 'outstanding' : 'not-required';
}
