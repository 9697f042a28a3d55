import { IncidentReview } from './types';

/**
 * November 2026 for payments: inc-42 (required, outstanding, a hostile learning) and inc-43 (required, linked, no
 * learnings). Used by the Markdown and CSV export tests.
 */
export const novemberReview: IncidentReview = {
  month: '2026-11',
  from: '2026-11-01T00:00:00.000Z',
  to: '2026-12-01T00:00:00.000Z',
  groupRef: 'group:default/payments',
  postmortemThreshold: 0.2,
  summary: { incidents: 2, totalDurationMinutes: 135, postmortemsRequired: 2, postmortemsDone: 1, postmortemsOutstanding: 1 },
  incidents: [
    {
      id: 'inc-42',
      entityRef: 'component:default/checkout',
      description: 'Checkout 500s',
      createdAt: '2026-11-20T10:00:00.000Z',
      resolvedAt: '2026-11-20T12:00:00.000Z',
      durationMinutes: 120,
      budgetShare: 0.304,
      budgetSpent: [{ slo: 'availability', objective: '99%', share: 0.304 }],
      deployment: { id: 'dep-7', linked: 'attributed' },
      postmortemRequired: true,
      postmortemStatus: 'outstanding',
      learnings: {
        text: 'Retry storms, see [here](javascript:alert(1)) <img src=x onerror=alert(1)>\n=SUM(A1)\n\nSecond paragraph',
        updatedBy: 'user:default/bob',
        updatedAt: '2026-11-22T09:30:00.000Z',
      },
    },
    {
      id: 'inc-43',
      entityRef: 'component:default/payments-api',
      createdAt: '2026-11-21T10:00:00.000Z',
      resolvedAt: '2026-11-21T10:15:00.000Z',
      durationMinutes: 15,
      budgetShare: 0.45,
      budgetSpent: [{ slo: 'latency', objective: '95% under 300ms', share: 0.45 }],
      deployment: { id: 'dep-9', linked: 'explicit' },
      postmortemRequired: true,
      postmortemStatus: 'done',
      postmortemUrl: 'https://wiki.example.com/pm/inc 43(draft)',
      learnings: null,
    },
  ],
};
