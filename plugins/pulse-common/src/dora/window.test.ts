import { DORA_DAY_MS, DORA_MONTH_MS, DORA_WEEK_MS, doraMedianDeployDays, doraPeriodBounds, doraPeriodCount } from './window';

const to = Date.UTC(2026, 2, 1);
const days = (n: number) => n * DORA_DAY_MS;

describe('doraPeriodCount', () => {
  it('splits 90 days into 12 full weeks plus a 6-day one, and 3 months', () => {
    expect(doraPeriodCount(to - days(90), to, DORA_WEEK_MS)).toEqual({ count: 13, full: 12 });
    expect(doraPeriodCount(to - days(90), to, DORA_MONTH_MS)).toEqual({ count: 3, full: 3 });
  });

  it('has no period for an empty window', () => {
    expect(doraPeriodCount(to, to, DORA_WEEK_MS)).toEqual({ count: 0, full: 0 });
  });
});

describe('doraPeriodBounds', () => {
  it('counts back from the end and clips the oldest period at the start', () => {
    expect(doraPeriodBounds(to - days(10), to, DORA_WEEK_MS, 0)).toEqual({ start: to - days(7), end: to });
    expect(doraPeriodBounds(to - days(10), to, DORA_WEEK_MS, 1)).toEqual({ start: to - days(10), end: to - days(7) });
  });
});

describe('doraMedianDeployDays', () => {
  it('counts missing full periods as zero and ignores the partial oldest one', () => {
    // 3 full weeks + 1 partial: [5, 0, 2] -> median 2; the partial week's 7 is ignored.
    expect(doraMedianDeployDays([5, 0, 2, 7], { count: 4, full: 3 })).toBe(2);
    // 4 full weeks, only the newest with deploys: [3, 0, 0, 0] -> median 0.
    expect(doraMedianDeployDays([3], { count: 4, full: 4 })).toBe(0);
    // 2 full weeks: [4, 1] -> 2.5.
    expect(doraMedianDeployDays([4, 1], { count: 2, full: 2 })).toBe(2.5);
  });

  it('uses the partial period of a window shorter than one period', () => {
    expect(doraMedianDeployDays([3], { count: 1, full: 0 })).toBe(3);
    expect(doraMedianDeployDays([], { count: 0, full: 0 })).toBe(0);
  });
});
