import { deliveryRetryDelayMs } from './deliveries';

describe('deliveryRetryDelayMs', () => {
  it('doubles the base with each failed attempt, up to an hour', () => {
    // 10 s, 20 s, 40 s, ... 10 s x 2^8 = 2560 s; 10 s x 2^9 = 5120 s is past the hour: 3600 s.
    expect([0, 1, 2, 8, 9, 50].map(n => deliveryRetryDelayMs(n, 10_000) / 1000)).toEqual([10, 20, 40, 2560, 3600, 3600]);
  });
});
