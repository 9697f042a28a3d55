import { oncallCalendarOf } from './calendar';
import { oncallHealthOf } from './health';
import { DEFAULT_ONCALL_THRESHOLDS, oncallReadingOf, oncallWorstReading } from './thresholds';

const utc = (iso: string) => Date.parse(iso);
const MINUTE = 60_000;

describe('oncallReadingOf', () => {
  it('reads strictly above each threshold: 2 pages per shift is still a warning, more is unhealthy', () => {
    const { pagesPerShift } = DEFAULT_ONCALL_THRESHOLDS;
    expect([0, 1, 1.01, 2, 2.01].map(value => oncallReadingOf(value, pagesPerShift))).toEqual([
      'healthy',
      'healthy',
      'warning',
      'warning',
      'unhealthy',
    ]);
    expect(oncallReadingOf(null, pagesPerShift)).toBeNull();
    expect(oncallWorstReading([null, 'healthy', 'warning', null])).toBe('warning');
    expect(oncallWorstReading([null])).toBeNull();
  });
});

describe('oncallHealthOf', () => {
  // Two whole UTC weeks: Monday 2026-11-30 (local day 20787, week key (20787 + 3) / 7 = 2970) and Monday 12-07 (2971).
  const window = { from: utc('2026-11-30T00:00:00Z'), to: utc('2026-12-14T00:00:00Z') };
  const health = oncallHealthOf({
    ref: 'group:default/payments',
    window,
    calendar: oncallCalendarOf(window, 'UTC'),
    stats: {
      pages: 30,
      offHoursPages: 12,
      nightPages: 4,
      noisePages: 3,
      acknowledged: 25,
      ackMedianMs: 4 * MINUTE,
      ackP90Ms: 20 * MINUTE,
      weekly: [
        { weekKey: 2970, pages: 10, offHoursPages: 2, nightPages: 1 },
        { weekKey: 2971, pages: 20, offHoursPages: 10, nightPages: 3 },
      ],
    },
    responderCounts: [10, 20, 0],
    thresholds: DEFAULT_ONCALL_THRESHOLDS,
  });

  it('rates pages per week and per shift, read on the worst week', () => {
    // 30 pages over 14 days = 2 weeks: 15 per week. Per shift: 10 / 14 = 0.714 and 20 / 14 = 1.429; worst 1.43
    // (above 1: warning), median (0.714 + 1.429) / 2 = 1.071.
    expect(health.window).toEqual({ from: '2026-11-30T00:00:00.000Z', to: '2026-12-14T00:00:00.000Z', days: 14 });
    expect(health.metrics.pagesPerWeek).toEqual({ value: 15, unit: 'pages/week', reading: null, sampleSize: 30 });
    expect(health.metrics.pagesPerShift).toEqual({ value: 1.43, median: 1.07, unit: 'pages/shift', reading: 'warning', sampleSize: 30 });
    expect(health.weekly.map(week => [week.start, week.pages, week.shifts, week.pagesPerShift])).toEqual([
      ['2026-11-30T00:00:00.000Z', 10, 14, 0.71],
      ['2026-12-07T00:00:00.000Z', 20, 14, 1.43],
    ]);
  });

  it('rates off-hours and night pages per week with their share of all pages', () => {
    // 12 / 2 weeks = 6 (above 5: unhealthy), 40 % of 30; 4 / 2 = 2 (above 1: warning), 13.33 %.
    expect(health.metrics.offHoursPagesPerWeek).toEqual({ value: 6, share: 40, unit: 'pages/week', reading: 'unhealthy', sampleSize: 30 });
    expect(health.metrics.nightPagesPerWeek).toEqual({ value: 2, share: 13.33, unit: 'pages/week', reading: 'warning', sampleSize: 30 });
  });

  it('rates acknowledgement time, noise and fairness', () => {
    expect(health.metrics.timeToAcknowledge).toEqual({ value: 4, p90: 20, unit: 'minutes', reading: 'healthy', sampleSize: 25 });
    // 3 of 30 = 10 %
    expect(health.metrics.noise).toEqual({ value: 10, unit: 'percent', reading: 'healthy', sampleSize: 30 });
    // sorted [0, 10, 20]: 2 * (0 + 20 + 60) / (3 * 30) - 4 / 3 = 0.444 (above 0.3: warning); busiest 20 / 30.
    expect(health.metrics.fairness).toEqual({ value: 0.444, busiestShare: 66.67, unit: 'gini', reading: 'warning', sampleSize: 3 });
    expect(health.reading).toBe('unhealthy');
  });

  it('reads a window without pages as healthy, with nothing to say about acknowledgement, noise or fairness', () => {
    const quiet = oncallHealthOf({
      ref: 'group:default/search',
      window,
      calendar: oncallCalendarOf(window, 'UTC'),
      stats: { pages: 0, offHoursPages: 0, nightPages: 0, noisePages: 0, acknowledged: 0, ackMedianMs: null, ackP90Ms: null, weekly: [] },
      responderCounts: [0, 0],
      thresholds: DEFAULT_ONCALL_THRESHOLDS,
    });
    expect(quiet.reading).toBe('healthy');
    expect([quiet.metrics.timeToAcknowledge.value, quiet.metrics.noise.value, quiet.metrics.fairness.value]).toEqual([null, null, null]);
  });
});
