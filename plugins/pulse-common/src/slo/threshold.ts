import { tidySloNumber } from './budget';
import { sloIndicatorOf } from './composite';
import { parseSloDuration } from './duration';
import { SloBudgetingMethod, SloDefinition, SloObjectiveDefinition, SloThresholdOperator } from './types';

/** The SLO annotation naming the unit of a threshold SLI's values, e.g. `ms`, for the objective's wording. */
export const PULSE_SLI_UNIT_ANNOTATION = 'pulse.dev/sli-unit';

/** What samples of an SLO carry: event counts (ratio SLIs) or measured values (threshold SLIs). */
export type SloSampleForm = 'counts' | 'value';

/** Whether a value meets a threshold objective: `value op threshold` (OpenSLO lt, lte, gt, gte). */
export function sloThresholdHolds(value: number, op: SloThresholdOperator, threshold: number): boolean {
  switch (op) {
    case 'lt':
      return value < threshold;
    case 'lte':
      return value <= threshold;
    case 'gt':
      return value > threshold;
    default:
      return value >= threshold;
  }
}

/** A threshold SLO's samples are values; every other SLO's are counts. */
export function sloSampleForm(definition: SloDefinition): SloSampleForm {
  return definition.spec.indicator?.spec.thresholdMetric ? 'value' : 'counts';
}

/** What an objective's samples carry: by its own indicator in a composite SLO, else by the SLO's. */
export function sloObjectiveSampleForm(definition: SloDefinition, objective: SloObjectiveDefinition): SloSampleForm {
  return sloIndicatorOf(definition, objective)?.spec.thresholdMetric ? 'value' : 'counts';
}

/** The comparison of a threshold objective, when it has one (`op` and `value` on a threshold SLO). */
export function sloThresholdOf(
  definition: SloDefinition,
  objective: SloObjectiveDefinition,
): { op: SloThresholdOperator; value: number } | undefined {
  if (sloObjectiveSampleForm(definition, objective) !== 'value' || objective.op === undefined || objective.value === undefined) {
    return undefined;
  }
  return { op: objective.op, value: objective.value };
}

const operatorWords: Record<SloThresholdOperator, string> = {
  lt: 'under',
  lte: 'at most',
  gt: 'over',
  gte: 'at least',
};

const unitNames: Record<string, string> = { s: 'second', m: 'minute', h: 'hour', d: 'day', w: 'week' };

/** What the target counts: `samples`, `minutes`, `5-minute slices`. */
function countedThings(budgetingMethod: SloBudgetingMethod, timeSliceWindow?: string): string {
  if (budgetingMethod === 'Occurrences' || !timeSliceWindow) return 'samples';
  const { amount, unit } = parseSloDuration(timeSliceWindow);
  return amount === 1 ? `${unitNames[unit]}s` : `${amount}-${unitNames[unit]} slices`;
}

/**
 * A threshold objective in words: "p99 latency under 500 ms in 99% of minutes" (indicator name, operator, value,
 * unit, target, and what is counted: samples for Occurrences, slices for the time-sliced methods).
 */
export function sloThresholdStatement(options: {
  indicatorName: string;
  op: SloThresholdOperator;
  value: number;
  unit?: string;
  target: number;
  budgetingMethod: SloBudgetingMethod;
  timeSliceWindow?: string;
}): string {
  const value = options.unit ? `${options.value} ${options.unit}` : `${options.value}`;
  const things = countedThings(options.budgetingMethod, options.timeSliceWindow);
  return `${options.indicatorName} ${operatorWords[options.op]} ${value} in ${tidySloNumber(options.target * 100)}% of ${things}`;
}

/** A threshold objective's statement from its SLO definition; undefined for ratio objectives. */
export function sloObjectiveStatement(
  definition: SloDefinition,
  objective: SloObjectiveDefinition,
): string | undefined {
  const threshold = sloThresholdOf(definition, objective);
  const indicator = sloIndicatorOf(definition, objective);
  if (!threshold || !indicator) return undefined;
  return sloThresholdStatement({
    indicatorName: indicator.metadata?.displayName ?? indicator.metadata?.name ?? definition.metadata.name,
    ...threshold,
    unit: definition.metadata.annotations?.[PULSE_SLI_UNIT_ANNOTATION],
    target: objective.target,
    budgetingMethod: definition.spec.budgetingMethod,
    timeSliceWindow: objective.timeSliceWindow,
  });
}
