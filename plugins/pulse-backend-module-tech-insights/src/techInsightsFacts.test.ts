import { techInsightsFactsOf } from './techInsightsFacts';

describe('techInsightsFactsOf', () => {
  it('names every fact pulse<Fact> and leaves out nulls', () => {
    expect(
      techInsightsFactsOf({
        entityRef: 'component:default/checkout',
        hasSlo: true,
        errorBudgetRemaining: 0.42,
        releaseGate: 'warn',
        doraTier: 'high',
        deploymentsPerWeek: 3.5,
        leadTimeHours: null,
        changeFailureRate: 0,
        surveySatisfaction: null,
      }),
    ).toEqual({
      pulseHasSlo: true,
      pulseErrorBudgetRemaining: 0.42,
      pulseReleaseGate: 'warn',
      pulseDoraTier: 'high',
      pulseDeploymentsPerWeek: 3.5,
      // 0 is a value (no failed deployment), kept; null lead time and hidden satisfaction are left out.
      pulseChangeFailureRate: 0,
    });
  });
});
