import { DoraCoverage, DoraEntityScorecard, DoraSummary, DoraWeek } from '@pulse/plugin-pulse-common';

/** Data from before the window: the whole 14 days are covered. */
export const fullCoverage: DoraCoverage = {
  from: '2026-01-01T00:00:00.000Z',
  to: '2026-01-15T00:00:00.000Z',
  firstEventAt: '2025-11-20T09:00:00.000Z',
  coveredDays: 14,
  windowDays: 14,
};

/** The hand-computed checkout scorecard of the backend's HTTP test, as the API returns it. */
export const checkoutMetrics: DoraSummary['metrics'] = {
  deploymentFrequency: {
    value: 5 / 14,
    unit: 'deployments/day',
    tier: 'high',
    sampleSize: 5,
    deployDaysPerWeekMedian: 2.5,
    deployDaysPerMonthMedian: 5,
  },
  leadTimeForChanges: { value: 15, unit: 'hours', tier: 'elite', sampleSize: 6, p90: 61, olderThanCap: 0 },
  changeFailureRate: { value: 50, unit: 'percent', tier: 'low', sampleSize: 6 },
  failedDeploymentRecoveryTime: { value: 0.75, unit: 'hours', tier: 'elite', sampleSize: 4 },
  reworkRate: { value: 100 / 6, unit: 'percent', tier: null, sampleSize: 6 },
};

/** Weeks of the trend: [start day, deployments, lead time h, change failure %, recovery h, rework %]. */
export const checkoutWeekly: DoraWeek[] = [
  [1, 3, 15, 50, 1.75, 25],
  [8, 2, 48.5, 50, 2.5, 0],
].map(([day, deployments, leadTimeHours, changeFailureRate, recoveryTimeHours, reworkRate]) => ({
  start: new Date(Date.UTC(2026, 0, day)).toISOString(),
  end: new Date(Date.UTC(2026, 0, day + 7)).toISOString(),
  deployments,
  deploymentsPerDay: deployments / 7,
  leadTimeHours,
  changeFailureRate,
  recoveryTimeHours,
  reworkRate,
}));

export const checkoutScorecard: DoraEntityScorecard = {
  entityRef: 'component:default/checkout',
  window: { from: '2026-01-01T00:00:00.000Z', to: '2026-01-15T00:00:00.000Z', days: 14 },
  coverage: fullCoverage,
  tier: 'high',
  insufficientData: false,
  deployments: 6,
  metrics: checkoutMetrics,
  weekly: checkoutWeekly,
};
