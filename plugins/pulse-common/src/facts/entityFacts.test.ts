import { DoraSummary } from '../dora/types';
import { EntitySloReport } from '../slo/report';
import { SurveyResults } from '../survey/types';
import { lowestErrorBudgetRemaining, pulseEntityFactsOf, shownSatisfaction } from './entityFacts';

// Only the fields the facts read; the rest of each answer does not matter here.
const objective = (remainingFraction: number | null) => ({ errorBudget: { remainingFraction } });
const report = (slos: object[]) => ({ entityRef: 'component:default/checkout', evaluatedAt: '', slos }) as unknown as EntitySloReport;
const dora = {
  tier: 'high',
  metrics: {
    deploymentFrequency: { value: 0.5 },
    leadTimeForChanges: { value: 20 },
    changeFailureRate: { value: 12.5 },
  },
} as unknown as DoraSummary;

describe('lowestErrorBudgetRemaining', () => {
  it('takes the lowest fraction over objectives and composites, skipping objectives without data', () => {
    const r = report([
      { objectives: [objective(0.8), objective(null)] },
      { objectives: [objective(0.9)], composite: { remainingFraction: 0.25 } },
    ]);
    // min(0.8, 0.9, 0.25) = 0.25; the null objective has no data and is not a 0.
    expect(lowestErrorBudgetRemaining(r)).toBe(0.25);
  });

  it('is null when no objective has data, and when there is no SLO', () => {
    expect(lowestErrorBudgetRemaining(report([{ objectives: [objective(null)] }]))).toBeNull();
    expect(lowestErrorBudgetRemaining(report([]))).toBeNull();
  });
});

describe('shownSatisfaction', () => {
  it('gives the mean of shown results and nothing for hidden ones', () => {
    const shown = { hidden: false, satisfaction: { mean: 3.75 } } as unknown as SurveyResults;
    const hidden = { hidden: true, reason: 'Fewer than 5 answers' } as unknown as SurveyResults;
    const noScale = { hidden: false } as unknown as SurveyResults;
    expect(shownSatisfaction(shown)).toBe(3.75);
    expect(shownSatisfaction(hidden)).toBeNull();
    expect(shownSatisfaction(noScale)).toBeNull();
    expect(shownSatisfaction(null)).toBeNull();
  });
});

describe('pulseEntityFactsOf', () => {
  it('flattens the SLO report, gate, DORA summary and survey results into facts', () => {
    const facts = pulseEntityFactsOf({
      slo: report([{ objectives: [objective(0.6)] }]),
      releaseGate: 'warn',
      dora,
      survey: null,
    });
    expect(facts).toEqual({
      entityRef: 'component:default/checkout',
      hasSlo: true,
      errorBudgetRemaining: 0.6,
      releaseGate: 'warn',
      doraTier: 'high',
      // 0.5 deployments a day x 7 days = 3.5 a week
      deploymentsPerWeek: 3.5,
      leadTimeHours: 20,
      changeFailureRate: 12.5,
      surveySatisfaction: null,
    });
  });

  it('has no SLO and no deployment rate when there is nothing to measure', () => {
    const none = { ...dora, tier: null, metrics: { ...dora.metrics, deploymentFrequency: { value: null } } } as unknown as DoraSummary;
    const facts = pulseEntityFactsOf({ slo: report([]), releaseGate: 'allow', dora: none, survey: null });
    expect(facts.hasSlo).toBe(false);
    expect(facts.doraTier).toBeNull();
    expect(facts.deploymentsPerWeek).toBeNull();
  });
});
