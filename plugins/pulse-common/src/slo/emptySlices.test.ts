import { sliceCountsWithEmptyGood, slicesStartingBetween } from './emptySlices';

const MIN = 60_000;

describe('slicesStartingBetween', () => {
  it('counts epoch-aligned slices starting in [from, to)', () => {
    // 5-minute slices from 12:00:30 to 12:30:30 start at 12:05, 12:10, ..., 12:30: six.
    const from = Date.parse('2026-11-29T12:00:30Z');
    expect(slicesStartingBetween(from, from + 30 * MIN, 5 * MIN)).toBe(6);
    // Aligned: [12:00, 12:30) holds 12:00 ... 12:25, six again; a slice starting at `to` is not in it.
    const aligned = Date.parse('2026-11-29T12:00:00Z');
    expect(slicesStartingBetween(aligned, aligned + 30 * MIN, 5 * MIN)).toBe(6);
    expect(slicesStartingBetween(aligned, aligned, 5 * MIN)).toBe(0);
  });
});

describe('sliceCountsWithEmptyGood', () => {
  it('adds the slices without events as good ones', () => {
    // An hour of 1-minute slices, 10 with events of which 3 bad: 60 slices, 57 good.
    const from = Date.parse('2026-11-29T11:00:00Z');
    expect(sliceCountsWithEmptyGood({ good: 7, total: 10 }, { fromMs: from, toMs: from + 60 * MIN, sliceMs: MIN })).toEqual({
      good: 57,
      total: 60,
    });
  });
});
