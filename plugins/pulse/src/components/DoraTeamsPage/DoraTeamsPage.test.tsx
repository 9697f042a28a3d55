import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { DoraGroupScorecard, DoraTeamRanking } from '@pulse/plugin-pulse-common';
import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { DoraApi, pulseDoraApiRef } from '../../api/DoraApi';
import { checkoutMetrics, checkoutScorecard, checkoutWeekly } from '../EntityDoraCard/doraFixtures';
import { DoraTeamsPage } from './DoraTeamsPage';

const window = checkoutScorecard.window;
const noTier = Object.fromEntries(
  Object.entries(checkoutMetrics).map(([key, metric]) => [key, { ...metric, value: null, tier: null }]),
) as typeof checkoutMetrics;

const ranking: DoraTeamRanking = {
  window,
  teams: [
    {
      groupRef: 'group:default/payments',
      title: 'Payments',
      entityCount: 2,
      tier: 'high',
      insufficientData: false,
      deployments: 9,
      metrics: checkoutMetrics,
      weekly: checkoutWeekly,
    },
    {
      groupRef: 'group:default/mobile',
      title: 'Mobile',
      entityCount: 1,
      tier: null,
      insufficientData: true,
      deployments: 1,
      metrics: noTier,
      weekly: checkoutWeekly,
    },
  ],
};

const payments: DoraGroupScorecard = {
  ...checkoutScorecard,
  groupRef: 'group:default/payments',
  title: 'Payments',
  groupRefs: ['group:default/payments'],
  entities: [
    { entityRef: 'component:default/checkout', tier: 'high', insufficientData: false, deployments: 6, metrics: checkoutMetrics },
    { entityRef: 'component:default/payments-api', tier: null, insufficientData: true, deployments: 1, metrics: noTier },
  ],
};

const renderAt = (path: string, api: Partial<DoraApi>) =>
  renderInTestApp(
    <TestApiProvider apis={[[pulseDoraApiRef, api]]}>
      <Routes>
        <Route path="/pulse/dora/*" element={<DoraTeamsPage />} />
      </Routes>
    </TestApiProvider>,
    { routeEntries: [path] },
  );

describe('DoraTeamsPage', () => {
  it('lists the teams in ranked order with tiers, values and links to each team', async () => {
    await renderAt('/pulse/dora', { getTeamRanking: jest.fn().mockResolvedValue(ranking) });
    // The table's own rows: the sparklines' text alternatives are tables too, inside a figure.
    const rows = screen.getAllByRole('row').filter(row => !row.closest('figure')).slice(1);
    expect(rows[0]).toHaveTextContent('Payments');
    expect(rows[0]).toHaveTextContent('High');
    expect(rows[0]).toHaveTextContent('0.36 / day');
    expect(rows[0]).toHaveTextContent('50.0%');
    expect(rows[1]).toHaveTextContent('Mobile');
    expect(rows[1]).toHaveTextContent('insufficient data');
    expect(screen.getByText('Payments').closest('a')).toHaveAttribute('href', '/pulse/dora/groups/default/payments');
  });

  it("shows one team's pooled metrics and its components", async () => {
    const getGroupScorecard = jest.fn().mockResolvedValue(payments);
    await renderAt('/pulse/dora/groups/default/payments', { getGroupScorecard });
    expect(getGroupScorecard).toHaveBeenCalledWith({ namespace: 'default', name: 'payments' }, { days: 90 });
    expect(screen.getByText('Payments: overall')).toBeInTheDocument();
    expect(screen.getByText('checkout')).toBeInTheDocument();
    expect(screen.getByText('payments-api')).toBeInTheDocument();
    expect(screen.getByText('15.0 h', { selector: 'td' })).toBeInTheDocument();
  });

  it('takes the window from the URL, so a shared link shows the same view', async () => {
    const getTeamRanking = jest.fn().mockResolvedValue(ranking);
    await renderAt('/pulse/dora?days=180', { getTeamRanking });
    expect(getTeamRanking).toHaveBeenCalledWith({ days: 180 });
    expect(screen.getByTestId('header-title')).toHaveTextContent('Last 180 days');
  });

  it('says an unknown team is not in the catalog and leads back to the list', async () => {
    const notFound = Object.assign(new Error('Request failed with 404 Not Found'), { statusCode: 404 });
    await renderAt('/pulse/dora/groups/default/nobody?days=30', { getGroupScorecard: jest.fn().mockRejectedValue(notFound) });
    expect(screen.getByText('No team default/nobody in the catalog')).toBeInTheDocument();
    expect(screen.queryByText(/Request failed/)).not.toBeInTheDocument();
    expect(screen.getByText('← All teams').closest('a')).toHaveAttribute('href', '/pulse/dora?days=30');
  });

  it('shows the error', async () => {
    await renderAt('/pulse/dora', { getTeamRanking: jest.fn().mockRejectedValue(new Error('catalog down')) });
    expect(screen.getAllByText(/catalog down/).length).toBeGreaterThan(0);
  });
});
