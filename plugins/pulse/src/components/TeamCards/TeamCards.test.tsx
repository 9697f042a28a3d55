import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { DoraGroupScorecard, SurveyOverview, TeamSloStateResponse } from '@pulse/plugin-pulse-common';
import { fireEvent, screen, within } from '@testing-library/react';
import { DoraApi, pulseDoraApiRef } from '../../api/DoraApi';
import { pulseSloApiRef, SloApi } from '../../api/SloApi';
import { pulseSurveyApiRef, SurveyApi } from '../../api/SurveyApi';
import { rootRouteRef } from '../../routes';
import { checkoutScorecard } from '../EntityDoraCard/doraFixtures';
import { EntityTeamDoraCard } from './EntityTeamDoraCard';
import { EntityTeamSloCard } from './EntityTeamSloCard';
import { EntityTeamSurveyCard } from './EntityTeamSurveyCard';
import { teamPagePath } from './teamLinks';

const payments: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'payments', namespace: 'default', title: 'Payments' },
  spec: { type: 'team', children: [] },
};

const scorecard: DoraGroupScorecard = {
  ...checkoutScorecard,
  groupRef: 'group:default/payments',
  title: 'Payments',
  groupRefs: ['group:default/payments'],
  entities: [{ ...checkoutScorecard, entityRef: 'component:default/checkout' }],
};

const sloStates: TeamSloStateResponse = {
  groupRef: 'group:default/payments',
  title: 'Payments',
  services: [
    { entityRef: 'component:default/checkout', worstStatus: 'OK', budgetRemaining: 0.8123, decision: 'allow', objectives: 2 },
    { entityRef: 'component:default/payments-api', title: 'Payments API', worstStatus: 'BREACHED', budgetRemaining: -0.791, decision: 'block', objectives: 1 },
    { entityRef: 'component:default/ledger', worstStatus: null, budgetRemaining: null, decision: 'warn', objectives: 0 },
  ],
};

const overview = (teams: SurveyOverview['teams']): SurveyOverview =>
  ({ round: { id: 4, title: 'Q4 2026' }, teams }) as unknown as SurveyOverview;

const notFound = Object.assign(new Error('Request failed with 404 Not Found'), { statusCode: 404 });

const renderOnGroupPage = (card: JSX.Element, apis: { dora?: Partial<DoraApi>; slo?: Partial<SloApi>; survey?: Partial<SurveyApi> }, path = '/') =>
  renderInTestApp(
    <TestApiProvider
      apis={[
        [pulseDoraApiRef, apis.dora ?? {}],
        [pulseSloApiRef, apis.slo ?? {}],
        [pulseSurveyApiRef, apis.survey ?? {}],
      ]}
    >
      <EntityProvider entity={payments}>{card}</EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/pulse': rootRouteRef }, routeEntries: [path] },
  );

describe('teamPagePath', () => {
  it("leads to the team's Group page in the catalog, carrying the window", () => {
    expect(teamPagePath('group:default/payments')).toBe('/catalog/default/group/payments');
    expect(teamPagePath('group:ops/sre', 180)).toBe('/catalog/ops/group/sre?days=180');
  });
});

describe('EntityTeamDoraCard', () => {
  it('shows pooled metrics with a tier per metric, takes the window from the URL and leads back to the ranking', async () => {
    const getGroupScorecard = jest.fn().mockResolvedValue(scorecard);
    await renderOnGroupPage(<EntityTeamDoraCard />, { dora: { getGroupScorecard } }, '/?days=180');
    expect(getGroupScorecard).toHaveBeenCalledWith(expect.objectContaining({ namespace: 'default', name: 'payments' }), { days: 180 });
    const card = screen.getByTestId('pulse-team-dora-card');
    // Overall high; deployment frequency high; lead time and recovery elite; change failure rate low.
    expect(within(card).getAllByText('High')).toHaveLength(2);
    expect(within(card).getAllByText('Elite')).toHaveLength(2);
    expect(within(card).getByText('Low')).toBeInTheDocument();
    expect(within(card).getByText('← DORA by team').closest('a')).toHaveAttribute('href', '/pulse/dora?days=180');
    expect(within(card).getByText('Components of the team').closest('a')).toHaveAttribute(
      'href',
      '/pulse/dora/groups/default/payments?days=180',
    );
  });

  it('explains a tier badge: the thresholds and the value against them', async () => {
    await renderOnGroupPage(<EntityTeamDoraCard />, { dora: { getGroupScorecard: jest.fn().mockResolvedValue(scorecard) } });
    // Change failure rate 50.0% is over 15%: Low.
    fireEvent.mouseOver(screen.getByText('Low'));
    const tooltip = await screen.findByRole('tooltip');
    expect(tooltip).toHaveTextContent('Change failure rate: 50.0%');
    expect(tooltip).toHaveTextContent('Elite: at most 5%');
    expect(tooltip).toHaveTextContent('Low: over 15% (this one)');
  });

  it('shows an empty state, never an error string, for a team Pulse does not know', async () => {
    await renderOnGroupPage(<EntityTeamDoraCard />, { dora: { getGroupScorecard: jest.fn().mockRejectedValue(notFound) } });
    expect(screen.getByText('Pulse does not know this team')).toBeInTheDocument();
    expect(screen.queryByText(/Request failed/)).not.toBeInTheDocument();
  });
});

