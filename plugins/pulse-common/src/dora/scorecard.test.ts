import { doraCalendarOf } from './calendar';
import { compareDoraSummaries, doraScorecardOf, doraSummaryOf } from './scorecard';
import { DoraBucketStats, emptyDoraBucketStats } from './stats';
import { DEFAULT_DORA_TIER_THRESHOLDS } from './tiers';
import { DORA_DAY_MS } from './window';

const HOUR = 3_600_000;
const to = Date.UTC(2026, 2, 1);
// Sunday 15 February to Sunday 1 March 2026: the ISO weeks 9-15 Feb (one day inside), 16-22 Feb and 23 Feb-1 Mar.
const window = { from: to - 14 * DORA_DAY_MS, to };
const [partialWeek, week8, week9] = doraCalendarOf(window, 'UTC').weeks;
/** Data from before the window: the whole window is covered. */
const since = window.from - 30 * DORA_DAY_MS;

const bucket = (overrides: Partial<DoraBucketStats>): DoraBucketStats => ({
  ...emptyDoraBucketStats(),
  ...overrides,
});

const total = bucket({
  deployments: 10,
  successes: 8,
  failures: 2,
  incidentLinked: 1,
  rework: 1,
  leadTime: { sampleSize: 4, median: 12 * HOUR, p90: 30 * HOUR },
  leadTimeOlderThanCap: 3,
  recovery: { sampleSize: 2, median: 2 * HOUR, p90: 3 * HOUR },
});

describe('doraScorecardOf', () => {
  const newestWeek = bucket({
    deployments: 6,
    successes: 5,
    failures: 1,
    rework: 1,
    leadTime: { sampleSize: 2, median: 6 * HOUR, p90: 8 * HOUR },
    recovery: { sampleSize: 1, median: HOUR, p90: HOUR },
  });
  const weeks = [
    { period: partialWeek, stats: emptyDoraBucketStats() },
    { period: week8, stats: emptyDoraBucketStats() },
    { period: week9, stats: newestWeek },
  ];
  const card = doraScorecardOf({ total, weeks, deployDaysPerWeek: [5, 3], deployDaysPerMonth: [8], firstEventMs: since }, window);

  it('computes every metric with its unit, tier and sample size', () => {
    expect(card.metrics.deploymentFrequency).toEqual({
      value: 8 / 14,
      unit: 'deployments/day',
      tier: 'high', // median of [5, 3] deploy days per week = 4: at least 1, below 5
      sampleSize: 8,
      deployDaysPerWeekMedian: 4,
      deployDaysPerMonthMedian: 8,
    });
    expect(card.metrics.leadTimeForChanges).toEqual({
      value: 12,
      unit: 'hours',
      tier: 'elite',
      sampleSize: 4,
      p90: 30,
      olderThanCap: 3,
    });
    // Successful deployments as the denominator (the default): 1 with an incident / 8 successful = 12.5%
    expect(card.metrics.changeFailureRate).toEqual({ value: 12.5, unit: 'percent', tier: 'medium', sampleSize: 8 });
    expect(card.metrics.failedDeploymentRecoveryTime).toEqual({ value: 2, unit: 'hours', tier: 'high', sampleSize: 2 });
    expect(card.metrics.reworkRate).toEqual({ value: 10, unit: 'percent', tier: null, sampleSize: 10 });
  });

  it('counts failed attempts in both parts of the rate with the `all` denominator', () => {
    const all = doraScorecardOf({ total, weeks, deployDaysPerWeek: [5, 3], deployDaysPerMonth: [8], firstEventMs: since }, window, undefined, 'all');
    // (2 failed + 1 with an incident) / 10 attempts = 30%
    expect(all.metrics.changeFailureRate).toEqual({ value: 30, unit: 'percent', tier: 'low', sampleSize: 10 });
    // newest week: (1 failed + 0) / 6 attempts
    expect(all.weekly[2].changeFailureRate).toBe(100 / 6);
  });

  it('gives the median tier overall: [high, elite, medium, high] -> high', () => {
    expect(card.tier).toBe('high');
    expect(card.insufficientData).toBe(false);
    expect(card.deployments).toBe(10);
  });

  it('describes the window', () => {
    expect(card.window).toEqual({ from: '2026-02-15T00:00:00.000Z', to: '2026-03-01T00:00:00.000Z', days: 14 });
  });

  it('lists the calendar weeks oldest first, clipped, empty weeks as zero and null', () => {
    expect(card.weekly).toEqual([
      {
        start: '2026-02-15T00:00:00.000Z',
        end: '2026-02-16T00:00:00.000Z',
        deployments: 0,
        deploymentsPerDay: 0,
        leadTimeHours: null,
        changeFailureRate: null,
        recoveryTimeHours: null,
        reworkRate: null,
      },
      {
        start: '2026-02-16T00:00:00.000Z',
        end: '2026-02-23T00:00:00.000Z',
        deployments: 0,
        deploymentsPerDay: 0,
        leadTimeHours: null,
        changeFailureRate: null,
        recoveryTimeHours: null,
        reworkRate: null,
      },
      {
        start: '2026-02-23T00:00:00.000Z',
        end: '2026-03-01T00:00:00.000Z',
        deployments: 5,
        deploymentsPerDay: 5 / 6, // Monday 23 Feb to Sunday 1 Mar 00:00: 6 days inside the window
        leadTimeHours: 6,
        changeFailureRate: 0, // no successful deployment of the week caused an incident
        recoveryTimeHours: 1,
        reworkRate: 100 / 6,
      },
    ]);
  });

  it('applies configured thresholds', () => {
    const strict = {
      ...DEFAULT_DORA_TIER_THRESHOLDS,
      leadTimeHours: { elite: 1, high: 2, medium: 10 },
    };
    const strictCard = doraScorecardOf(
      { total, weeks: [], deployDaysPerWeek: [5, 3], deployDaysPerMonth: [8], firstEventMs: since },
      window,
      strict,
    );
    expect(strictCard.metrics.leadTimeForChanges.tier).toBe('low');
  });
});

