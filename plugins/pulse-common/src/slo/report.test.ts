import { evaluateSloObjective, sloObjectiveDisplayName, sloWindowReport } from './report';
import { sloWindowBounds } from './window';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 86_400_000;
const nowMs = Date.parse('2026-11-29T12:00:00Z');
const bounds = sloWindowBounds({ duration: '28d', isRolling: true }, nowMs);

/** Timeslices lookbacks with no slice with events: every slice of them is good. */
const noSlices = Object.fromEntries(
  ['5m', '30m', '1h', '6h', '1d', '3d'].map(l => [l, { good: 0, total: 0 }]),
) as Record<'5m' | '30m' | '1h' | '6h' | '1d' | '3d', { good: number; total: number }>;

/** No sample starts in any lookback. */
const noSamples = { '5m': 0, '30m': 0, '1h': 0, '6h': 0, '1d': 0, '3d': 0 };

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
    // The samples 2 minutes, 3 hours, 2 days and 10 days old start in these lookbacks.
    lookbackSamples: { '5m': 1, '30m': 1, '1h': 1, '6h': 2, '1d': 2, '3d': 3 },
    daily: [
      { day: 18, good: 9990, total: 10000 },
      { day: 26, good: 980, total: 1000 },
      { day: 27, good: 285, total: 300 },
    ],
    // The two newest samples are 3 hours - 2 minutes = 178 minutes apart.
    span: { samples: 4, firstMs: nowMs - 10 * DAY, lastMs: nowMs - 2 * MIN, intervalMs: 178 * MIN },
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
      exhaustion: { state: 'burning', seconds: 291160, lookback: '1h' },
      burnRateGaps: {},
      lastSampleAt: '2026-11-29T11:58:00.000Z',
      sampleIntervalSeconds: 10_680,
      staleAfterSeconds: 21_600,
      status: 'WARNING',
    });
    expect(report.alertRules.map(r => [r.threshold, r.firing])).toEqual([
      [13.44, false],
      [5.6, false],
      [0.933333333333, true],
    ]);
    // One point per UTC date from 1 November (the window starts at 12:00) to 29 November: 29 points. Day 18 is
    // 19 November, whose 10 bad events show at its end.
    expect(report.history).toHaveLength(29);
    expect(report.history[17]).toMatchObject({ date: '2026-11-18', remainingFraction: 1 });
    expect(report.history[18]).toMatchObject({ date: '2026-11-19', remainingFraction: 0.911504424779 }); // 1 - 10/113
    expect(report.history[28]).toMatchObject({ date: '2026-11-29', at: '2026-11-29T12:00:00.000Z' });
    expect(report.history[28].remainingFraction).toBe(0.601769911504);
    expect(report.history[28].idealRemainingFraction).toBe(0);
    expect(report.met).toBe(true);
    expect(report.data).toEqual({
      samples: 4,
      firstSampleAt: '2026-11-19T12:00:00.000Z',
      lastSampleAt: '2026-11-29T11:58:00.000Z',
      coveredSeconds: 864_000,
      newestSampleAgeSeconds: 120,
      issues: [],
    });
  });

  it('reports Timeslices in slices and minutes', () => {
    const report = evaluateSloObjective({
      budgetingMethod: 'Timeslices',
      objective: { target: 0.99, timeSliceTarget: 0.95, timeSliceWindow: '5m' },
      bounds,
      nowMs,
      sums: { ...sums, window: { good: 8000, total: 8064 }, lookbacks: noSlices, lookbackSamples: noSamples, daily: [] },
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

describe('evaluateSloObjective: a time slice without events counts as good', () => {
  // The issue's case: 99.9% over 30 days of 1-minute slices; data only in the last day's 1,440 slices, 20 of them bad,
  // 20 hours ago. Every one of the 43,200 slices of the window counts: SLI = 43,180 / 43,200 = 0.999537037037 (above
  // target), budget 0.1% x 43,200 min = 43.2 min, 20 spent, 23.2 left = 0.537037037037: OK, and the SLI and the
  // budget agree (the old rule gave SLI 1,420 / 1,440 = 98.61% next to 53.7% of budget left).
  const bounds30 = sloWindowBounds({ duration: '30d', isRolling: true }, nowMs);
  const withEvents = (good: number, total: number) => ({ good, total });
  const sums = {
    window: withEvents(1420, 1440),
    lookbacks: {
      '5m': withEvents(5, 5),
      '30m': withEvents(30, 30),
      '1h': withEvents(60, 60),
      '6h': withEvents(360, 360),
      '1d': withEvents(1420, 1440),
      '3d': withEvents(1420, 1440),
    },
    lookbackSamples: { '5m': 5, '30m': 30, '1h': 60, '6h': 360, '1d': 1440, '3d': 1440 },
    daily: [
      { day: 29, good: 700, total: 720 },
      { day: 30, good: 720, total: 720 },
    ],
    span: { samples: 1440, firstMs: nowMs - DAY, lastMs: nowMs - MIN, intervalMs: MIN },
  };
  const report = evaluateSloObjective({
    budgetingMethod: 'Timeslices',
    objective: { target: 0.999, timeSliceTarget: 0.99, timeSliceWindow: '1m' },
    bounds: bounds30,
    nowMs,
    sums,
  });

  it('applies the rule to the SLI and the budget alike', () => {
    expect(report).toMatchObject({
      sli: 0.999537037037,
      met: true,
      counts: { good: 43180, total: 43200, unit: 'slices' },
      errorBudget: { total: 43.2, consumed: 20, remaining: 23.2, remainingFraction: 0.537037037037 },
      status: 'OK',
    });
  });

  it('applies it to burn rates: every slice of a lookback counts', () => {
    // 1d: 20 bad of 1,440 slices -> 0.0138889 / 0.001 = 13.8888888889; 3d: 20 of 4,320 -> 4.62962962963 (not
    // 13.89, as counting only slices with events gave); 6h and shorter: no bad slice -> 0.
    expect(report.burnRates).toEqual({ '5m': 0, '30m': 0, '1h': 0, '6h': 0, '1d': 13.8888888889, '3d': 4.62962962963 });
    // 30-day ticket rule: 3d 4.63 > 1 but 6h 0 is not: no alert.
    expect(report.alert).toBe('none');
  });

  it('applies it to the burn-down: the last point equals the remaining fraction', () => {
    // 30 October 12:00 to 29 November 12:00: 31 UTC dates; 20 bad minutes on 28 November (day 29).
    expect(report.history).toHaveLength(31);
    expect(report.history[28].remainingFraction).toBe(1);
    expect(report.history[29]).toMatchObject({ date: '2026-11-28', remainingFraction: 0.537037037037 });
    expect(report.history[30].remainingFraction).toBe(0.537037037037);
  });

  it('still reports no data when the window holds no samples at all', () => {
    const empty = evaluateSloObjective({
      budgetingMethod: 'Timeslices',
      objective: { target: 0.999, timeSliceWindow: '1m' },
      bounds: bounds30,
      nowMs,
      sums: { ...sums, window: withEvents(0, 0), daily: [], span: { samples: 0, firstMs: null, lastMs: null, intervalMs: null } },
    });
    expect(empty).toMatchObject({ sli: null, met: null, status: 'INSUFFICIENT_DATA', data: { issues: ['no data'] } });
    expect(empty.errorBudget.remainingFraction).toBeNull();
  });
});

describe('evaluateSloObjective: meeting the target and how much data a status needs', () => {
  const lookbacks = Object.fromEntries(
    ['5m', '30m', '1h', '6h', '1d', '3d'].map(l => [l, { good: 0, total: 0 }]),
  ) as Parameters<typeof evaluateSloObjective>[0]['sums']['lookbacks'];
  const evaluate = (good: number, total: number, firstAgoMs: number, lastAgoMs: number) =>
    evaluateSloObjective({
      budgetingMethod: 'Occurrences',
      objective: { target: 0.999 },
      bounds,
      nowMs,
      sums: {
        window: { good, total },
        lookbacks,
        lookbackSamples: noSamples,
        daily: [],
        span: { samples: 10, firstMs: nowMs - firstAgoMs, lastMs: nowMs - lastAgoMs, intervalMs: null },
      },
    });

  it('is MET with 0 budget left when the SLI equals the target, and BREACHED one bad event later', () => {
    // 99.9% of 1,000 events allows 1 bad: 999 good spends it exactly (remaining 0, not a breach); 998 good: -100%.
    expect(evaluate(999, 1000, 5 * DAY, MIN)).toMatchObject({
      sli: 0.999,
      met: true,
      errorBudget: { total: 1, consumed: 1, remaining: 0, remainingFraction: 0 },
      status: 'WARNING',
    });
    expect(evaluate(998, 1000, 5 * DAY, MIN)).toMatchObject({ met: false, status: 'BREACHED' });
  });

  it('says INSUFFICIENT_DATA while the window holds less than 24 hours of data, whatever the budget', () => {
    // A new SLO whose first sample is 3 hours old, 5 bad of 1,000: remaining 1 - 5/1 = -4, yet not BREACHED.
    const young = evaluate(995, 1000, 3 * HOUR, MIN);
    expect(young).toMatchObject({
      status: 'INSUFFICIENT_DATA',
      met: false,
      errorBudget: { remainingFraction: -4 },
      data: { coveredSeconds: 10_800, issues: ['insufficient data'] },
    });
    // 24 hours exactly is enough.
    expect(evaluate(995, 1000, DAY, MIN).status).toBe('BREACHED');
  });

  it('flags stale data once the newest sample is more than 6 hours old', () => {
    expect(evaluate(1000, 1000, 5 * DAY, 6 * HOUR).data.issues).toEqual([]);
    expect(evaluate(1000, 1000, 5 * DAY, 6 * HOUR + 1).data).toMatchObject({
      newestSampleAgeSeconds: 21_600,
      issues: ['stale data'],
    });
  });
});

describe('evaluateSloObjective: missing data never reads as good news', () => {
  // 99% over 28 days, 5-minute samples. Window: 100 bad of 20,000 events: 1% of 20,000 = 200 allowed, 100 spent,
  // remaining 100/200 = 0.5.
  const counts = (good: number, total: number) => ({ good, total });
  const staleSums = {
    window: counts(19_900, 20_000),
    // Nothing in the last hour; 2.5% bad before: 0.025 / 0.01 = burn rate 2.5 over 6h, 1d and 3d.
    lookbacks: {
      '5m': counts(0, 0),
      '30m': counts(0, 0),
      '1h': counts(0, 0),
      '6h': counts(975, 1000),
      '1d': counts(3900, 4000),
      '3d': counts(11_700, 12_000),
    },
    // 6h: samples 70, 75, ... 355 minutes old = 58; the other numbers only need to be > 0.
    lookbackSamples: { '5m': 0, '30m': 0, '1h': 0, '6h': 58, '1d': 274, '3d': 850 },
    daily: [],
    span: { samples: 850, firstMs: nowMs - 20 * DAY, lastMs: nowMs - 70 * MIN, intervalMs: 5 * MIN },
  };
  const evaluate = (sums: Parameters<typeof evaluateSloObjective>[0]['sums']) =>
    evaluateSloObjective({ budgetingMethod: 'Occurrences', objective: { target: 0.99 }, bounds, nowMs, sums });

  it('says time to exhaustion is unknown, not "not burning", with no sample in the last hour', () => {
    const report = evaluate(staleSums);
    expect(report.burnRates).toEqual({ '5m': null, '30m': null, '1h': null, '6h': 2.5, '1d': 2.5, '3d': 2.5 });
    // The newest 5-minute sample ended 65 minutes ago: the data stopped, so even 5m has "no samples".
    expect(report.burnRateGaps).toEqual({ '5m': 'no samples', '30m': 'no samples', '1h': 'no samples' });
    expect(report.exhaustion).toEqual({ state: 'unknown', reason: 'no data in the last 1h' });
    expect(report.timeToExhaustion).toBeNull();
    // The 28-day ticket rule (3d and 6h over 0.933) still fires on the longer windows.
    expect(report.alert).toBe('ticket');
    // 12:00 - 70 minutes; 70 minutes = 4,200 s, under the 6-hour freshness limit: not stale yet.
    expect(report).toMatchObject({
      lastSampleAt: '2026-11-29T10:50:00.000Z',
      sampleIntervalSeconds: 300,
      staleAfterSeconds: 21_600,
      data: { newestSampleAgeSeconds: 4200, issues: [] },
    });
  });

  it('says "not burning" when every short lookback that can hold a sample has one and none burns', () => {
    const report = evaluate({
      ...staleSums,
      lookbacks: { ...staleSums.lookbacks, '30m': counts(500, 500), '1h': counts(1100, 1100) },
      lookbackSamples: { ...staleSums.lookbackSamples, '30m': 5, '1h': 11 },
      span: { ...staleSums.span, lastMs: nowMs - 5 * MIN },
    });
    expect(report.burnRates).toMatchObject({ '5m': null, '30m': 0, '1h': 0 });
    expect(report.burnRateGaps).toEqual({ '5m': 'shorter than the sample interval' });
    expect(report.exhaustion).toEqual({ state: 'not burning', lookback: '1h' });
  });

  it('is unknown when a shorter lookback lacks samples it could hold (1-minute samples, none in the last 5m)', () => {
    const report = evaluate({
      ...staleSums,
      lookbacks: { ...staleSums.lookbacks, '30m': counts(500, 500), '1h': counts(1100, 1100) },
      lookbackSamples: { ...staleSums.lookbackSamples, '30m': 24, '1h': 54 },
      span: { ...staleSums.span, lastMs: nowMs - 6 * MIN, intervalMs: MIN },
    });
    expect(report.burnRateGaps).toEqual({ '5m': 'no samples' });
    expect(report.exhaustion).toEqual({ state: 'unknown', reason: 'no data in the last 5m' });
  });

  it('tells samples without events (a quiet hour) from no samples: nothing burns', () => {
    const report = evaluate({
      ...staleSums,
      lookbackSamples: { ...staleSums.lookbackSamples, '5m': 1, '30m': 6, '1h': 12 },
      span: { ...staleSums.span, lastMs: nowMs - 4 * MIN },
    });
    expect(report.burnRateGaps).toEqual({ '5m': 'no events', '30m': 'no events', '1h': 'no events' });
    expect(report.exhaustion).toEqual({ state: 'not burning', lookback: '1h' });
  });

  it('gives a Timeslices lookback without samples no rate (its empty slices used to count as good: 0)', () => {
    const report = evaluateSloObjective({
      budgetingMethod: 'Timeslices',
      objective: { target: 0.99, timeSliceTarget: 0.95, timeSliceWindow: '1m' },
      bounds,
      nowMs,
      sums: {
        ...staleSums,
        window: counts(30_000, 30_240),
        lookbacks: { ...staleSums.lookbacks, '6h': counts(280, 290) },
        span: { ...staleSums.span, intervalMs: MIN },
      },
    });
    // 6h: 10 bad of its 360 one-minute slices (empty ones good): (10/360)/0.01 = 2.77777777778.
    expect(report.burnRates).toMatchObject({ '5m': null, '30m': null, '1h': null, '6h': 2.77777777778 });
    expect(report.exhaustion).toEqual({ state: 'unknown', reason: 'no data in the last 1h' });
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
