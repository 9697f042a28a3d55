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
import { SloBurnRateGaps, sloBurnRateGaps } from './burnRateGaps';
import { DEFAULT_SLO_DATA_RULES, SloDataReport, SloDataRules, SloSampleSpan, sloDataReport } from './dataQuality';
import { sloFixedDurationMillis } from './duration';
import { sliceCountsWithEmptyGood } from './emptySlices';
import { SloDailyCounts, SloHistoryPoint, sloBudgetHistory } from './history';
import { SloExhaustion, sloExhaustion, sloExhaustionSeconds } from './exhaustion';
import { SloStatus, sloStatus } from './status';
import { SloCompositeReport } from './composite';
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
  /** Composite SLOs: the key this objective's samples are sent under (`objective` of POST /slo/samples). */
  key?: string;
  /** Composite SLOs: the objective's weight in the composite (default 1). */
  compositeWeight?: number;
  target: number;
  timeSliceTarget?: number;
  timeSliceWindow?: string;
  /** A threshold objective in words, e.g. "p99 latency under 500 ms in 99% of minutes". */
  statement?: string;
  /** Good / total in the window; null without data. */
  sli: number | null;
  /** Whether the SLI meets the target (exactly meeting it is met, with 0 budget left); null without data. */
  met: boolean | null;
  /** What the SLI was computed from: events (Occurrences) or time slices (Timeslices). */
  counts: SliCounts & { unit: 'events' | 'slices' };
  errorBudget: SloErrorBudget;
  /** Null where a lookback has no burn rate; `burnRateGaps` says why (0 is a rate: nothing burnt). */
  burnRates: SloBurnRates;
  /** Why each null burn rate is null: no samples, no events, or a lookback shorter than the sample interval. */
  burnRateGaps: SloBurnRateGaps;
  alert: SloAlertSeverity;
  /** Each rule of the multi-window, multi-burn-rate table with its threshold scaled to the window. */
  alertRules: SloAlertRuleState[];
  /** Seconds until the budget is gone at the 1h burn rate; 0 when exhausted, null when not burning or no data. */
  timeToExhaustion: number | null;
  /** The same with what it rests on: burning at the 1h pace, not burning, exhausted, or unknown and why. */
  exhaustion: SloExhaustion;
  status: SloStatus;
  /** The samples behind the numbers and what is wrong with them (`no data`, `stale data`, `insufficient data`). */
  data: SloDataReport;
  /** When the newest sample of the window started (as `data.lastSampleAt`); null without samples. */
  lastSampleAt: string | null;
  /** Seconds between the two newest samples' starts: how coarse the samples are; null with fewer than two. */
  sampleIntervalSeconds: number | null;
  /** The freshness limit the gate uses (`pulse.slo.staleAfter`): a newest sample older than this is `stale data`. */
  staleAfterSeconds: number;
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
  /** Composite SLOs only: the composite of the objectives, weighted (docs/slo.md, "Composite SLOs"). */
  composite?: SloCompositeReport;
}

/** `GET /slo/entities/:kind/:namespace/:name`. */
export interface EntitySloReport {
  entityRef: string;
  evaluatedAt: string;
  slos: SloReport[];
}

/**
 * The sums the store returns for one objective: the window, each burn-rate lookback, and each calendar day, over
 * [start, now); for Timeslices, counts of the slices that had events. `lookbackSamples` counts the samples (slices
 * with samples) starting in each lookback. `span` describes the window's raw samples.
 */
export interface SloObjectiveSums {
  window: SliCounts;
  lookbacks: Record<SloBurnRateLookback, SliCounts>;
  lookbackSamples: Record<SloBurnRateLookback, number>;
  daily: SloDailyCounts[];
  span: SloSampleSpan;
}

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

/**
 * Timeslices: every slice of the window and of each lookback counts, a slice without events as good (OpenSLO, Nobl9);
 * the store counted only slices with events. Occurrences: the sums as they are.
 */
