import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { DEFAULT_SPEED_RELIABILITY_RULE, SpeedReliabilityResponse } from '@pulse/plugin-pulse-common';
import { fireEvent, screen, within } from '@testing-library/react';
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
    // 300 h is two days or more: 300 / 24 = 12.5 days
    expect(screen.getByText('12.5 days (medium)')).toBeInTheDocument();
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

  it('sorts the services and exports them as CSV built from the answer', async () => {
    const blobs: Blob[] = [];
    Object.assign(URL, {
      createObjectURL: jest.fn((blob: Blob) => {
        blobs.push(blob);
        return 'blob:csv';
      }),
      revokeObjectURL: jest.fn(),
    });
    await render(async () => view);
    const table = (await screen.findAllByRole('table')).find(t => !t.closest('figure'))!;
    const order = () => within(table).getAllByRole('row').slice(1).map(row => within(row).getAllByRole('cell')[0].textContent);
    // Budget remaining ascending: Checkout (-40%) before search-api (90%).
    fireEvent.click(screen.getByRole('button', { name: 'Budget remaining' }));
    expect(order()).toEqual(['Checkout', 'search-api']);
    fireEvent.click(screen.getByRole('button', { name: 'Budget remaining' }));
    expect(order()).toEqual(['search-api', 'Checkout']);

    fireEvent.click(screen.getByTestId('quadrant-csv'));
    const lines = (await blobs[0].text()).trim().split('\n');
    expect(lines[0]).toBe(
      'service,entity_ref,owner_ref,reading,deployments_per_day,deployment_frequency_tier,lead_time_hours,lead_time_tier,budget_remaining_percent,change_failure_rate_percent,change_failure_rate_tier',
    );
    // -0.4 of the budget = -40 percent, written as a number (the formula guard applies to text cells only).
    expect(lines[1]).toBe('Checkout,component:default/checkout,group:default/payments,Slow down and fix reliability,1.2,elite,5,elite,-40,3,elite');
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
