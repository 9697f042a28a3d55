import { sloStatus, sloTimeToExhaustionSeconds } from './status';

const DAY = 86_400_000;

describe('sloStatus', () => {
  it.each([
    [null, 'none', 'INSUFFICIENT_DATA'],
    // Exactly meeting the target leaves 0: met, with nothing left to spend (WARNING), not a breach.
    [0, 'none', 'WARNING'],
    [-0.001, 'none', 'BREACHED'],
    [-0.5, 'page', 'BREACHED'],
    [0.2, 'none', 'WARNING'],
    [0.8, 'ticket', 'WARNING'],
    [0.8, 'page', 'WARNING'],
    [0.25, 'none', 'OK'],
    [1, 'none', 'OK'],
  ] as const)('remaining %p with alert %p is %p', (remainingFraction, alert, expected) => {
    expect(sloStatus({ remainingFraction, alert })).toBe(expected);
  });

  it('is INSUFFICIENT_DATA below the minimum data, even when overspent', () => {
    expect(sloStatus({ remainingFraction: -4, alert: 'page', enoughData: false })).toBe('INSUFFICIENT_DATA');
  });
});

describe('sloTimeToExhaustionSeconds', () => {
  it('is remaining x window / burn rate: half of a 28-day budget at 2x lasts 7 days', () => {
    expect(sloTimeToExhaustionSeconds({ remainingFraction: 0.5, windowLengthMs: 28 * DAY, burnRate: 2 })).toBe(
      7 * 86_400,
    );
  });

  it('rounds to whole seconds', () => {
    expect(
      sloTimeToExhaustionSeconds({ remainingFraction: 0.601769911504, windowLengthMs: 28 * DAY, burnRate: 5 }),
    ).toBe(291160);
  });

  it('is 0 once exhausted and null when nothing burns or nothing is known', () => {
    expect(sloTimeToExhaustionSeconds({ remainingFraction: -0.1, windowLengthMs: DAY, burnRate: 3 })).toBe(0);
    expect(sloTimeToExhaustionSeconds({ remainingFraction: 0.4, windowLengthMs: DAY, burnRate: 0 })).toBeNull();
    expect(sloTimeToExhaustionSeconds({ remainingFraction: 0.4, windowLengthMs: DAY, burnRate: null })).toBeNull();
    expect(sloTimeToExhaustionSeconds({ remainingFraction: null, windowLengthMs: DAY, burnRate: 3 })).toBeNull();
  });
});
