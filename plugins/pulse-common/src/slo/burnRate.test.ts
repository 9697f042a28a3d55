import { SloBurnRates, sloAlertEvaluation, sloAlertThreshold, sloBurnRate, SLO_MULTIWINDOW_ALERT_RULES } from './burnRate';

const DAY = 86_400_000;
const rates = (overrides: Partial<SloBurnRates>): SloBurnRates => ({
  '5m': 0,
  '30m': 0,
  '1h': 0,
  '6h': 0,
  '1d': 0,
  '3d': 0,
  ...overrides,
});

describe('sloBurnRate', () => {
  it('is the error ratio over the budget fraction', () => {
    expect(sloBurnRate({ good: 9990, total: 10000 }, 0.999)).toBe(1);
    expect(sloBurnRate({ good: 9856, total: 10000 }, 0.999)).toBe(14.4);
    expect(sloBurnRate({ good: 95, total: 100 }, 0.99)).toBe(5);
    expect(sloBurnRate({ good: 100, total: 100 }, 0.99)).toBe(0);
  });

  it('is null when the lookback has no data', () => {
    expect(sloBurnRate({ good: 0, total: 0 }, 0.99)).toBeNull();
  });
});

describe('sloAlertThreshold', () => {
  it('reproduces the Workbook table for a 30-day window: 14.4, 6 and 1', () => {
    expect(SLO_MULTIWINDOW_ALERT_RULES.map(rule => sloAlertThreshold(rule, 30 * DAY))).toEqual([14.4, 6, 1]);
  });

  it('scales to a 28-day window: 13.44, 5.6 and 0.933333333333', () => {
    expect(SLO_MULTIWINDOW_ALERT_RULES.map(rule => sloAlertThreshold(rule, 28 * DAY))).toEqual([
      13.44, 5.6, 0.933333333333,
    ]);
  });
});

describe('sloAlertEvaluation (30-day window)', () => {
  const evaluate = (overrides: Partial<SloBurnRates>) => sloAlertEvaluation(rates(overrides), 30 * DAY);

  it('pages when both 1h and 5m burn faster than 14.4', () => {
    const result = evaluate({ '1h': 15, '5m': 20 });
    expect(result.alert).toBe('page');
    expect(result.rules.map(r => r.firing)).toEqual([true, false, false]);
  });

  it('does not page on the long window alone (the short window says the burn has stopped)', () => {
    expect(evaluate({ '1h': 15, '5m': 2 }).alert).toBe('none');
  });

  it('pages on the 6h/30m pair above 6', () => {
    expect(evaluate({ '6h': 7, '30m': 6.5 }).alert).toBe('page');
  });

  it('opens a ticket on the 3d/6h pair above 1', () => {
    const result = evaluate({ '3d': 1.5, '6h': 1.2 });
    expect(result.alert).toBe('ticket');
    expect(result.rules[2]).toEqual({
      severity: 'ticket',
      budgetSpent: 0.1,
      longWindow: '3d',
      shortWindow: '6h',
      threshold: 1,
      firing: true,
    });
  });

  it('needs the rate to exceed the threshold, not equal it', () => {
    expect(evaluate({ '3d': 1, '6h': 2 }).alert).toBe('none');
  });

  it('prefers page over ticket when both fire', () => {
    expect(evaluate({ '1h': 20, '5m': 20, '3d': 2, '6h': 2 }).alert).toBe('page');
  });

  it('never fires on missing data', () => {
    expect(evaluate({ '1h': null, '5m': null, '3d': null, '6h': null }).alert).toBe('none');
  });
});
