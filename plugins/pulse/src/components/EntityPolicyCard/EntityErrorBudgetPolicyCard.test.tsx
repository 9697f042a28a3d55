import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { EntityPolicyResponse, PolicyReleaseGateResponse, ReleaseExceptionListResponse } from '@pulse/plugin-pulse-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { DecisionsApi, pulseDecisionsApiRef } from '../../api/DecisionsApi';
import { decisionsApiAnswering } from '../EntityDecisions/decisionsFixtures';
import { EntityErrorBudgetPolicyCard } from './EntityErrorBudgetPolicyCard';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout', namespace: 'default' },
  spec: { type: 'service', owner: 'group:default/payments' },
};

const FROZEN_REASON = 'Frozen by user:default/ada until 2026-12-10T00:00:00Z: Audit week';

/** Checkout frozen by ada until 10 December, as the API answers a caller who may edit. */
const policy: EntityPolicyResponse = {
  entityRef: 'component:default/checkout',
  policy: {
    caution: { remainingBelow: 0.25, onTicketAlert: true },
    freeze: { remainingAtOrBelow: 0, onPageAlert: true, blocksReleases: true },
    exceptions: ['security', 'incident-fix'],
  },
  sources: ['portal', 'entity'],
  override: {
    state: 'freeze',
    reason: 'Audit week',
    expiresAt: '2026-12-10T00:00:00.000Z',
    updatedBy: 'user:default/ada',
    updatedAt: '2026-12-05T09:00:00.000Z',
    active: true,
  },
  updatedBy: 'user:default/ada',
  updatedAt: '2026-12-05T09:00:00.000Z',
  canEdit: true,
};

const gate = {
  decision: 'block',
  state: 'freeze',
  reasons: [FROZEN_REASON, 'Error-budget freeze: releases are blocked except for: security, incident-fix'],
  slos: [],
  exception: null,
  releaseException: null,
} as unknown as PolicyReleaseGateResponse;

/** One exception used by CI, one expired (not shown), one active. */
const exceptions: ReleaseExceptionListResponse = {
  entityRef: 'component:default/checkout',
  items: [
    {
      id: 3,
      entityRef: 'component:default/checkout',
      reason: 'Hotfix INC-9',
      expiresAt: '2026-12-08T00:00:00.000Z',
      grantedBy: 'user:default/bob',
      grantedAt: '2026-12-05T10:00:00.000Z',
      usedAt: null,
      usedBy: null,
      status: 'active',
    },
    {
      id: 2,
      entityRef: 'component:default/checkout',
      reason: 'Lapsed grant',
      expiresAt: '2026-12-04T00:00:00.000Z',
      grantedBy: 'user:default/bob',
      grantedAt: '2026-12-03T10:00:00.000Z',
      usedAt: null,
      usedBy: null,
      status: 'expired',
    },
    {
      id: 1,
      entityRef: 'component:default/checkout',
      reason: 'Security patch',
      expiresAt: '2026-12-06T00:00:00.000Z',
      grantedBy: 'user:default/pia',
      grantedAt: '2026-12-01T10:00:00.000Z',
      usedAt: '2026-12-02T10:00:00.000Z',
      usedBy: 'service:external:ci',
      status: 'used',
    },
  ],
};

function apiAnswering(overrides: Partial<DecisionsApi> = {}): DecisionsApi {
  return decisionsApiAnswering({
    getPolicy: jest.fn(async () => policy),
    getReleaseGate: jest.fn(async () => gate),
    getReleaseExceptions: jest.fn(async () => exceptions),
    ...overrides,
  });
}

const renderCard = (api: DecisionsApi) =>
  renderInTestApp(
    <TestApiProvider apis={[[pulseDecisionsApiRef, api]]}>
      <EntityProvider entity={entity}>
        <EntityErrorBudgetPolicyCard />
      </EntityProvider>
    </TestApiProvider>,
  );

