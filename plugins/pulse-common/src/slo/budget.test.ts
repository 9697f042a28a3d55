import { achievedSli, errorBudgetFraction, sloErrorBudget, tidySloNumber } from './budget';

const DAY = 86_400_000;

describe('achievedSli', () => {
  it('is good / total', () => {
    expect(achievedSli({ good: 9987, total: 10000 })).toBe(0.9987);
    expect(achievedSli({ good: 0, total: 5 })).toBe(0);
  });

  it('is null without events', () => {
    expect(achievedSli({ good: 0, total: 0 })).toBeNull();
  });
});

describe('errorBudgetFraction and tidySloNumber', () => {
  it('reads 1 - 0.999 as 0.001 exactly', () => {
    expect(errorBudgetFraction(0.999)).toBe(0.001);
    expect(errorBudgetFraction(0.95)).toBe(0.05);
    expect(tidySloNumber(0.1 + 0.2)).toBe(0.3);
  });
});

describe('sloErrorBudget, Occurrences', () => {
  const occurrences = (good: number, total: number, target = 0.999) =>
    sloErrorBudget({ budgetingMethod: 'Occurrences', target, windowCounts: { good, total }, windowLengthMs: 28 * DAY });

  it('allows (1 - t) x total bad events: 99.9% of 10,000 = 10; 5 bad leave half', () => {
    expect(occurrences(9995, 10000)).toEqual({
      total: 10,
      consumed: 5,
      remaining: 5,
      remainingFraction: 0.5,
      unit: 'events',
    });
  });

  it('is exactly exhausted when bad equals the allowance', () => {
    expect(occurrences(9990, 10000)).toMatchObject({ consumed: 10, remaining: 0, remainingFraction: 0 });
  });

  it('goes negative once overspent: 99% of 1,000 allows 10, 20 bad = -100%', () => {
    expect(occurrences(980, 1000, 0.99)).toEqual({
      total: 10,
      consumed: 20,
      remaining: -10,
      remainingFraction: -1,
      unit: 'events',
    });
  });

  it('has no remaining fraction without events', () => {
    expect(occurrences(0, 0)).toEqual({ total: 0, consumed: 0, remaining: 0, remainingFraction: null, unit: 'events' });
  });
});

describe('sloErrorBudget, Timeslices', () => {
  it('allows 43.2 minutes over 30 days at 99.9%; 10 bad one-minute slices leave 33.2', () => {
    expect(
      sloErrorBudget({
        budgetingMethod: 'Timeslices',
        target: 0.999,
        windowCounts: { good: 43190, total: 43200 },
        windowLengthMs: 30 * DAY,
        timeSliceMs: 60_000,
      }),
    ).toEqual({ total: 43.2, consumed: 10, remaining: 33.2, remainingFraction: 0.768518518519, unit: 'minutes' });
  });

  it('charges a bad five-minute slice five minutes', () => {
    const budget = sloErrorBudget({
      budgetingMethod: 'Timeslices',
      target: 0.99,
      windowCounts: { good: 8062, total: 8064 },
      windowLengthMs: 28 * DAY,
      timeSliceMs: 300_000,
    });
    // 1% of 28 days = 403.2 minutes; 2 bad slices x 5 minutes = 10.
    expect(budget).toMatchObject({ total: 403.2, consumed: 10, remaining: 393.2 });
    expect(budget.remainingFraction).toBe(tidySloNumber(1 - 10 / 403.2));
  });
});
