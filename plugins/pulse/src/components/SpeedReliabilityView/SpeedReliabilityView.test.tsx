import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { DEFAULT_SPEED_RELIABILITY_RULE, SpeedReliabilityResponse } from '@pulse/plugin-pulse-common';
import { screen, within } from '@testing-library/react';
import { pulseDecisionsApiRef } from '../../api/DecisionsApi';
import { decisionsApiAnswering } from '../EntityDecisions/decisionsFixtures';
import { SpeedReliability } from './SpeedReliabilityView';

// recharts' ResponsiveContainer measures its parent; jsdom has no ResizeObserver.
class NoResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
(globalThis as any).ResizeObserver ??= NoResizeObserver;

const view: SpeedReliabilityResponse = {
  window: { from: '2026-09-01T00:00:00.000Z', to: '2026-11-30T00:00:00.000Z', days: 90 },
  rule: DEFAULT_SPEED_RELIABILITY_RULE,
  services: [
    {
      entityRef: 'component:default/checkout',
      title: 'Checkout',
      ownerRef: 'group:default/payments',
      deploymentsPerDay: 1.2,
      deploymentFrequencyTier: 'elite',
      leadTimeHours: 5,
      leadTimeTier: 'elite',
      budgetRemaining: -0.4,
      changeFailureRatePercent: 3,
      changeFailureRateTier: 'elite',
      quadrant: 'fix-reliability',
      reading: 'Slow down and fix reliability',
      fast: true,
      reliable: false,
    },
    {
      entityRef: 'component:default/search-api',
      deploymentsPerDay: 0.1,
      deploymentFrequencyTier: 'medium',
      leadTimeHours: 300,
      leadTimeTier: 'medium',
      budgetRemaining: 0.9,
      changeFailureRatePercent: 0,
      changeFailureRateTier: 'elite',
      quadrant: 'ship-more',
      reading: 'Spend the spare budget (ship more)',
      fast: false,
      reliable: true,
    },
  ],
  counts: { 'ship-with-confidence': 0, 'fix-reliability': 1, 'ship-more': 1, 'needs-help': 0, unknown: 0 },
  satisfaction: [
    {
      groupRef: 'group:default/payments',
      title: 'Payments',
      roundTitle: 'November pulse',
      hidden: false,
      respondents: 8,
      mean: 3.875,
      favorable: { share: 0.625, low: 0.3, high: 0.86 },
    },
    { groupRef: 'group:default/discovery', hidden: true, reason: 'Shown from 5 responses' },
  ],
};

const render = (getSpeedReliability: () => Promise<SpeedReliabilityResponse>) =>
  renderInTestApp(
    <TestApiProvider apis={[[pulseDecisionsApiRef, decisionsApiAnswering({ getSpeedReliability })]]}>
      <SpeedReliability />
    </TestApiProvider>,
  );

describe('SpeedReliability', () => {
  it('spells out each reading with its numbers and the teams satisfaction where shown', async () => {
    await render(async () => view);
    expect(await screen.findByTestId('quadrant-counts')).toHaveTextContent(
      'Slow down and fix reliability: 1 · Spend the spare budget (ship more): 1',
    );
    expect(screen.getAllByText('Checkout').length).toBeGreaterThan(0);
    expect(screen.getAllByText('Slow down and fix reliability').length).toBeGreaterThan(0);
    expect(screen.getAllByText('-40.0%').length).toBeGreaterThan(0);
    expect(screen.getByText('300.0 h (medium)')).toBeInTheDocument();
    expect(screen.getByText('0.10 (medium)')).toBeInTheDocument();
    expect(screen.getByText('Payments: satisfaction 3.9 of 5, 62.5% favourable (8 responses)')).toBeInTheDocument();
    expect(screen.getByText('group:default/discovery: hidden (Shown from 5 responses)')).toBeInTheDocument();
  });

  it('gives the chart a text alternative: one row per placed service, in the table\'s units', async () => {
    await render(async () => view);
    const chart = await screen.findByRole('figure', {
      name: 'Speed against reliability: deployments per day and error budget remaining per service',
    });
    const rows = within(chart).getAllByRole('row').slice(1); // the header row first
    // Both services have deployments and a budget, so both are placed: 1.2/day at -40%, 0.1/day at 90%.
    expect(rows.map(row => row.textContent)).toEqual([
      'CheckoutSlow down and fix reliability1.20-40.0%',
      'component:default/search-apiSpend the spare budget (ship more)0.1090.0%',
    ]);
  });

  it('explains how services get placed when there are none', async () => {
    await render(async () => ({ ...view, services: [], satisfaction: [] }));
    expect(await screen.findByText('No services to place')).toBeInTheDocument();
  });

  it('shows an error panel when Pulse fails', async () => {
    await render(async () => {
      throw new Error('Pulse is down');
    });
    expect(await screen.findByText(/Could not load the speed-vs-reliability view/)).toBeInTheDocument();
  });
});