describe('EntityErrorBudgetPolicyCard', () => {
  it('shows an editor the state and why, the override, the exceptions, the log and both forms', async () => {
    await renderCard(apiAnswering());
    expect(await screen.findByTestId('policy-state')).toHaveTextContent('freeze');
    expect(screen.getByText(FROZEN_REASON)).toBeInTheDocument();
    expect(screen.getByTestId('policy-override')).toHaveTextContent(/Override \(freeze\) set by user:default\/ada until .*: Audit week/);
    const listed = screen.getByTestId('policy-exceptions');
    // Active and used ones are listed; the expired one is not.
    expect(listed).toHaveTextContent(/Active until .*: Hotfix INC-9 \(granted by user:default\/bob\)/);
    expect(listed).toHaveTextContent(/Used by service:external:ci at .*: Security patch \(granted by user:default\/pia\)/);
    expect(listed).not.toHaveTextContent('Lapsed grant');
    expect(within(listed).getAllByRole('button', { name: 'Revoke' })).toHaveLength(1);
    expect(screen.getByTestId('policy-override-form')).toBeInTheDocument();
    expect(screen.getByTestId('policy-exception-form')).toBeInTheDocument();
    expect(await screen.findByTestId('gate-decision-log')).toHaveTextContent("exception 'security' used");
  });

  it('sends the override with its instant, and shows the API error inline', async () => {
    const putPolicy = jest
      .fn()
      .mockRejectedValueOnce(new Error('Invalid policy: expiresAt: must be in the future'))
      .mockResolvedValueOnce(policy);
    const api = apiAnswering({ putPolicy });
    await renderCard(api);
    const form = within(await screen.findByTestId('policy-override-form'));
    fireEvent.change(form.getByLabelText('State'), { target: { value: 'caution' } });
    fireEvent.change(form.getByLabelText('Reason'), { target: { value: 'Load test week' } });
    fireEvent.change(form.getByLabelText('Expires at'), { target: { value: '2026-12-10T09:30' } });
    fireEvent.click(form.getByRole('button', { name: 'Save' }));

    expect(await form.findByRole('alert')).toHaveTextContent('expiresAt: must be in the future');
    // 2026-12-10T09:30 in the browser's zone, as an instant (UTC when the test runs in UTC: 2026-12-10T09:30:00.000Z).
    expect(putPolicy).toHaveBeenCalledWith(entity, {
      state: 'caution',
      reason: 'Load test week',
      expiresAt: new Date(2026, 11, 10, 9, 30).toISOString(),
    });

    fireEvent.click(form.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(putPolicy).toHaveBeenCalledTimes(2));
    // Saved: the card reads the policy again (once on mount, once after the save).
    await waitFor(() => expect(api.getPolicy).toHaveBeenCalledTimes(2));
    expect(form.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('grants an exception, removes the override and revokes an active exception', async () => {
    const grantReleaseException = jest.fn(async () => exceptions.items[0]);
    const deletePolicy = jest.fn(async () => undefined);
    const revokeReleaseException = jest.fn(async () => undefined);
    await renderCard(apiAnswering({ grantReleaseException, deletePolicy, revokeReleaseException }));
    const form = within(await screen.findByTestId('policy-exception-form'));
    fireEvent.change(form.getByLabelText('Reason'), { target: { value: 'Hotfix INC-10' } });
    fireEvent.change(form.getByLabelText('Expires at'), { target: { value: '2026-12-07T18:00' } });
    fireEvent.click(form.getByRole('button', { name: 'Grant' }));
    await waitFor(() =>
      expect(grantReleaseException).toHaveBeenCalledWith(entity, {
        reason: 'Hotfix INC-10',
        expiresAt: new Date(2026, 11, 7, 18, 0).toISOString(),
      }),
    );

    fireEvent.click(screen.getByRole('button', { name: 'Remove override' }));
    await waitFor(() => expect(deletePolicy).toHaveBeenCalledWith(entity));
    fireEvent.click(screen.getByRole('button', { name: 'Revoke' }));
    // Exception 3 is the only active one.
    await waitFor(() => expect(revokeReleaseException).toHaveBeenCalledWith(entity, 3));
  });

  it('shows everyone else the state only: no forms, no buttons', async () => {
    await renderCard(apiAnswering({ getPolicy: async () => ({ ...policy, canEdit: false }) }));
    expect(await screen.findByTestId('policy-state')).toHaveTextContent('freeze');
    expect(screen.queryByTestId('policy-override-form')).not.toBeInTheDocument();
    expect(screen.queryByTestId('policy-exception-form')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Revoke' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Remove override' })).not.toBeInTheDocument();
    expect(await screen.findByTestId('gate-decision-log')).toBeInTheDocument();
  });
});
