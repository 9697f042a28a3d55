import { evaluateSloObjective, sloObjectiveDisplayName, sloWindowReport } from './report';
import { sloWindowBounds } from './window';

const DAY = 86_400_000;
const nowMs = Date.parse('2026-11-29T12:00:00Z');
const bounds = sloWindowBounds({ duration: '28d', isRolling: true }, nowMs);

describe('evaluateSloObjective', () => {
  // The series: 10 bad of 10,000 ten days ago, 20 of 1,000 two days ago, 10 of 200 three hours ago and 5 of 100
  // two minutes ago, against 99% over 28 days.
  const sums = {
    window: { good: 11255, total: 11300 },
    lookbacks: {
      '5m': { good: 95, total: 100 },
      '30m': { good: 95, total: 100 },
      '1h': { good: 95, total: 100 },
      '6h': { good: 285, total: 300 },
      '1d': { good: 285, total: 300 },
      '3d': { good: 1265, total: 1300 },
    },
    daily: [
      { day: 18, good: 9990, total: 10000 },
      { day: 26, good: 980, total: 1000 },
      { day: 27, good: 285, total: 300 },
    ],
  };

  it('computes the hand-worked budget, burn rates, alert, exhaustion and status', () => {
    const report = evaluateSloObjective({
      budgetingMethod: 'Occurrences',
      objective: { displayName: 'Checkout succeeds', target: 0.99 },
      bounds,
      nowMs,
      sums,
    });
    expect(report).toMatchObject({
      displayName: 'Checkout succeeds',
      target: 0.99,
      sli: 0.996017699115,
      counts: { good: 11255, total: 11300, unit: 'events' },
      // 1% of 11,300 = 113 bad events allowed, 45 spent.
      errorBudget: { total: 113, consumed: 45, remaining: 68, remainingFraction: 0.601769911504, unit: 'events' },
      burnRates: { '5m': 5, '30m': 5, '1h': 5, '6h': 5, '1d': 5, '3d': 2.69230769231 },
      // 28-day thresholds 13.44 / 5.6 / 0.933: only the ticket pair (3d 2.69, 6h 5) exceeds its threshold.
      alert: 'ticket',
      // 0.601769911504 x 2,419,200 s / 5
      timeToExhaustion: 291160,
      status: 'WARNING',
    });
    expect(report.alertRules.map(r => [r.threshold, r.firing])).toEqual([
      [13.44, false],
      [5.6, false],
      [0.933333333333, true],
    ]);
    expect(report.history).toHaveLength(29);
    expect(report.history[18].remainingFraction).toBe(1);
    expect(report.history[19].remainingFraction).toBe(0.911504424779); // 1 - 10/113
    expect(report.history[28].remainingFraction).toBe(0.601769911504);
    expect(report.history[28].idealRemainingFraction).toBe(0);
  });

  it('reports Timeslices in slices and minutes', () => {
    const report = evaluateSloObjective({
      budgetingMethod: 'Timeslices',
      objective: { target: 0.99, timeSliceTarget: 0.95, timeSliceWindow: '5m' },
      bounds,
      nowMs,
      sums: { ...sums, window: { good: 8000, total: 8064 }, daily: [] },
    });
    // 1% of 28 days = 403.2 minutes; 64 bad slices x 5 minutes = 320.
    expect(report.errorBudget).toEqual({
      total: 403.2,
      consumed: 320,
      remaining: 83.2,
      remainingFraction: 0.206349206349,
      unit: 'minutes',
    });
    expect(report).toMatchObject({
      displayName: '99%',
      timeSliceTarget: 0.95,
      timeSliceWindow: '5m',
      counts: { good: 8000, total: 8064, unit: 'slices' },
      status: 'WARNING',
    });
  });
});

describe('sloWindowReport and sloObjectiveDisplayName', () => {
  it('reports the window as ISO instants', () => {
    expect(sloWindowReport({ duration: '28d', isRolling: true }, bounds)).toEqual({
      start: '2026-11-01T12:00:00.000Z',
      end: '2026-11-29T12:00:00.000Z',
      duration: '28d',
      isRolling: true,
      timeZone: 'UTC',
    });
  });

  it('names an objective by its target when it has no displayName', () => {
    expect(sloObjectiveDisplayName({ target: 0.999 })).toBe('99.9%');
    expect(sloObjectiveDisplayName({ target: 0.95, displayName: 'Fast search' })).toBe('Fast search');
  });

  it('has one day of history per day of a rolling window plus its start', () => {
    expect(bounds.lengthMs / DAY).toBe(28);
  });
});
