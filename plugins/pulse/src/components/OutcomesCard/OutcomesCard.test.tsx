import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { OutcomesAnswer, OutcomeView } from '@pulse/plugin-pulse-common';
import { screen, within } from '@testing-library/react';
import { OutcomesApi, pulseOutcomesApiRef } from '../../api/OutcomesApi';
import { EntityOutcomesCard } from './OutcomesCard';

/** The payments answer of the backend's router test (service/outcomes/router.test.ts), two of three weeks. */
const conversion: OutcomeView = {
  ownerRef: 'component:default/checkout',
  id: 'checkout-conversion',
  title: 'More buyers finish checkout',
  objective: 'OKR Q4: grow first-time purchases',
  documentSource: 'api',
  keyResult: {
    name: 'Checkout conversion',
    unit: '%',
    direction: 'up',
    source: 'push',
    baseline: 2,
    target: 3,
    start: '2026-11-02',
    due: '2026-12-12',
    current: { value: 2.4, at: '2026-11-17T00:00:00.000Z' },
    weekly: [2.1, 2.4000000000000004],
  },
  customerSignal: {
    name: 'Support tickets',
    unit: 'tickets',
    direction: 'down',
    source: 'push',
    current: { value: 24, at: '2026-11-12T10:00:00.000Z' },
    weekly: [30, 25],
  },
  progressPercent: 39.99999999999999,
  expectedPercent: 37.5,
  status: 'on-track',
};
const nps: OutcomeView = {
  ...conversion,
  ownerRef: 'group:default/payments',
  id: 'team-nps',
  title: 'Customers recommend us',
  keyResult: { ...conversion.keyResult, name: 'NPS', unit: 'points', baseline: 30, target: 50, due: '2026-11-12', current: { value: 35, at: '2026-11-16T00:00:00.000Z' }, weekly: [null, null] },
  customerSignal: { ...conversion.customerSignal, name: 'Refund requests', unit: 'requests', current: null, weekly: [null, null] },
  progressPercent: 25,
  expectedPercent: 100,
  status: 'behind',
};
const answer: OutcomesAnswer = {
  ownerRef: 'group:default/payments',
  window: { from: '2026-11-02T00:00:00.000Z', to: '2026-11-16T00:00:00.000Z' },
  weeks: [
    { start: '2026-11-02T00:00:00.000Z', end: '2026-11-09T00:00:00.000Z', deployments: 0 },
    { start: '2026-11-09T00:00:00.000Z', end: '2026-11-16T00:00:00.000Z', deployments: 2 },
  ],
  outcomes: [conversion, nps],
  summary: { total: 2, onTrack: 1, behind: 1, noData: 0, sentence: '1 of 2 outcomes on track' },
};

const group: Entity = { apiVersion: 'backstage.io/v1alpha1', kind: 'Group', metadata: { name: 'payments', namespace: 'default' }, spec: {} };
const component: Entity = { apiVersion: 'backstage.io/v1alpha1', kind: 'Component', metadata: { name: 'search', namespace: 'default' }, spec: {} };

const renderCard = (entity: Entity, api: Partial<OutcomesApi>) =>
  renderInTestApp(
    <TestApiProvider apis={[[pulseOutcomesApiRef, api]]}>
      <EntityProvider entity={entity}>
        <EntityOutcomesCard />
      </EntityProvider>
    </TestApiProvider>,
  );

describe('EntityOutcomesCard', () => {
  it('says how many outcomes are on track and shows each one’s progress and weekly numbers', async () => {
    const getOutcomes = jest.fn().mockResolvedValue(answer);
    await renderCard(group, { getOutcomes });
    expect(getOutcomes).toHaveBeenCalledWith(group);

    expect(screen.getByTestId('outcomes-summary')).toHaveTextContent('1 of 2 outcomes on track');
    const [first, second] = screen.getAllByTestId('outcome-progress').map(el => within(el));
    expect(first.getByText('On track')).toBeInTheDocument();
    // 40% of the way (rounded), 37.5% expected rounds to 38.
    expect(first.getByText('Checkout conversion: 2.4% now, from 2% to 3% by 2026-12-12: 40% of the way, 38% expected')).toBeInTheDocument();
    expect(first.getByRole('progressbar', { name: 'Progress of More buyers finish checkout' })).toHaveAttribute('aria-valuenow', '40');
    expect(first.getByText(/Customer signal: Support tickets: 24 tickets \(lower is better\)/)).toBeInTheDocument();
    expect(second.getByText('Behind')).toBeInTheDocument();
    expect(second.getByText('NPS: 35 points now, from 30 points to 50 points by 2026-11-12: 25% of the way, 100% expected')).toBeInTheDocument();
    expect(second.getByText(/Refund requests: no value yet/)).toBeInTheDocument();

    // One chart per outcome; its text alternative holds the weekly means (2.4000000000000004 drawn as 2.4) and the
    // deployments of each week.
    const charts = screen.getAllByTestId('outcomes-chart');
    expect(charts).toHaveLength(2);
    const rows = within(charts[0])
      .getAllByRole('row')
      .map(row => [...row.querySelectorAll('th, td')].map(cell => cell.textContent));
    expect(rows).toEqual([
      ['Week from', 'Checkout conversion (%)', 'Support tickets (tickets)', 'Deployments'],
      ['2026-11-02', '2.1', '30', '0'],
      ['2026-11-09', '2.4', '25', '2'],
    ]);
    expect(within(charts[1]).getAllByRole('row')[1]).toHaveTextContent('2026-11-02no datano data0');
  });

  it('says so on a team without outcomes', async () => {
    const none = { ...answer, outcomes: [], summary: { total: 0, onTrack: 0, behind: 0, noData: 0, sentence: 'No outcomes defined' } };
    await renderCard(group, { getOutcomes: jest.fn().mockResolvedValue(none) });
    expect(screen.getByText('No outcomes defined')).toBeInTheDocument();
  });

  it('renders nothing on a component without outcomes', async () => {
    const none = { ...answer, outcomes: [], summary: { total: 0, onTrack: 0, behind: 0, noData: 0, sentence: 'No outcomes defined' } };
    await renderCard(component, { getOutcomes: jest.fn().mockResolvedValue(none) });
    expect(screen.queryByTestId('outcomes-card')).not.toBeInTheDocument();
  });
});
