import { GateDecisionListResponse, OutstandingPostmortemsResponse } from '@pulse/plugin-pulse-common';
import { DecisionsApi } from '../../api/DecisionsApi';

/** Two stored gate decisions of checkout: a block, then a release under the security exception. */
export const checkoutGateDecisions: GateDecisionListResponse = {
  entityRef: 'component:default/checkout',
  items: [
    {
      id: 2,
      entityRef: 'component:default/checkout',
      decidedAt: '2026-11-24T10:00:00.000Z',
      decision: 'allow',
      state: 'freeze',
      reasons: ["Error-budget freeze, released under the policy exception 'security'"],
      exception: { requested: 'security', used: true },
      releaseException: null,
      caller: 'user:default/ada',
    },
    {
      id: 1,
      entityRef: 'component:default/checkout',
      decidedAt: '2026-11-24T09:00:00.000Z',
      decision: 'block',
      state: 'freeze',
      reasons: ['Error-budget freeze: releases are blocked except for: security, incident-fix'],
      exception: null,
      releaseException: null,
      caller: 'service:external:ci',
    },
  ],
};

/** One incident of checkout that spent 30% of a budget without a postmortem. */
export const checkoutOutstanding: OutstandingPostmortemsResponse = {
  entityRef: 'component:default/checkout',
  items: [
    {
      id: 'inc-42',
      entityRef: 'component:default/checkout',
      description: 'Checkout 500s',
      createdAt: '2026-11-20T10:00:00.000Z',
      resolvedAt: '2026-11-20T12:00:00.000Z',
      durationMinutes: 120,
      budgetShare: 0.3,
      budgetSpent: [{ slo: 'availability', objective: '99%', share: 0.3 }],
      postmortemRequired: true,
      postmortemStatus: 'outstanding',
      learnings: null,
    },
  ],
  canEdit: true,
};

/** A decisions API answering with the fixtures above; override what a test needs. */
export function decisionsApiAnswering(overrides: Partial<DecisionsApi> = {}): DecisionsApi {
  return {
    getPolicy: jest.fn(),
    putPolicy: jest.fn(),
    deletePolicy: jest.fn(),
    getReleaseGate: jest.fn(),
    getReleaseExceptions: jest.fn(),
    grantReleaseException: jest.fn(),
    revokeReleaseException: jest.fn(),
    getGateDecisions: async () => checkoutGateDecisions,
    getOutstandingPostmortems: async () => checkoutOutstanding,
    getIncidentReview: jest.fn(),
    getIncidentReviewExport: jest.fn(),
    updateIncidentFollowUp: jest.fn(),
    getSpeedReliability: jest.fn(),
    ...overrides,
  };
}
