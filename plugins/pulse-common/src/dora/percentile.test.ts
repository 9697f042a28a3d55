import { doraInterpolatedPercentile, doraPercentileOf, doraPercentileRanks } from './percentile';

describe('doraPercentileRanks', () => {
  it.each([
    [1, 0.5, [1, 1]],
    [2, 0.5, [1, 2]],
    [4, 0.5, [2, 3]],
    [5, 0.5, [3, 3]],
    [10, 0.9, [9, 10]],
    [11, 0.9, [10, 10]],
    [1, 0.9, [1, 1]],
  ])('n=%p p=%p -> ranks %p', (n, p, ranks) => {
    expect(doraPercentileRanks(n, p)).toEqual(ranks);
  });

  it('rejects an empty set', () => {
    expect(() => doraPercentileRanks(0, 0.5)).toThrow(RangeError);
  });
});

describe('doraInterpolatedPercentile', () => {
  const sorted = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
  const at = (values: number[]) => (rank: number) => values[rank - 1];

  it('averages the two middle values for an even count', () => {
    expect(doraInterpolatedPercentile(4, 0.5, at([1, 2, 3, 4]))).toBe(2.5);
  });

  it('takes the middle value for an odd count', () => {
    expect(doraInterpolatedPercentile(3, 0.5, at([1, 5, 9]))).toBe(5);
  });

  it('interpolates the 90th percentile: h = 8.1 between 90 and 100', () => {
    expect(doraInterpolatedPercentile(10, 0.9, at(sorted))).toBeCloseTo(91, 10);
  });

  it('names a missing rank', () => {
    expect(() => doraInterpolatedPercentile(4, 0.5, rank => (rank === 2 ? 1 : undefined))).toThrow(
      'missing the value at rank 3 of 4',
    );
  });
});

describe('doraPercentileOf', () => {
  it('sorts before picking', () => {
    expect(doraPercentileOf([3, 1, 2], 0.5)).toBe(2);
    expect(doraPercentileOf([4, 1, 3, 2], 0.5)).toBe(2.5);
  });

  it('is null for no values', () => {
    expect(doraPercentileOf([], 0.5)).toBeNull();
  });
});