describe('doraSummaryOf', () => {
  it('gives no tier with fewer than 2 deployments, but still the values', () => {
    const summary = doraSummaryOf(
      {
        total: bucket({
          deployments: 1,
          successes: 1,
          leadTime: { sampleSize: 1, median: 2 * HOUR, p90: 2 * HOUR },
        }),
        deployDaysPerWeek: [1],
        deployDaysPerMonth: [1],
        firstEventMs: since,
      },
      window,
    );
    expect(summary.tier).toBeNull();
    expect(summary.insufficientData).toBe(true);
    expect(summary.metrics.leadTimeForChanges.value).toBe(2);
    expect(Object.values(summary.metrics).map(m => m.tier)).toEqual([null, null, null, null, null]);
  });

  it('has no value or tier for a metric without samples', () => {
    const summary = doraSummaryOf(
      { total: bucket({ deployments: 3, successes: 3 }), deployDaysPerWeek: [3, 0], deployDaysPerMonth: [3], firstEventMs: since },
      window,
    );
    expect(summary.metrics.leadTimeForChanges).toMatchObject({ value: null, tier: null, sampleSize: 0 });
    expect(summary.metrics.failedDeploymentRecoveryTime).toMatchObject({ value: null, tier: null, sampleSize: 0 });
    expect(summary.metrics.changeFailureRate).toMatchObject({ value: 0, tier: 'elite' });
    // deploy days per week median of [3, 0] = 1.5 -> high; CFR elite -> overall [high, elite] -> high
    expect(summary.tier).toBe('high');
  });

  it('has no deployment frequency for an empty window', () => {
    const summary = doraSummaryOf(
      { total: emptyDoraBucketStats(), deployDaysPerWeek: [], deployDaysPerMonth: [], firstEventMs: null },
      { from: to, to },
    );
    expect(summary.metrics.deploymentFrequency.value).toBe(0);
    expect(summary.metrics.changeFailureRate.value).toBeNull();
  });
});

describe('doraSummaryOf: a window longer than the history', () => {
  // 180 days ending 1 March 2026, data since 2 December 2025 10:00: the covered part starts at the window day holding
  // it. The window starts 2 September 2025 00:00; 2 December is 91 days later, so 180 - 91 = 89 days are covered.
  const long = { from: to - 180 * DORA_DAY_MS, to };
  const firstEventMs = Date.UTC(2025, 11, 2, 10);

  it('takes deployments per day over the covered days and says so', () => {
    const summary = doraSummaryOf(
      { total: bucket({ deployments: 178, successes: 178 }), deployDaysPerWeek: [5], deployDaysPerMonth: [20], firstEventMs },
      long,
    );
    expect(summary.coverage).toEqual({
      from: '2025-12-02T00:00:00.000Z',
      to: '2026-03-01T00:00:00.000Z',
      firstEventAt: '2025-12-02T10:00:00.000Z',
      coveredDays: 89,
      windowDays: 180,
    });
    // 178 successful deployments / 89 covered days = 2 a day (over the whole 180 days it would read 0.99).
    expect(summary.metrics.deploymentFrequency.value).toBe(2);
  });

  it('covers the whole window when the data starts before it, and nothing without any event', () => {
    const full = doraSummaryOf(
      { total: bucket({ deployments: 180, successes: 180 }), deployDaysPerWeek: [5], deployDaysPerMonth: [20], firstEventMs: long.from - 1 },
      long,
    );
    expect(full.coverage).toMatchObject({ from: '2025-09-02T00:00:00.000Z', coveredDays: 180, windowDays: 180 });
    expect(full.metrics.deploymentFrequency.value).toBe(1);
    const none = doraSummaryOf({ total: emptyDoraBucketStats(), deployDaysPerWeek: [], deployDaysPerMonth: [], firstEventMs: null }, long);
    expect(none.coverage).toMatchObject({ firstEventAt: null, coveredDays: 0, windowDays: 180 });
    expect(none.metrics.deploymentFrequency.value).toBe(0);
  });
});

describe('compareDoraSummaries', () => {
  const summaryOf = (successes: number, deployDays: number[]) =>
    doraSummaryOf({ total: bucket({ deployments: successes, successes }), deployDaysPerWeek: deployDays, deployDaysPerMonth: [successes], firstEventMs: since }, window);

  it('sorts by tier, then by deployment frequency, no tier last', () => {
    const elite = summaryOf(12, [6, 6]);
    const busyHigh = summaryOf(8, [4, 4]);
    const quietHigh = summaryOf(2, [1, 1]);
    const none = summaryOf(1, [1]);
    expect([none, quietHigh, elite, busyHigh].sort(compareDoraSummaries)).toEqual([elite, busyHigh, quietHigh, none]);
  });
});
