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
    // One point per day, at its end (today's at now): 1 - 2/10, 1 - 7/10, 1 - 10/10.
    expect(history).toEqual([
      { date: '2026-11-01', at: '2026-11-02T00:00:00.000Z', remainingFraction: 0.8, idealRemainingFraction: 0.666666666667 },
      { date: '2026-11-02', at: '2026-11-03T00:00:00.000Z', remainingFraction: 0.3, idealRemainingFraction: 0.333333333333 },
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
    expect(history.map(p => p.remainingFraction)).toEqual([1, 1, 0.5]);
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
    expect(history.map(p => p.remainingFraction)).toEqual([1, 0.444444444444, 0.444444444444]);
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
    expect(history.map(p => p.remainingFraction)).toEqual([null, null, null]);
    expect(history.map(p => p.idealRemainingFraction)).toEqual([0.666666666667, 0.333333333333, 0.166666666667]);
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
    // Midnight to midnight in Berlin: one day; the next begins at now.
    expect(history.map(p => p.date)).toEqual(['2026-11-01']);
  });

  it('has one point per Berlin date across the end of summer time (25 October 2026 has 25 hours)', () => {
    // October 2026 in Berlin, read at 00:00 on the 27th: 26 dates, each once. 24-hour steps from 1 October 00:00
    // CEST would reach 25 October 23:00 CET and date two points 2026-10-25.
    const octStart = Date.parse('2026-09-30T22:00:00Z');
    const octEnd = Date.parse('2026-10-31T23:00:00Z');
    const history = sloBudgetHistory({
      budgetingMethod: 'Occurrences',
      target: 0.99,
      bounds: { startMs: octStart, endMs: octEnd, lengthMs: octEnd - octStart, timeZone: 'Europe/Berlin' },
      nowMs: Date.parse('2026-10-26T23:00:00Z'),
      windowCounts: { good: 1, total: 1 },
      daily: [],
    });
    const dates = history.map(p => p.date);
    expect(dates).toHaveLength(26);
    expect(new Set(dates).size).toBe(26);
    expect(history[23]).toMatchObject({ date: '2026-10-24', at: '2026-10-24T22:00:00.000Z' });
    expect(history[24]).toMatchObject({ date: '2026-10-25', at: '2026-10-25T23:00:00.000Z' });
    expect(history[25]).toMatchObject({ date: '2026-10-26', at: '2026-10-26T23:00:00.000Z' });
  });
});
