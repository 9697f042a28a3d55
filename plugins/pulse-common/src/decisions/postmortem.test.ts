import { incidentBudgetShare, isPostmortemRequired, postmortemStatusOf } from './postmortem';

describe('incidentBudgetShare', () => {
  it('divides the bad events during the incident by the window budget (Occurrences)', () => {
    // 99% over 100,000 events allows 1,000 bad ones; 300 bad during the incident spend 30%.
    expect(
      incidentBudgetShare({
        budgetingMethod: 'Occurrences',
        target: 0.99,
        windowCounts: { good: 99_500, total: 100_000 },
        windowLengthMs: 28 * 86_400_000,
        coveredMs: 28 * 86_400_000,
        incidentCounts: { good: 700, total: 1_000 },
      }),
    ).toBe(0.3);
  });

  // The case: 1,000 requests a minute, 99.9%, a 30-day calendar month (November 2026); a 30-minute incident at
  // 10% errors spends 3,000 bad events. The whole month's budget is 0.1% x 1,000 x 43,200 minutes = 43,200 events, so
  // the share is 3,000 / 43,200 = 0.0694444444444 whether the incident is at 00:00 on the 1st or on the 15th.
  const monthMs = 30 * 86_400_000;
  const incidentCounts = { good: 27_000, total: 30_000 };
  it('measures an incident at 00:00 on the 1st against the whole month, not the 30 minutes seen so far', () => {
    // Seen so far: the 30 minutes of the incident, 30,000 events -> scaled to 43,200,000 events.
    const share = incidentBudgetShare({
      budgetingMethod: 'Occurrences',
      target: 0.999,
      windowCounts: incidentCounts,
      windowLengthMs: monthMs,
      coveredMs: 30 * 60_000,
      incidentCounts,
    });
    expect(share).toBe(0.0694444444444);
    expect(isPostmortemRequired([share])).toBe(false); // was 3,000 / 30 = 10,000%
  });

  it('gives the same share on the 15th, when 14 days and 30 minutes were seen', () => {
    // 14 x 1,440,000 + 30,000 = 20,190,000 events over 20,190 minutes -> 43,200,000 over the month.
    expect(
      incidentBudgetShare({
        budgetingMethod: 'Occurrences',
        target: 0.999,
        windowCounts: { good: 20_190_000 - 3_000, total: 20_190_000 },
        windowLengthMs: monthMs,
        coveredMs: 20_190 * 60_000,
        incidentCounts,
      }),
    ).toBe(0.0694444444444);
  });

  it('prices bad slices in minutes against the window length (Timeslices)', () => {
    // 99.9% over 30 days = 43.2 budget minutes; 9 bad one-minute slices spend 9 / 43.2 = 0.208333...
    expect(
      incidentBudgetShare({
        budgetingMethod: 'Timeslices',
        target: 0.999,
        windowCounts: { good: 40_000, total: 43_200 },
        windowLengthMs: 30 * 86_400_000,
        coveredMs: 86_400_000,
        incidentCounts: { good: 51, total: 60 },
        timeSliceMs: 60_000,
      }),
    ).toBeCloseTo(0.208333333333, 12);
  });

  it('is null when the window has no events to budget', () => {
    expect(
      incidentBudgetShare({
        budgetingMethod: 'Occurrences',
        target: 0.99,
        windowCounts: { good: 0, total: 0 },
        windowLengthMs: 86_400_000,
        coveredMs: 0,
        incidentCounts: { good: 0, total: 0 },
      }),
    ).toBeNull();
  });
});

describe('isPostmortemRequired', () => {
  it('needs more than 20% of any budget', () => {
    expect(isPostmortemRequired([0.05, 0.21])).toBe(true);
    expect(isPostmortemRequired([0.2, null])).toBe(false);
    expect(isPostmortemRequired([])).toBe(false);
    expect(isPostmortemRequired([0.15], 0.1)).toBe(true);
  });
});

describe('postmortemStatusOf', () => {
  it('is done with a link, outstanding when required without one, else not required', () => {
    expect(postmortemStatusOf(true, 'https://wiki/pm/1')).toBe('done');
    expect(postmortemStatusOf(false, 'https://wiki/pm/1')).toBe('done');
    expect(postmortemStatusOf(true, null)).toBe('outstanding');
    expect(postmortemStatusOf(false, undefined)).toBe('not-required');
  });
});
