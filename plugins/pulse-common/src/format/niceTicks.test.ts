import { niceAxisTicks } from './niceTicks';

describe('niceAxisTicks', () => {
  it.each([
    // range 180 over 4 gaps is 45 a gap; the first nice step from 45 is 50; floor(-80/50) = -2, ceil(100/50) = 2.
    [-80, 100, 5, [-100, -50, 0, 50, 100]],
    // 100 over 4 gaps is 25 exactly, a nice step (2.5 x 10).
    [0, 100, 5, [0, 25, 50, 75, 100]],
    // 350 over 4 gaps is 87.5 -> 100; -300..100 is 5 ticks.
    [-250, 100, 5, [-300, -200, -100, 0, 100]],
    // 0.7 over 4 gaps is 0.175 -> 0.2; floor(0.1/0.2) = 0, ceil(0.8/0.2) = 4: 0, 0.2, 0.4, 0.6, 0.8 (no 0.6000000001).
    [0.1, 0.8, 5, [0, 0.2, 0.4, 0.6, 0.8]],
    // 45 over 4 gaps is 11.25 -> 20 (2 x 10, the first nice step above it); floor(-3/20) = -1, ceil(42/20) = 3:
    // -20..60 is 5 ticks, so it fits.
    [-3, 42, 5, [-20, 0, 20, 40, 60]],
    // 3 ticks at most: 200 over 2 gaps is 100 -> 100: -100, 0, 100.
    [-100, 100, 3, [-100, 0, 100]],
  ])('%d..%d in at most %d ticks gives %j', (min, max, maxTicks, expected) => {
    expect(niceAxisTicks(min, max, maxTicks)).toEqual(expected);
  });

  it('takes a larger step when the rounded ends need one tick too many', () => {
    // 95 over 4 gaps is 23.75 -> 25, but floor(-5/25) = -1 and ceil(90/25) = 4 make 6 ticks; 50 gives -50..100: 4 ticks.
    expect(niceAxisTicks(-5, 90, 5)).toEqual([-50, 0, 50, 100]);
  });

  it('gives one tick for a single value and none for a missing one', () => {
    expect(niceAxisTicks(100, 100)).toEqual([100]);
    expect(niceAxisTicks(Number.NaN, 100)).toEqual([]);
  });
});
