import { eventsInInterval, intervalStarts, sliCountsOf } from './intervalCounts';

const MIN = 60_000;
const series = (pairs: Array<[number, number]>) => new Map(pairs.map(([minute, value]) => [minute * MIN, value]));

describe('intervalStarts', () => {
  it('covers [from, to) with whole intervals of the epoch-aligned grid, from the one holding from', () => {
    // from 10:02:30 -> the interval starting 10:00; to 10:16 -> the last whole interval is 10:10-10:15.
    expect(intervalStarts(2.5 * MIN, 16 * MIN, 5 * MIN)).toEqual([0, 5 * MIN, 10 * MIN]);
  });

  it('has no interval before one has ended', () => {
    expect(intervalStarts(5 * MIN, 9 * MIN, 5 * MIN)).toEqual([]);
    expect(intervalStarts(5 * MIN, 10 * MIN, 5 * MIN)).toEqual([5 * MIN]);
  });
});

describe('eventsInInterval', () => {
  const counter = series([[0, 100], [1, 160], [2, 20], [4, 50]]);

  it('takes the increase of a counter between the interval ends', () => {
    expect(eventsInInterval(counter, 0, MIN, true)).toBe(60);
  });

  it('takes the end value after a counter reset', () => {
    expect(eventsInInterval(counter, MIN, MIN, true)).toBe(20);
  });

  it('needs both ends of a counter', () => {
    expect(eventsInInterval(counter, 2 * MIN, MIN, true)).toBeUndefined();
    expect(eventsInInterval(counter, 3 * MIN, MIN, true)).toBeUndefined();
  });

  it('reads a per-step query at the interval end', () => {
    expect(eventsInInterval(counter, 0, MIN, false)).toBe(160);
    expect(eventsInInterval(counter, 2 * MIN, MIN, false)).toBeUndefined();
  });
});

describe('sliCountsOf', () => {
  it('turns good and total counters into samples, skipping intervals without a total', () => {
    const total = series([[0, 1000], [1, 1100], [2, 1250], [4, 1300]]);
    const good = series([[0, 990], [1, 1089], [2, 1230], [3, 1240], [4, 1290]]);
    expect(
      sliCountsOf({ starts: [0, MIN, 2 * MIN, 3 * MIN], stepMs: MIN, counter: true, total, numerator: good, numeratorIs: 'good' }),
    ).toEqual([
      { ts: 0, good: 99, total: 100 },
      { ts: MIN, good: 141, total: 150 },
    ]);
  });

  it('counts an absent bad series as no bad events, and a bad series that appears from zero', () => {
    const total = series([[0, 500], [1, 600], [2, 700]]);
    const bad = series([[2, 7]]);
    expect(
      sliCountsOf({ starts: [0, MIN], stepMs: MIN, counter: true, total, numerator: bad, numeratorIs: 'bad' }),
    ).toEqual([
      { ts: 0, good: 100, total: 100 },
      { ts: MIN, good: 93, total: 100 },
    ]);
  });

  it('rounds per-step values to whole events and keeps good within [0, total]', () => {
    // increase() extrapolates: 99.6 total and 100.4 good round to 100 and 100; a good above total is capped.
    const total = series([[1, 99.6], [2, 10.2], [3, 0.4]]);
    const good = series([[1, 100.4], [2, 12], [3, 0]]);
    expect(
      sliCountsOf({ starts: [0, MIN, 2 * MIN], stepMs: MIN, counter: false, total, numerator: good, numeratorIs: 'good' }),
    ).toEqual([
      { ts: 0, good: 100, total: 100 },
      { ts: MIN, good: 10, total: 10 },
      { ts: 2 * MIN, good: 0, total: 0 },
    ]);
  });
});
