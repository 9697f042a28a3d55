import { sloBudgetHistory } from './history';

const DAY = 86_400_000;
const start = Date.parse('2026-11-01T00:00:00Z');
// A three-day calendar-like window, evaluated half way through its third day.
const bounds = { startMs: start, endMs: start + 3 * DAY, lengthMs: 3 * DAY, timeZone: 'UTC' };
const nowMs = start + 2.5 * DAY;

describe('sloBudgetHistory', () => {
  it('burns the whole window budget down day by day next to the ideal line', () => {
    // 90% target, 100 events in the window -> 10 bad events of budget; 2, 5 and 3 bad on days 0, 1 and 2.
    const history = sloBudgetHistory({
      budgetingMethod: 'Occurrences',
      target: 0.9,
      bounds,
      nowMs,
      windowCounts: { good: 90, total: 100 },
      daily: [
        { day: 0, good: 28, total: 30 },
        { day: 1, good: 35, total: 40 },
        { day: 2, good: 27, total: 30 },
      ],
    });
    expect(history).toEqual([
      { date: '2026-11-01', at: '2026-11-01T00:00:00.000Z', remainingFraction: 1, idealRemainingFraction: 1 },
      { date: '2026-11-02', at: '2026-11-02T00:00:00.000Z', remainingFraction: 0.8, idealRemainingFraction: 0.666666666667 },
      { date: '2026-11-03', at: '2026-11-03T00:00:00.000Z', remainingFraction: 0.3, idealRemainingFraction: 0.333333333333 },
      { date: '2026-11-03', at: '2026-11-03T12:00:00.000Z', remainingFraction: 0, idealRemainingFraction: 0.166666666667 },
    ]);
  });

  it('carries the level over days without samples', () => {
    const history = sloBudgetHistory({
      budgetingMethod: 'Occurrences',
      target: 0.9,
      bounds,
      nowMs,
      windowCounts: { good: 95, total: 100 },
      daily: [{ day: 2, good: 25, total: 30 }],
    });
    expect(history.map(p => p.remainingFraction)).toEqual([1, 1, 1, 0.5]);
  });

  it('charges Timeslices in minutes against (1 - t) x window: 10% of 3 days = 432 minutes', () => {
    const history = sloBudgetHistory({
      budgetingMethod: 'Timeslices',
      target: 0.9,
      bounds,
      nowMs,
      windowCounts: { good: 600, total: 720 },
      daily: [{ day: 1, good: 240, total: 288 }],
      timeSliceMs: 300_000,
    });
    // 48 bad five-minute slices = 240 minutes of 432.
    expect(history.map(p => p.remainingFraction)).toEqual([1, 1, 0.444444444444, 0.444444444444]);
  });

  it('has a null level but the ideal line when the window holds no data', () => {
    const history = sloBudgetHistory({
      budgetingMethod: 'Occurrences',
      target: 0.99,
      bounds,
      nowMs,
      windowCounts: { good: 0, total: 0 },
      daily: [],
    });
    expect(history.map(p => p.remainingFraction)).toEqual([null, null, null, null]);
    expect(history.map(p => p.idealRemainingFraction)).toEqual([1, 0.666666666667, 0.333333333333, 0.166666666667]);
  });

  it('dates points in the window time zone', () => {
    const berlin = { ...bounds, timeZone: 'Europe/Berlin' };
    const history = sloBudgetHistory({
      budgetingMethod: 'Occurrences',
      target: 0.99,
      bounds: { ...berlin, startMs: start - 3_600_000 },
      nowMs: start - 3_600_000 + DAY,
      windowCounts: { good: 1, total: 1 },
      daily: [],
    });
    expect(history.map(p => p.date)).toEqual(['2026-11-01', '2026-11-02']);
  });
});