describe('EntityTeamSloCard', () => {
  it("lists the team's services with worst status, budget left and gate decision from one request", async () => {
    const getTeamSloStates = jest.fn().mockResolvedValue(sloStates);
    await renderOnGroupPage(<EntityTeamSloCard />, { slo: { getTeamSloStates } });
    expect(getTeamSloStates).toHaveBeenCalledTimes(1);
    const card = screen.getByTestId('pulse-team-slo-card');
    const rows = within(card).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    // 0.8123 -> 81.2%; -0.791 -> -79.1%
    expect(rows[0]).toHaveTextContent('checkout');
    expect(rows[0]).toHaveTextContent('OK');
    expect(rows[0]).toHaveTextContent('81.2%');
    expect(rows[0]).toHaveTextContent('allow');
    expect(rows[1]).toHaveTextContent('Payments API');
    expect(rows[1]).toHaveTextContent('BREACHED');
    expect(rows[1]).toHaveTextContent('-79.1%');
    expect(within(rows[1]).getByText('block').closest('.MuiChip-root')?.className).toMatch(/bad/);
    expect(rows[2]).toHaveTextContent('no SLO');
    expect(within(card).getByText('Payments API').closest('a')).toHaveAttribute('href', '/catalog/default/component/payments-api');
  });

  it('sorts by budget left when the header is clicked', async () => {
    await renderOnGroupPage(<EntityTeamSloCard />, { slo: { getTeamSloStates: jest.fn().mockResolvedValue(sloStates) } });
    fireEvent.click(screen.getByText('Budget left'));
    // Ascending: -79.1% first, then 81.2%; no data counts as the largest and comes last.
    const rows = within(screen.getByTestId('pulse-team-slo-card')).getAllByRole('row').slice(1);
    expect(rows.map(r => r.textContent)).toEqual([
      expect.stringContaining('Payments API'),
      expect.stringContaining('checkout'),
      expect.stringContaining('ledger'),
    ]);
  });

  it('shows an empty state for a team Pulse does not know', async () => {
    await renderOnGroupPage(<EntityTeamSloCard />, { slo: { getTeamSloStates: jest.fn().mockRejectedValue(notFound) } });
    expect(screen.getByText('Pulse does not know this team')).toBeInTheDocument();
  });
});

describe('EntityTeamSurveyCard', () => {
  it("shows the team's satisfaction from the overview", async () => {
    const getOverview = jest.fn().mockResolvedValue(
      overview([
        {
          ref: 'group:default/payments',
          title: 'Payments',
          hidden: false,
          respondents: 1,
          satisfaction: { mean: 3.75, favorable: { share: 0.625, low: 0.3, high: 0.9 } },
        },
      ]),
    );
    await renderOnGroupPage(<EntityTeamSurveyCard />, { survey: { getOverview } });
    // mean 3.75 -> "3.8"; 0.625 -> 62.5%; one response, singular
    expect(screen.getByTestId('pulse-team-survey-card')).toHaveTextContent('Satisfaction 3.8 of 5, 62.5% favourable (1 response).');
    expect(screen.getByText('Q4 2026')).toBeInTheDocument();
  });

  it('says why a hidden team shows no numbers', async () => {
    const getOverview = jest
      .fn()
      .mockResolvedValue(overview([{ ref: 'group:default/payments', title: 'Payments', hidden: true, reason: 'fewer than 5 responses' }]));
    await renderOnGroupPage(<EntityTeamSurveyCard />, { survey: { getOverview } });
    expect(screen.getByTestId('pulse-team-survey-card')).toHaveTextContent('Hidden: fewer than 5 responses');
  });
});
