import { doraTierExplanation, doraTierRules } from './tierExplanation';
import { DoraMetrics } from './types';

const metric = (value: number | null) => ({ value, unit: 'hours' as const, tier: null, sampleSize: 1 });
const metrics: DoraMetrics = {
  deploymentFrequency: {
    ...metric(0.5),
    unit: 'deployments/day',
    deployDaysPerWeekMedian: 3,
    deployDaysPerMonthMedian: 13,
  },
  leadTimeForChanges: { ...metric(1025.5), p90: null, olderThanCap: 0 },
  changeFailureRate: { ...metric(12.345), unit: 'percent' },
  failedDeploymentRecoveryTime: metric(25.4),
  reworkRate: { ...metric(null), unit: 'percent' },
};

describe('doraTierRules', () => {
  it('states the default recovery time bounds under the duration policy', () => {
    // 1 h, 24 h and 168 h = 7 days (at two days or more the policy switches to days)
    expect(doraTierRules('failedDeploymentRecoveryTime')).toEqual([
      { tier: 'elite', rule: 'under 1.0 h' },
      { tier: 'high', rule: 'under 24.0 h' },
      { tier: 'medium', rule: 'under 7.0 days' },
      { tier: 'low', rule: '7.0 days or more' },
    ]);
  });

  it('states the change failure rate bounds as inclusive percentages', () => {
    expect(doraTierRules('changeFailureRate').map(r => r.rule)).toEqual(['at most 5%', 'at most 10%', 'at most 15%', 'over 15%']);
  });

  it('takes custom thresholds and says "day" for one', () => {
    const rules = doraTierRules('deploymentFrequency', {
      deploymentFrequency: { eliteDeployDaysPerWeek: 4, highDeployDaysPerWeek: 1, mediumDeployDaysPerMonth: 2 },
      leadTimeHours: { elite: 1, high: 2, medium: 3 },
      changeFailureRatePercent: { elite: 1, high: 2, medium: 3 },
      recoveryTimeHours: { elite: 1, high: 2, medium: 3 },
    });
    expect(rules[0].rule).toBe('deploys on at least 4 days a week (median week)');
    expect(rules[1].rule).toBe('deploys on at least 1 day a week (median week)');
    expect(rules[3].rule).toBe('deploys on fewer than 2 days a month');
  });
});

describe('doraTierExplanation', () => {
  it('gives the value the tier is judged on', () => {
    // 25.4 h: under two days, so hours
    expect(doraTierExplanation('failedDeploymentRecoveryTime', metrics).value).toBe('25.4 h');
    // 1025.5 h / 24 = 42.73 days
    expect(doraTierExplanation('leadTimeForChanges', metrics).value).toBe('42.7 days');
    expect(doraTierExplanation('changeFailureRate', metrics).value).toBe('12.3%');
    expect(doraTierExplanation('deploymentFrequency', metrics)).toMatchObject({
      metric: 'Deployment frequency',
      value: '3 deploy days a week, 13 a month (medians)',
    });
  });
});
