import { DateTime } from 'luxon';
import { SliCounts, SloErrorBudget, achievedSli, sloErrorBudget, tidySloNumber } from './budget';
import {
  SloAlertRuleState,
  SloAlertSeverity,
  SloBurnRateLookback,
  SloBurnRates,
  SLO_BURN_RATE_LOOKBACKS,
  sloAlertEvaluation,
  sloBurnRate,
} from './burnRate';
import { sloFixedDurationMillis } from './duration';
import { SloDailyCounts, SloHistoryPoint, sloBudgetHistory } from './history';
import { SloStatus, sloStatus, sloTimeToExhaustionSeconds } from './status';
import { SloBudgetingMethod, SloObjectiveDefinition, SloSource, SloTimeWindow } from './types';
import { SloWindowBounds } from './window';

/** The window that was counted, as returned by the API. */
export interface SloWindowReport {
  start: string;
  end: string;
  duration: string;
  isRolling: boolean;
  timeZone: string;
}

/** Everything computed for one objective over its current window. */
export interface SloObjectiveReport {
  displayName: string;
  target: number;
  timeSliceTarget?: number;
  timeSliceWindow?: string;
  /** Good / total in the window; null without data. */
  sli: number | null;
  /** What the SLI was computed from: events (Occurrences) or time slices (Timeslices). */
  counts: SliCounts & { unit: 'events' | 'slices' };
  errorBudget: SloErrorBudget;
  burnRates: SloBurnRates;
  alert: SloAlertSeverity;
  /** Each rule of the multi-window, multi-burn-rate table with its threshold scaled to the window. */
  alertRules: SloAlertRuleState[];
  /** Seconds until the budget is gone at the 1h burn rate; 0 when exhausted, null when not burning or no data. */
  timeToExhaustion: number | null;
  status: SloStatus;
  history: SloHistoryPoint[];
}

/** One SLO of an entity with its objectives evaluated. */
export interface SloReport {
  name: string;
  displayName?: string;
  description?: string;
  source: SloSource;
  window: SloWindowReport;
  budgetingMethod: SloBudgetingMethod;
  objectives: SloObjectiveReport[];
}

/** `GET /slo/entities/:kind/:namespace/:name`. */
export interface EntitySloReport {
  entityRef: string;
  evaluatedAt: string;
  slos: SloReport[];
}

/** The sums the store returns for one objective: the window, each burn-rate lookback, and each day. */
export interface SloObjectiveSums {
  window: SliCounts;
  lookbacks: Record<SloBurnRateLookback, SliCounts>;
  daily: SloDailyCounts[];
}

/** The burn rate whose pace time to exhaustion is projected at. */
export const SLO_EXHAUSTION_LOOKBACK: SloBurnRateLookback = '1h';

const isoOf = (ms: number) => DateTime.fromMillis(ms, { zone: 'utc' }).toISO() ?? '';

/** The window as the API reports it. */
export function sloWindowReport(timeWindow: SloTimeWindow, bounds: SloWindowBounds): SloWindowReport {
  return {
    start: isoOf(bounds.startMs),
    end: isoOf(bounds.endMs),
    duration: timeWindow.duration,
    isRolling: timeWindow.isRolling,
    timeZone: bounds.timeZone,
  };
}

/** An objective's name for people: its displayName, else its target as a percentage. */
export function sloObjectiveDisplayName(objective: SloObjectiveDefinition): string {
  return objective.displayName ?? `${tidySloNumber(objective.target * 100)}%`;
}

/** Turns the store's sums for one objective into budget, burn rates, alert, status and history. */
export function evaluateSloObjective(options: {
  budgetingMethod: SloBudgetingMethod;
  objective: SloObjectiveDefinition;
  bounds: SloWindowBounds;
  nowMs: number;
  sums: SloObjectiveSums;
}): SloObjectiveReport {
  const { budgetingMethod, objective, bounds, sums } = options;
  const { target } = objective;
  const timeSliceMs =
    budgetingMethod === 'Timeslices' && objective.timeSliceWindow
      ? sloFixedDurationMillis(objective.timeSliceWindow)
      : undefined;
  const errorBudget = sloErrorBudget({
    budgetingMethod,
    target,
    windowCounts: sums.window,
    windowLengthMs: bounds.lengthMs,
    timeSliceMs,
  });
  const burnRates = Object.fromEntries(
    Object.keys(SLO_BURN_RATE_LOOKBACKS).map(lookback => [
      lookback,
      sloBurnRate(sums.lookbacks[lookback as SloBurnRateLookback], target),
    ]),
  ) as SloBurnRates;
  const { alert, rules } = sloAlertEvaluation(burnRates, bounds.lengthMs);

  return {
    displayName: sloObjectiveDisplayName(objective),
    target,
    ...(objective.timeSliceTarget !== undefined ? { timeSliceTarget: objective.timeSliceTarget } : {}),
    ...(objective.timeSliceWindow !== undefined ? { timeSliceWindow: objective.timeSliceWindow } : {}),
    sli: achievedSli(sums.window),
    counts: { ...sums.window, unit: budgetingMethod === 'Occurrences' ? 'events' : 'slices' },
    errorBudget,
    burnRates,
    alert,
    alertRules: rules,
    timeToExhaustion: sloTimeToExhaustionSeconds({
      remainingFraction: errorBudget.remainingFraction,
      windowLengthMs: bounds.lengthMs,
      burnRate: burnRates[SLO_EXHAUSTION_LOOKBACK],
    }),
    status: sloStatus({ remainingFraction: errorBudget.remainingFraction, alert }),
    history: sloBudgetHistory({
      budgetingMethod,
      target,
      bounds,
      nowMs: options.nowMs,
      windowCounts: sums.window,
      daily: sums.daily,
      timeSliceMs,
    }),
  };
}
