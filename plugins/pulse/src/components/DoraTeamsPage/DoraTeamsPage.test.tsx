import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { DoraGroupScorecard, DoraTeamRanking } from '@pulse/plugin-pulse-common';
import { fireEvent, screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { DoraApi, pulseDoraApiRef } from '../../api/DoraApi';
import { checkoutMetrics, checkoutScorecard, checkoutWeekly, fullCoverage } from '../EntityDoraCard/doraFixtures';
import { DoraTeamsPage } from './DoraTeamsPage';

const window = checkoutScorecard.window;
const noTier = Object.fromEntries(
  Object.entries(checkoutMetrics).map(([key, metric]) => [key, { ...metric, value: null, tier: null }]),
) as typeof checkoutMetrics;

/** Mobile's first deployment was on 9 January 2026 at 15:00: the last 6 of the 14 days are covered. */
const mobileCoverage = {
  ...fullCoverage,
  from: '2026-01-09T00:00:00.000Z',
  firstEventAt: '2026-01-09T15:00:00.000Z',
  coveredDays: 6,
};

const ranking: DoraTeamRanking = {
  window,
  teams: [
    {
      groupRef: 'group:default/payments',
      title: 'Payments',
      entityCount: 2,
      coverage: fullCoverage,
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
      coverage: mobileCoverage,
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
    { entityRef: 'component:default/checkout', coverage: fullCoverage, tier: 'high', insufficientData: false, deployments: 6, metrics: checkoutMetrics },
    { entityRef: 'component:default/payments-api', coverage: mobileCoverage, tier: null, insufficientData: true, deployments: 1, metrics: noTier },
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
    // Every team link leads to the team's Group page in the catalog, carrying the window.
    expect(screen.getByText('Payments').closest('a')).toHaveAttribute('href', '/catalog/default/group/payments?days=90');
  });

  it('shows a tier per metric beside each value', async () => {
    await renderAt('/pulse/dora', { getTeamRanking: jest.fn().mockResolvedValue(ranking) });
    const paymentsRow = screen.getAllByRole('row').filter(row => !row.closest('figure'))[1];
    const cells = within(paymentsRow).getAllByRole('cell');
    // Columns: team, components, overall tier, frequency, lead time, change failure rate, recovery time, rework.
    // Payments: frequency high, lead time 15.0 h elite, 50.0% low, 45 min elite, rework has no tier.
    expect(cells[3]).toHaveTextContent('0.36 / dayHigh');
    expect(cells[4]).toHaveTextContent('15.0 hElite');
    expect(cells[5]).toHaveTextContent('50.0%Low');
    expect(cells[6]).toHaveTextContent('45 minElite');
    expect(cells[7]).toHaveTextContent(/^16\.7%$/);
  });

  it('sorts the teams by a column when its header is clicked', async () => {
    await renderAt('/pulse/dora', { getTeamRanking: jest.fn().mockResolvedValue(ranking) });
    const teamOrder = () =>
      screen
        .getAllByRole('row')
        .filter(row => !row.closest('figure'))
        .slice(1)
        .map(row => within(row).getAllByRole('cell')[0].textContent);
    expect(teamOrder()).toEqual(['Payments', 'Mobile']);
    // By name, ascending: Mobile before Payments.
    fireEvent.click(screen.getByRole('button', { name: 'Team' }));
    expect(teamOrder()).toEqual(['Mobile', 'Payments']);
  });

  it('exports the ranking as CSV built from the answer, with a tier per metric', async () => {
    const blobs: Blob[] = [];
    const createObjectURL = jest.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:csv';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    await renderAt('/pulse/dora', { getTeamRanking: jest.fn().mockResolvedValue(ranking) });
    fireEvent.click(screen.getByTestId('pulse-dora-teams-csv'));
    const lines = (await blobs[0].text()).trim().split('\n');
    expect(lines[0]).toBe(
      'team,group_ref,components,tier,deployments,deployments_per_day,deployment_frequency_tier,lead_time_hours,lead_time_tier,change_failure_rate_percent,change_failure_rate_tier,recovery_time_hours,recovery_time_tier,rework_rate_percent',
    );
    // 5 / 14 = 0.357142... -> 0.3571; 100 / 6 = 16.6666... -> 16.6667 (four decimals)
    expect(lines[1]).toBe('Payments,group:default/payments,2,high,9,0.3571,high,15,elite,50,low,0.75,elite,16.6667');
    expect(lines[2]).toBe('Mobile,group:default/mobile,1,,1,,,,,,,,,');
  });

  it('says which teams have data for only part of the window', async () => {
    await renderAt('/pulse/dora', { getTeamRanking: jest.fn().mockResolvedValue(ranking) });
    // Mobile's data starts on 9 January: 6 of the 14 days. Payments is covered: no sentence.
    expect(screen.getAllByTestId('dora-coverage').map(note => note.textContent)).toEqual([
      'Mobile: Data since 2026-01-09 (6 of 14 days)',
    ]);
  });

  it("says when a team's data starts inside the window on its page", async () => {
    const getGroupScorecard = jest.fn().mockResolvedValue({ ...payments, coverage: mobileCoverage });
    await renderAt('/pulse/dora/groups/default/payments', { getGroupScorecard });
    expect(await screen.findByTestId('dora-coverage')).toHaveTextContent('Data since 2026-01-09 (6 of 14 days)');
  });

  it("shows one team's pooled metrics and its components", async () => {
    const getGroupScorecard = jest.fn().mockResolvedValue(payments);
    await renderAt('/pulse/dora/groups/default/payments', { getGroupScorecard });
    expect(getGroupScorecard).toHaveBeenCalledWith({ namespace: 'default', name: 'payments' }, { days: 90 });
    expect(screen.getByText('Payments: overall')).toBeInTheDocument();
    expect(screen.getByText('checkout')).toBeInTheDocument();
    expect(screen.getByText('payments-api')).toBeInTheDocument();
    expect(screen.getAllByText('15.0 h').length).toBeGreaterThan(0);
    // The way to the team's Group page, with the window.
    expect(screen.getByText('Team page').closest('a')).toHaveAttribute('href', '/catalog/default/group/payments?days=90');
    expect(screen.getByTestId('pulse-dora-team-components-csv')).toBeInTheDocument();
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
