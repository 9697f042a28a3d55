import { SloReport } from '../slo/report';
import { incidentReviewSummary, lowestRemainingBudget, reviewedIncidentOf } from './review';

const T0 = Date.UTC(2026, 10, 10, 12, 0);
const MIN = 60_000;

describe('reviewedIncidentOf', () => {
  it('gives the duration in minutes, ISO instants and the postmortem status', () => {
    expect(
      reviewedIncidentOf(
        {
          id: 'inc-1',
          entityRef: 'component:default/checkout',
          createdAt: T0,
          resolvedAt: T0 + 95 * MIN,
          deployment: { id: 'dep-1', finishedAt: T0 - 10 * MIN, linked: 'attributed' },
          postmortemRequired: true,
          budgetShare: 0.3,
          budgetSpent: [{ slo: 'availability', objective: '99%', share: 0.3 }],
        },
        T0 + 1000 * MIN,
      ),
    ).toEqual({
      id: 'inc-1',
      entityRef: 'component:default/checkout',
      createdAt: '2026-11-10T12:00:00.000Z',
      resolvedAt: '2026-11-10T13:35:00.000Z',
      durationMinutes: 95,
      deployment: { id: 'dep-1', linked: 'attributed', finishedAt: '2026-11-10T11:50:00.000Z' },
      postmortemRequired: true,
      postmortemStatus: 'outstanding',
      budgetShare: 0.3,
      budgetSpent: [{ slo: 'availability', objective: '99%', share: 0.3 }],
      learnings: null,
    });
  });

  it('carries the learnings with their author and an ISO instant', () => {
    const reviewed = reviewedIncidentOf(
      {
        id: 'inc-3',
        entityRef: 'component:default/x',
        createdAt: T0,
        resolvedAt: T0 + MIN,
        postmortemRequired: false,
        budgetShare: null,
        budgetSpent: [],
        learnings: { text: 'Alert earlier', updatedBy: 'user:default/bob', updatedAt: T0 + 60 * MIN },
      },
      T0 + 2 * MIN,
    );
    // T0 is 2026-11-10 12:00 UTC; an hour later is 13:00.
    expect(reviewed.learnings).toEqual({ text: 'Alert earlier', updatedBy: 'user:default/bob', updatedAt: '2026-11-10T13:00:00.000Z' });
  });

  it('counts an open incident up to now', () => {
    const open = reviewedIncidentOf(
      { id: 'inc-2', entityRef: 'component:default/x', createdAt: T0, postmortemRequired: false, budgetShare: null, budgetSpent: [] },
      T0 + 42 * MIN + 20_000,
    );
    expect(open.durationMinutes).toBe(42);
    expect(open.resolvedAt).toBeUndefined();
    expect(open.postmortemStatus).toBe('not-required');
  });
});

describe('incidentReviewSummary', () => {
  it('totals minutes and postmortems', () => {
    const base = { entityRef: 'component:default/x', createdAt: '', budgetShare: null, budgetSpent: [], learnings: null };
    expect(
      incidentReviewSummary([
        { ...base, id: 'a', durationMinutes: 30, postmortemRequired: true, postmortemStatus: 'done', postmortemUrl: 'https://pm/a' },
        { ...base, id: 'b', durationMinutes: 45, postmortemRequired: true, postmortemStatus: 'outstanding' },
        { ...base, id: 'c', durationMinutes: 5, postmortemRequired: false, postmortemStatus: 'done', postmortemUrl: 'https://pm/c' },
        { ...base, id: 'd', durationMinutes: 0, postmortemRequired: false, postmortemStatus: 'not-required' },
      ]),
    ).toEqual({
      incidents: 4,
      totalDurationMinutes: 80,
      postmortemsRequired: 2,
      postmortemsDone: 1,
      postmortemsOutstanding: 1,
    });
  });
});

describe('lowestRemainingBudget', () => {
  const slo = (remaining: Array<number | null>) =>
    ({ objectives: remaining.map(r => ({ errorBudget: { remainingFraction: r } })) }) as unknown as SloReport;

  it('is the lowest remaining fraction of any objective with data', () => {
    expect(lowestRemainingBudget([slo([0.8, null]), slo([0.35, -0.1])])).toBe(-0.1);
    expect(lowestRemainingBudget([slo([null])])).toBeNull();
    expect(lowestRemainingBudget([])).toBeNull();
  });
});
