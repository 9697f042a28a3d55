import { tidySloNumber } from './budget';
import { SloAlertRuleState, SloAlertSeverity, SloBurnRateLookback, SloBurnRates, sloAlertEvaluation } from './burnRate';
import { SloDataIssue, SloDataReport } from './dataQuality';
import { SloHistoryPoint } from './history';
import { SloStatus, sloStatus, sloTimeToExhaustionSeconds } from './status';
import { SloDefinition, SloIndicator, SloObjectiveDefinition } from './types';

/**
 * The objective key of a non-composite SLO's samples: every objective of such an SLO reads the same samples, so
 * they are stored under one empty key.
 */
export const SLO_SHARED_SAMPLES_KEY = '';

/** A composite SLO (OpenSLO): its objectives carry their own indicators (`indicator` or `indicatorRef`). */
export function isCompositeSlo(definition: SloDefinition): boolean {
  return definition.spec.objectives.some(o => o.indicator !== undefined || o.indicatorRef !== undefined);
}

/**
 * The key a composite objective's samples are sent and stored under: its `displayName`, or `objective-<i>` (its index
 * in `spec.objectives`, from 0) when it has none. Non-composite objectives share SLO_SHARED_SAMPLES_KEY.
 */
export function sloObjectiveKey(definition: SloDefinition, index: number): string {
  if (!isCompositeSlo(definition)) return SLO_SHARED_SAMPLES_KEY;
  return definition.spec.objectives[index].displayName ?? `objective-${index}`;
}

/** The indicator an objective is measured by: its own in a composite SLO, else the SLO's. */
export function sloIndicatorOf(definition: SloDefinition, objective: SloObjectiveDefinition): SloIndicator | undefined {
  return isCompositeSlo(definition) ? objective.indicator : definition.spec.indicator;
}

/** An objective's weight in its composite: `compositeWeight`, 1 by default (OpenSLO). */
export function sloCompositeWeight(objective: SloObjectiveDefinition): number {
  return objective.compositeWeight ?? 1;
}

/** What the composite line needs from each objective's report. */
export interface SloCompositePart {
  displayName: string;
  weight: number;
  remainingFraction: number | null;
  burnRates: SloBurnRates;
  data: SloDataReport;
  history: SloHistoryPoint[];
}

/** One objective's share of the composite: its weight and the weighted share of its own budget it has consumed. */
export interface SloCompositeObjectiveShare {
  displayName: string;
  weight: number;
  /** weight x (1 - the objective's remainingFraction); null without data. */
  weightedConsumedFraction: number | null;
}

/** The composite line of a composite SLO (see docs/slo.md, "Composite SLOs"). */
export interface SloCompositeReport {
  /** 1 - sum of weight x consumed fraction over the objectives with data; null when none has data. */
  remainingFraction: number | null;
  met: boolean | null;
  /** Per lookback, the sum of weight x burn rate over the objectives that burn there; null when none has data. */
  burnRates: SloBurnRates;
  alert: SloAlertSeverity;
  alertRules: SloAlertRuleState[];
  timeToExhaustion: number | null;
  status: SloStatus;
  objectives: SloCompositeObjectiveShare[];
  /** The objectives' data taken together: every issue of any objective, the oldest newest sample, the least cover. */
  data: SloDataReport;
  history: SloHistoryPoint[];
}

/** A weighted sum over the parts that have a value; null when none has. */
function weightedSum(parts: Array<{ weight: number; value: number | null }>): number | null {
  const known = parts.filter(p => p.value !== null);
  if (known.length === 0) return null;
  return tidySloNumber(known.reduce((sum, p) => sum + p.weight * p.value!, 0));
}

/** The objectives' data reports as one: issues of any, the stalest newest sample, the shortest cover. */
export function combinedSloDataReport(reports: SloDataReport[]): SloDataReport {
  const order: SloDataIssue[] = ['no data', 'insufficient data', 'stale data'];
  const issues = order.filter(issue => reports.some(r => r.issues.includes(issue)));
  const firsts = reports.flatMap(r => (r.firstSampleAt ? [r.firstSampleAt] : [])).sort();
  const lasts = reports.flatMap(r => (r.lastSampleAt ? [r.lastSampleAt] : [])).sort();
  const ages = reports.flatMap(r => (r.newestSampleAgeSeconds === null ? [] : [r.newestSampleAgeSeconds]));
  const covered = reports.filter(r => r.samples > 0).map(r => r.coveredSeconds);
  return {
    samples: reports.reduce((n, r) => n + r.samples, 0),
    firstSampleAt: firsts[0] ?? null,
    lastSampleAt: lasts[lasts.length - 1] ?? null,
    coveredSeconds: covered.length > 0 ? Math.min(...covered) : 0,
    newestSampleAgeSeconds: ages.length > 0 ? Math.max(...ages) : null,
    issues,
  };
}

/**
 * The composite of a composite SLO, as OpenSLO describes it: the composite budget burns whenever any objective's
 * budget burns, at that objective's rate multiplied by its `compositeWeight`. So the composite has consumed
 * sum(w_i x c_i) of its budget, c_i being the fraction of its own budget objective i has consumed, and burns at
 * sum(w_i x b_i) over each lookback. With equal targets under RatioTimeslices this is the specification's "sum of
 * missing parts" (two objectives at 95% make a composite at 90%). The alert table, time to exhaustion and status
 * apply to these numbers as to any objective's.
 */
export function evaluateSloComposite(options: { parts: SloCompositePart[]; windowLengthMs: number }): SloCompositeReport {
  const { parts, windowLengthMs } = options;
  const consumed = (p: SloCompositePart) => (p.remainingFraction === null ? null : 1 - p.remainingFraction);
  const weightedConsumed = weightedSum(parts.map(p => ({ weight: p.weight, value: consumed(p) })));
  const remainingFraction = weightedConsumed === null ? null : tidySloNumber(1 - weightedConsumed);
  const lookbacks = Object.keys(parts[0]?.burnRates ?? {}) as SloBurnRateLookback[];
  const burnRates = Object.fromEntries(
    lookbacks.map(l => [l, weightedSum(parts.map(p => ({ weight: p.weight, value: p.burnRates[l] })))]),
  ) as SloBurnRates;
  const { alert, rules } = sloAlertEvaluation(burnRates, windowLengthMs);
  const data = combinedSloDataReport(parts.map(p => p.data));
  const history = (parts[0]?.history ?? []).map((point, day) => {
    const value = weightedSum(
      parts.map(p => {
        const remaining = p.history[day]?.remainingFraction ?? null;
        return { weight: p.weight, value: remaining === null ? null : 1 - remaining };
      }),
    );
    return { ...point, remainingFraction: value === null ? null : tidySloNumber(1 - value) };
  });
  return {
    remainingFraction,
    met: remainingFraction === null ? null : remainingFraction >= 0,
    burnRates,
    alert,
    alertRules: rules,
    timeToExhaustion: sloTimeToExhaustionSeconds({ remainingFraction, windowLengthMs, burnRate: burnRates['1h'] ?? null }),
    status: sloStatus({
      remainingFraction,
      alert,
      enoughData: !data.issues.includes('insufficient data') && !data.issues.includes('no data'),
    }),
    objectives: parts.map(p => {
      const c = consumed(p);
      return { displayName: p.displayName, weight: p.weight, weightedConsumedFraction: c === null ? null : tidySloNumber(p.weight * c) };
    }),
    data,
    history,
  };
}
