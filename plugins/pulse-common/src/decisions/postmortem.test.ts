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
        incidentCounts: { good: 700, total: 1_000 },
      }),
    ).toBe(0.3);
  });

  it('prices bad slices in minutes against the window length (Timeslices)', () => {
    // 99.9% over 30 days = 43.2 budget minutes; 9 bad one-minute slices spend 9 / 43.2 = 0.208333...
    expect(
      incidentBudgetShare({
        budgetingMethod: 'Timeslices',
        target: 0.999,
        windowCounts: { good: 40_000, total: 43_200 },
        windowLengthMs: 30 * 86_400_000,
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
