import { SloBurnRates } from './burnRate';
import { sloBurnRateGapWords, sloBurnRateGaps } from './burnRateGaps';
import { sloExhaustion, sloExhaustionSeconds } from './exhaustion';

const DAY = 86_400_000;
const rates = (r: Partial<SloBurnRates>): SloBurnRates => ({
  '5m': null,
  '30m': null,
  '1h': null,
  '6h': null,
  '1d': null,
  '3d': null,
  ...r,
});

describe('sloExhaustion', () => {
  const base = { remainingFraction: 0.5, windowLengthMs: 28 * DAY, sampleIntervalMs: 5 * 60_000 };

  it('projects at the 1h pace when the last hour holds samples', () => {
    // 0.5 x 2,419,200 s / 4 = 302,400 s.
    const exhaustion = sloExhaustion({ ...base, burnRates: rates({ '5m': 4, '30m': 4, '1h': 4 }), gaps: {} });
    expect(exhaustion).toEqual({ state: 'burning', seconds: 302_400, lookback: '1h' });
    expect(sloExhaustionSeconds(exhaustion)).toBe(302_400);
  });

  it('is unknown, never "not burning", without data in the window or in the last hour', () => {
    expect(sloExhaustion({ ...base, remainingFraction: null, burnRates: rates({}), gaps: {} })).toEqual({
      state: 'unknown',
      reason: 'no data in the window',
    });
    const gaps = { '5m': 'no samples', '30m': 'no samples', '1h': 'no samples' } as const;
    expect(sloExhaustion({ ...base, burnRates: rates({ '6h': 2.5 }), gaps })).toEqual({
      state: 'unknown',
      reason: 'no data in the last 1h',
    });
  });

  it('is unknown when samples are coarser than the last hour: the 1h pace cannot be known', () => {
    const gaps = { '5m': 'shorter than the sample interval', '30m': 'shorter than the sample interval', '1h': 'shorter than the sample interval' } as const;
    expect(sloExhaustion({ ...base, sampleIntervalMs: 2 * 3_600_000, burnRates: rates({ '6h': 1 }), gaps })).toEqual({
      state: 'unknown',
      reason: 'each sample covers 2 h: no complete one starts in the last 1h',
    });
  });

  it('is exhausted at 0 budget left whatever the data', () => {
    const exhaustion = sloExhaustion({ ...base, remainingFraction: 0, burnRates: rates({}), gaps: {} });
    expect(exhaustion).toEqual({ state: 'exhausted' });
    expect(sloExhaustionSeconds(exhaustion)).toBe(0);
  });
});

describe('sloBurnRateGapWords', () => {
  it('words each gap', () => {
    expect(sloBurnRateGapWords('1h', 'no samples')).toBe('no data in the last 1h');
    expect(sloBurnRateGapWords('5m', 'no events')).toBe('no events in the last 5m');
    expect(sloBurnRateGapWords('5m', 'shorter than the sample interval', 300_000)).toBe(
      'each sample covers 5 min: no complete one starts in the last 5m',
    );
  });
});

describe('sloBurnRateGaps', () => {
  const MIN = 60_000;
  const nowMs = Date.parse('2026-11-29T12:00:00Z');
  const burnRates = rates({ '6h': 1, '1d': 1, '3d': 1 });
  const samples = { '5m': 0, '30m': 0, '1h': 0, '6h': 10, '1d': 10, '3d': 10 };

  it('calls a lookback the newest sample still reaches into, but shorter than the interval, too short', () => {
    // 5-minute samples, the newest started 7 minutes ago and ended 2 minutes ago: inside the last 5 minutes.
    const gaps = sloBurnRateGaps({ burnRates, samples, span: { lastMs: nowMs - 7 * MIN, intervalMs: 5 * MIN }, nowMs });
    expect(gaps).toEqual({ '5m': 'shorter than the sample interval', '30m': 'no samples', '1h': 'no samples' });
  });

  it('calls it "no samples" once the newest sample ended before the lookback: the data stopped', () => {
    // Samples a day apart, the newest two days old: it ended a day ago, before every short lookback.
    const gaps = sloBurnRateGaps({ burnRates, samples, span: { lastMs: nowMs - 2 * DAY, intervalMs: DAY }, nowMs });
    expect(gaps).toEqual({ '5m': 'no samples', '30m': 'no samples', '1h': 'no samples' });
  });
});
