import {
  outcomeExpectedPercent,
  outcomeLineOf,
  outcomeProgressPercent,
  outcomeStatusOf,
  outcomeSummaryOf,
} from './progress';

const at = (date: string) => Date.parse(`${date}T00:00:00Z`);

// Conversion: 2.0% on 2027-01-01, 3.0% due 2027-01-11 (10 days): the line gains 0.1 point a day.
const conversion = outcomeLineOf({ direction: 'up', baseline: 2, target: 3, start: '2027-01-01', due: '2027-01-11' });
// p95 latency seen by users: 800 ms on 2027-01-01, 400 ms due 2027-01-05 (4 days): the line drops 100 ms a day.
const latency = outcomeLineOf({ direction: 'down', baseline: 800, target: 400, start: '2027-01-01', due: '2027-01-05' });

describe('outcomeProgressPercent', () => {
  it('measures progress upwards: 2.4% is (2.4 - 2) / (3 - 2) = 40% of the way', () => {
    expect(outcomeProgressPercent(conversion, 2.4)).toBeCloseTo(40, 9);
  });

  it('measures progress downwards: 700 ms is (800 - 700) / (800 - 400) = 25% of the way', () => {
    expect(outcomeProgressPercent(latency, 700)).toBeCloseTo(25, 9);
  });

  it('stops at 100% past the target and at 0% worse than the baseline', () => {
    // 3.5% is 150% of the way up, 350 ms is (800 - 350) / 400 = 112.5% of the way down: both read 100%.
    expect(outcomeProgressPercent(conversion, 3.5)).toBe(100);
    expect(outcomeProgressPercent(latency, 350)).toBe(100);
    // 1.8% is below the baseline (-20%), 900 ms above it (-25%): both read 0%.
    expect(outcomeProgressPercent(conversion, 1.8)).toBe(0);
    expect(outcomeProgressPercent(latency, 900)).toBe(0);
  });

  it('has no progress without a value', () => {
    expect(outcomeProgressPercent(conversion, undefined)).toBeNull();
  });
});

describe('outcomeExpectedPercent', () => {
  it('follows the straight line from the start to the due date and stays at 0 before and 100 after', () => {
    // Day 3 of 10: 30%. Day 1 of 4: 25%.
    expect(outcomeExpectedPercent(conversion, at('2027-01-04'))).toBeCloseTo(30, 9);
    expect(outcomeExpectedPercent(latency, at('2027-01-02'))).toBeCloseTo(25, 9);
    expect(outcomeExpectedPercent(conversion, at('2026-12-25'))).toBe(0);
    expect(outcomeExpectedPercent(conversion, at('2027-02-01'))).toBe(100);
  });
});

describe('outcomeStatusOf', () => {
  it('is on track when the value is at least where the line is on its day (upwards)', () => {
    // Day 4 (2027-01-05): the line is at 2 + 4 * 0.1 = 2.4%. 2.4% is on it, 2.3% behind, 2.6% ahead.
    expect(outcomeStatusOf(conversion, { value: 2.4, atMs: at('2027-01-05') })).toBe('on-track');
    expect(outcomeStatusOf(conversion, { value: 2.3, atMs: at('2027-01-05') })).toBe('behind');
    expect(outcomeStatusOf(conversion, { value: 2.6, atMs: at('2027-01-05') })).toBe('on-track');
  });

  it('is on track when the value is at least where the line is on its day (downwards)', () => {
    // Day 2 (2027-01-03): the line is at 800 - 2 * 100 = 600 ms. 590 ms is better (on track), 650 ms worse (behind).
    expect(outcomeStatusOf(latency, { value: 590, atMs: at('2027-01-03') })).toBe('on-track');
    expect(outcomeStatusOf(latency, { value: 650, atMs: at('2027-01-03') })).toBe('behind');
  });

  it('after the due date, only a value that reached the target is on track', () => {
    // The line stays at the target (3.0%): 2.9% a week late is behind, 3.2% (past the target) on track.
    expect(outcomeStatusOf(conversion, { value: 2.9, atMs: at('2027-01-18') })).toBe('behind');
    expect(outcomeStatusOf(conversion, { value: 3.2, atMs: at('2027-01-18') })).toBe('on-track');
    // 380 ms after the due date: past the 400 ms target, on track.
    expect(outcomeStatusOf(latency, { value: 380, atMs: at('2027-01-09') })).toBe('on-track');
  });

  it('has no status without data', () => {
    expect(outcomeStatusOf(conversion, undefined)).toBe('no-data');
  });
});

describe('outcomeSummaryOf', () => {
  it('says how many outcomes are on track', () => {
    expect(outcomeSummaryOf(['on-track', 'on-track', 'behind', 'on-track']).sentence).toBe('3 of 4 outcomes on track');
    expect(outcomeSummaryOf(['on-track'])).toEqual({
      total: 1,
      onTrack: 1,
      behind: 0,
      noData: 0,
      sentence: '1 of 1 outcome on track',
    });
    expect(outcomeSummaryOf(['behind', 'no-data']).sentence).toBe('0 of 2 outcomes on track (1 without data)');
    expect(outcomeSummaryOf([]).sentence).toBe('No outcomes defined');
  });
});
