import { oncallBusiestShare, oncallGini } from './fairness';

describe('oncallGini', () => {
  it('is 0 when everyone carried the same number of pages', () => {
    expect(oncallGini([3, 3, 3, 3])).toBe(0);
  });

  it('is (n - 1) / n when one person carried all of them', () => {
    // sorted [0, 0, 0, 4]: 2 * (4 * 4) / (4 * 4) - 5 / 4 = 2 - 1.25 = 0.75
    expect(oncallGini([4, 0, 0, 0])).toBe(0.75);
  });

  it('weights the sorted counts by rank', () => {
    // [1, 2, 3]: sum(i * x_i) = 1 + 4 + 9 = 14, total 6: 2 * 14 / (3 * 6) - 4 / 3 = 28/18 - 24/18 = 2/9
    expect(oncallGini([3, 1, 2])).toBeCloseTo(2 / 9, 12);
  });

  it('has nothing to say about fewer than two responders or no pages', () => {
    expect(oncallGini([5])).toBeNull();
    expect(oncallGini([0, 0])).toBeNull();
  });
});

describe('oncallBusiestShare', () => {
  it('is the busiest responder’s percent of all pages', () => {
    // 6 of 1 + 3 + 6 = 10 pages
    expect(oncallBusiestShare([1, 3, 6])).toBe(60);
    expect(oncallBusiestShare([])).toBeNull();
  });
});