function countsOf(
  sums: SloObjectiveSums,
  range: { windowStartMs: number; nowMs: number; timeSliceMs?: number },
): Pick<SloObjectiveSums, 'window' | 'lookbacks'> {
  const { timeSliceMs: sliceMs, nowMs } = range;
  if (sliceMs === undefined || sums.span.samples === 0) return sums;
  const lookbacks = Object.fromEntries(
    (Object.keys(SLO_BURN_RATE_LOOKBACKS) as SloBurnRateLookback[]).map(name => [
      name,
      sliceCountsWithEmptyGood(sums.lookbacks[name], {
        fromMs: nowMs - SLO_BURN_RATE_LOOKBACKS[name],
        toMs: nowMs,
        sliceMs,
      }),
    ]),
  ) as Record<SloBurnRateLookback, SliCounts>;
  return {
    window: sliceCountsWithEmptyGood(sums.window, { fromMs: range.windowStartMs, toMs: nowMs, sliceMs }),
    lookbacks,
  };
}

/** Turns the store's sums for one objective into budget, burn rates, alert, status, data issues and history. */
export function evaluateSloObjective(options: {
  budgetingMethod: SloBudgetingMethod;
  objective: SloObjectiveDefinition;
  /** A threshold objective in words (see sloObjectiveStatement). */
  statement?: string;
  bounds: SloWindowBounds;
  nowMs: number;
  sums: SloObjectiveSums;
  rules?: SloDataRules;
}): SloObjectiveReport {
  const { budgetingMethod, objective, bounds, sums, nowMs } = options;
  const rules = options.rules ?? DEFAULT_SLO_DATA_RULES;
  const { target } = objective;
  const timeSliceMs =
    budgetingMethod !== 'Occurrences' && objective.timeSliceWindow
      ? sloFixedDurationMillis(objective.timeSliceWindow)
      : undefined;
  const counts = countsOf(sums, { windowStartMs: bounds.startMs, nowMs, timeSliceMs });
  const data = sloDataReport({
    span: sums.span,
    nowMs,
    rules,
    hasRatio: counts.window.total > 0,
  });
  const noData = data.issues.includes('no data');
  const errorBudget = sloErrorBudget({
    budgetingMethod,
    target,
    windowCounts: noData ? { good: 0, total: 0 } : counts.window,
    windowLengthMs: bounds.lengthMs,
    timeSliceMs,
  });
  // A lookback without samples has no rate, even for Timeslices, whose empty slices would otherwise count as good.
  const burnRates = Object.fromEntries(
    (Object.keys(SLO_BURN_RATE_LOOKBACKS) as SloBurnRateLookback[]).map(lookback => [
      lookback,
      sums.lookbackSamples[lookback] > 0 ? sloBurnRate(counts.lookbacks[lookback], target) : null,
    ]),
  ) as SloBurnRates;
  const burnRateGaps = sloBurnRateGaps({
    burnRates,
    samples: sums.lookbackSamples,
    span: sums.span,
    nowMs,
  });
  const { alert, rules: alertRules } = sloAlertEvaluation(burnRates, bounds.lengthMs);
  const sli = noData ? null : achievedSli(counts.window);
  const exhaustion = sloExhaustion({
    remainingFraction: errorBudget.remainingFraction,
    windowLengthMs: bounds.lengthMs,
    burnRates,
    gaps: burnRateGaps,
    sampleIntervalMs: sums.span.intervalMs,
  });

  return {
    displayName: sloObjectiveDisplayName(objective),
    target,
    ...(objective.timeSliceTarget !== undefined ? { timeSliceTarget: objective.timeSliceTarget } : {}),
    ...(objective.timeSliceWindow !== undefined ? { timeSliceWindow: objective.timeSliceWindow } : {}),
    ...(options.statement ? { statement: options.statement } : {}),
    sli,
    met: errorBudget.remainingFraction === null ? null : errorBudget.remainingFraction >= 0,
    counts: { ...counts.window, unit: budgetingMethod === 'Occurrences' ? 'events' : 'slices' },
    errorBudget,
    burnRates,
    burnRateGaps,
    alert,
    alertRules,
    timeToExhaustion: sloExhaustionSeconds(exhaustion),
    exhaustion,
    status: sloStatus({
      remainingFraction: errorBudget.remainingFraction,
      alert,
      enoughData: !data.issues.includes('insufficient data'),
    }),
    data,
    lastSampleAt: data.lastSampleAt,
    sampleIntervalSeconds: sums.span.intervalMs === null ? null : Math.round(sums.span.intervalMs / 1000),
    staleAfterSeconds: Math.round(rules.staleAfterMs / 1000),
    history: sloBudgetHistory({
      budgetingMethod,
      target,
      bounds,
      nowMs,
      windowCounts: counts.window,
      daily: sums.daily,
      timeSliceMs,
      hasData: !noData,
    }),
  };
}
