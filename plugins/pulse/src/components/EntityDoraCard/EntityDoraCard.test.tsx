import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { act, fireEvent, screen } from '@testing-library/react';
import { DoraApi, pulseDoraApiRef } from '../../api/DoraApi';
import { rootRouteRef } from '../../routes';
import { checkoutScorecard } from './doraFixtures';
import { EntityDoraCard } from './EntityDoraCard';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout', namespace: 'default' },
  spec: { owner: 'group:default/payments' },
  relations: [{ type: 'ownedBy', targetRef: 'group:default/payments' }],
};

const renderCard = (api: Partial<DoraApi>) =>
  renderInTestApp(
    <TestApiProvider apis={[[pulseDoraApiRef, api]]}>
      <EntityProvider entity={entity}>
        <EntityDoraCard />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/pulse': rootRouteRef } },
  );

describe('EntityDoraCard', () => {
  it('shows the five metrics with their tiers and links to the owning team', async () => {
    const getEntityScorecard = jest.fn().mockResolvedValue(checkoutScorecard);
    await renderCard({ getEntityScorecard });

    expect(getEntityScorecard).toHaveBeenCalledWith(entity, { days: 90 });
    expect(screen.getByText('0.36 / day')).toBeInTheDocument();
    expect(screen.getByText('2.5 deploy days / week (median)')).toBeInTheDocument();
    expect(screen.getByText('15.0 h')).toBeInTheDocument();
    expect(screen.getByText('median of 6 changes, p90 2.5 days')).toBeInTheDocument();
    expect(screen.getByText('50.0%')).toBeInTheDocument();
    expect(screen.getByText('45 min')).toBeInTheDocument();
    expect(screen.getByText('16.7%')).toBeInTheDocument();
    // overall high + deployment frequency high; lead time and recovery elite; change failure rate low
    expect(screen.getAllByText('High')).toHaveLength(2);
    expect(screen.getAllByText('Elite')).toHaveLength(2);
    expect(screen.getByText('Low')).toBeInTheDocument();
    expect(screen.getByText('6 production deployments in the last 90 days')).toBeInTheDocument();
    // The owning team's link leads to its Group page, where Pulse's team cards are, with the card's window.
    expect(screen.getByText('DORA of team payments').closest('a')).toHaveAttribute(
      'href',
      '/catalog/default/group/payments?days=90',
    );
  });

  it('says when the data starts inside the window, and nothing when the window is covered', async () => {
    // A 180-day window ending 1 March 2026 (from 2 September 2025); the first deployment on 2 December 2025 at 10:00
    // starts the covered part at 2 December 00:00: 89 of 180 days.
    const since = {
      ...checkoutScorecard,
      coverage: {
        from: '2025-12-02T00:00:00.000Z',
        to: '2026-03-01T00:00:00.000Z',
        firstEventAt: '2025-12-02T10:00:00.000Z',
        coveredDays: 89,
        windowDays: 180,
      },
    };
    await renderCard({ getEntityScorecard: jest.fn().mockResolvedValue(since) });
    expect(screen.getByTestId('dora-coverage')).toHaveTextContent('Data since 2025-12-02 (89 of 180 days)');
  });

  it('shows no coverage sentence when the data covers the window', async () => {
    await renderCard({ getEntityScorecard: jest.fn().mockResolvedValue(checkoutScorecard) });
    expect(await screen.findByText('0.36 / day')).toBeInTheDocument();
    expect(screen.queryByTestId('dora-coverage')).toBeNull();
  });

  it('says how many changes older than the lead-time cap were left out', async () => {
    const capped = {
      ...checkoutScorecard,
      metrics: {
        ...checkoutScorecard.metrics,
        leadTimeForChanges: { ...checkoutScorecard.metrics.leadTimeForChanges, olderThanCap: 3 },
      },
    };
    await renderCard({ getEntityScorecard: jest.fn().mockResolvedValue(capped) });
    expect(
      await screen.findByText('median of 6 changes, p90 2.5 days; 3 older than the cap left out'),
    ).toBeInTheDocument();
  });

  it('says insufficient data instead of a tier', async () => {
    const sparse = {
      ...checkoutScorecard,
      deployments: 1,
      tier: null,
      insufficientData: true,
      metrics: Object.fromEntries(
        Object.entries(checkoutScorecard.metrics).map(([key, metric]) => [key, { ...metric, tier: null }]),
      ) as typeof checkoutScorecard.metrics,
    };
    await renderCard({ getEntityScorecard: jest.fn().mockResolvedValue(sparse) });
    expect(screen.getByText('Fewer than 2 production deployments: no tier yet')).toBeInTheDocument();
    expect(screen.getAllByText('insufficient data')).toHaveLength(5);
  });

  it('explains how to send data when there is none', async () => {
    await renderCard({ getEntityScorecard: jest.fn().mockResolvedValue({ ...checkoutScorecard, deployments: 0 }) });
    expect(screen.getByText('No production deployments in this window')).toBeInTheDocument();
  });

  it('shows the error', async () => {
    await renderCard({ getEntityScorecard: jest.fn().mockRejectedValue(new Error('backend down')) });
    expect(screen.getAllByText(/backend down/).length).toBeGreaterThan(0);
  });

  it("explains a metric's tier: its value against every tier's threshold", async () => {
    await renderCard({ getEntityScorecard: jest.fn().mockResolvedValue(checkoutScorecard) });
    // Recovery time 0.75 h = 45 min is under the elite bound of 1 h.
    // Reached with the keyboard: the badge takes focus and the explanation opens.
    const badge = screen.getAllByText('Elite')[1].closest('.MuiChip-root') as HTMLElement;
    fireEvent.keyDown(document.body, { key: 'Tab' });
    act(() => badge.focus());
    const tooltip = await screen.findByRole('tooltip');
    expect(tooltip).toHaveTextContent('Failed deployment recovery time: 45 min');
    expect(tooltip).toHaveTextContent('Elite: under 1.0 h (this one)');
    expect(tooltip).toHaveTextContent('Medium: under 7.0 days');
  });

  it('counts in words with the right number: one recovery, one deployment', async () => {
    const one = { value: 2, unit: 'hours' as const, tier: 'high' as const, sampleSize: 1 };
    const single = {
      ...checkoutScorecard,
      metrics: {
        ...checkoutScorecard.metrics,
        failedDeploymentRecoveryTime: one,
        changeFailureRate: { ...checkoutScorecard.metrics.changeFailureRate, sampleSize: 1 },
      },
    };
    await renderCard({ getEntityScorecard: jest.fn().mockResolvedValue(single) });
    expect(screen.getByText('median of 1 recovery')).toBeInTheDocument();
    expect(screen.getByText('of 1 deployment')).toBeInTheDocument();
  });
});
