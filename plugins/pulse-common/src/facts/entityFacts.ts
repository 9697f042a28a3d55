import { DoraSummary } from '../dora/types';
import { EntitySloReport } from '../slo/report';
import { SloGateDecision } from '../slo/releaseGate';
import { SurveyResults } from '../survey/types';
import { PulseEntityFacts } from './types';

const DAYS_PER_WEEK = 7;

/** The lowest remaining fraction over every objective and composite with data; null when none has data. */
export function lowestErrorBudgetRemaining(report: EntitySloReport): number | null {
  const fractions = report.slos
    .flatMap(slo => [
      ...slo.objectives.map(o => o.errorBudget.remainingFraction),
      ...(slo.composite ? [slo.composite.remainingFraction] : []),
    ])
    .filter((f): f is number => f !== null);
  return fractions.length === 0 ? null : Math.min(...fractions);
}

/** The satisfaction mean of results that are shown; hidden results (anonymity) and rounds without it give null. */
export function shownSatisfaction(results: SurveyResults | null): number | null {
  if (!results || results.hidden) return null;
  return results.satisfaction?.mean ?? null;
}

/** The flat facts of one entity, from the same answers its pages show. */
export function pulseEntityFactsOf(input: {
  slo: EntitySloReport;
  releaseGate: SloGateDecision;
  dora: DoraSummary;
  survey: SurveyResults | null;
}): PulseEntityFacts {
  const { slo, releaseGate, dora, survey } = input;
  const perDay = dora.metrics.deploymentFrequency.value;
  return {
    entityRef: slo.entityRef,
    hasSlo: slo.slos.length > 0,
    errorBudgetRemaining: lowestErrorBudgetRemaining(slo),
    releaseGate,
    doraTier: dora.tier,
    deploymentsPerWeek: perDay === null ? null : perDay * DAYS_PER_WEEK,
    leadTimeHours: dora.metrics.leadTimeForChanges.value,
    changeFailureRate: dora.metrics.changeFailureRate.value,
    surveySatisfaction: shownSatisfaction(survey),
  };
}
