import { permissionApiRef } from '@backstage/plugin-permission-react';
import { mockApis, renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { netPromoterScore, SurveyOverview, wilsonInterval } from '@pulse/plugin-pulse-common';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useLocation } from 'react-router-dom';
import { pulseSurveyApiRef, SurveyApi } from '../../api/SurveyApi';
import { SurveyPlatformPage } from './SurveyPlatformPage';

const round = {
  id: 3,
  templateId: 'developer-experience-5min',
  title: 'Developer experience, round 3',
  target: { type: 'components' as const },
  opensAt: '2026-10-01T00:00:00.000Z',
  closesAt: '2026-10-15T00:00:00.000Z',
  status: 'closed' as const,
  templateVersion: 1,
  audience: 'owners' as const,
  createdBy: 'user:default/ada',
  createdAt: '2026-10-01T00:00:00.000Z',
};
const round2 = { ...round, id: 2, title: 'Developer experience, round 2' };
/** Newest first, as `GET /surveys/rounds` lists them: a scheduled round, the open one (too few answers yet), 3, 2. */
const rounds = [
  { ...round, id: 5, title: 'Developer experience, round 5', status: 'scheduled' as const },
  { ...round, id: 4, title: 'Developer experience, round 4', status: 'open' as const },
  round,
  round2,
];

const overview: SurveyOverview = {
  round,
  previousRound: round2,
  minRespondents: 5,
  openResults: 'batched',
  overall: { ref: 'round', title: round.title, hidden: false, respondents: 26 },
  teams: [
    { ref: 'group:default/discovery', title: 'Discovery', hidden: true, reason: 'No responses in this round' },
    { ref: 'group:default/mobile', title: 'Mobile', hidden: true, reason: 'Fewer than 5 responses' },
    {
      ref: 'group:default/payments',
      title: 'Payments',
      hidden: false,
      respondents: 8,
      satisfaction: { mean: 4.125, favorable: wilsonInterval(6, 8) },
      nps: netPromoterScore({ promoters: 6, passives: 3, detractors: 1 }),
      participation: { audienceSize: 8, participants: 8, rate: 1 },
    },
  ],
  entities: [
    {
      ref: 'component:default/checkout',
      title: 'Checkout service',
      groupRef: 'group:default/payments',
      hidden: false,
      respondents: 8,
    },
  ],
  painPoints: [
    { choiceId: 'code-review-wait', label: 'Waiting for code review', count: 13, share: 0.5, previousShare: 0.25, change: 0.25 },
  ],
  trend: [],
};

/** Round 2: payments answered 5 times (satisfaction 3 on every answer), everything else hidden. */
const overview2: SurveyOverview = {
  ...overview,
  round: round2,
  previousRound: null,
  overall: { ref: 'round', title: round2.title, hidden: true, reason: 'Hidden so that a smaller group cannot be worked out' },
  teams: [
    {
      ref: 'group:default/payments',
      title: 'Payments',
      hidden: false,
      respondents: 5,
      satisfaction: { mean: 3, favorable: wilsonInterval(0, 5) },
    },
  ],
  entities: [],
  painPoints: [],
};

/** Everyone here lacks pulse.survey.manage (AuthorizeResult.DENY); the round manager has its own tests. */
const authorize = jest.fn(() => 'DENY' as const);

// recharts' ResponsiveContainer measures its parent; jsdom has no ResizeObserver.
class NoResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
(globalThis as any).ResizeObserver ??= NoResizeObserver;

/** Shows the page's query string, to check what the URL holds. */
const Search = () => <div data-testid="location-search">{useLocation().search}</div>;

async function renderPage(api: Partial<SurveyApi>, url = '/') {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [pulseSurveyApiRef, { getRounds: jest.fn().mockResolvedValue(rounds), ...api }],
        [permissionApiRef, mockApis.permission({ authorize })],
      ]}
    >
      <SurveyPlatformPage />
      <Search />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef }, routeEntries: [url] },
  );
}

describe('SurveyPlatformPage', () => {
  beforeEach(() => {
    (global as any).URL.createObjectURL = jest.fn(() => 'blob:csv');
    (global as any).URL.revokeObjectURL = jest.fn();
  });

  it('lists every team by title with scores or the reason it is hidden, pain points with their change, and exports CSV', async () => {
    const getOverview = jest.fn().mockResolvedValue(overview);
    const getOverviewCsv = jest.fn().mockResolvedValue('section,ref\n');
    await renderPage({ getOverview, getOverviewCsv });
    expect(await screen.findByRole('heading', { name: 'Developer satisfaction' })).toBeInTheDocument();
    expect(await screen.findByText('Developer experience, round 3', { selector: 'h2' })).toBeInTheDocument();
    // The server picks the default round.
    expect(getOverview).toHaveBeenCalledWith(undefined);
    expect(screen.getByText('Teams')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Payments' })).toHaveAttribute('href', '/catalog/default/group/payments');
    expect(screen.getByRole('link', { name: 'Mobile' })).toHaveAttribute('href', '/catalog/default/group/mobile');
    expect(screen.getByRole('link', { name: 'Discovery' })).toHaveAttribute('href', '/catalog/default/group/discovery');
    expect(screen.queryByText('group:default/payments')).not.toBeInTheDocument();
    expect(screen.getByText('No responses in this round')).toBeInTheDocument();
    expect(screen.getByText('Fewer than 5 responses')).toBeInTheDocument();
    expect(screen.getByText('4.1')).toBeInTheDocument();
    // 6 of 8 favorable: Wilson 41-93%; NPS 50, adjusted-Wald interval -0.2 to +77.1 (worked in scoring.test.ts).
    expect(screen.getByText('75% (41–93%)')).toBeInTheDocument();
    expect(screen.getByText('+50 (0 to +77)')).toBeInTheDocument();
    expect(screen.getByText('Waiting for code review')).toBeInTheDocument();
    expect(screen.getByText('13 (50%)')).toBeInTheDocument();
    expect(screen.getByText('+25 pts')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Checkout service' })).toHaveAttribute(
      'href',
      '/catalog/default/component/checkout',
    );

    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(getOverviewCsv).toHaveBeenCalledWith(3);
  });

  it('shows and exports the round picked in the round picker', async () => {
    const getOverview = jest.fn(async (id?: number) => (id === 2 ? overview2 : overview));
    const getOverviewCsv = jest.fn().mockResolvedValue('section,ref\n');
    await renderPage({ getOverview, getOverviewCsv });
    fireEvent.mouseDown(await screen.findByRole('button', { name: /^Round/ }));
    const options = within(screen.getByRole('listbox')).getAllByRole('option');
    expect(options.map(o => o.textContent)).toEqual([
      'Developer experience, round 5 (scheduled)',
      'Developer experience, round 4 (open)',
      'Developer experience, round 3 (closed)',
      'Developer experience, round 2 (closed)',
    ]);
    // A scheduled round has no results to show yet.
    expect(options[0]).toHaveAttribute('aria-disabled', 'true');
    fireEvent.click(options[3]);

    expect(await screen.findByText('Developer experience, round 2', { selector: 'h2' })).toBeInTheDocument();
    expect(getOverview).toHaveBeenLastCalledWith(2);
    // The pick is in the URL, so the view can be shared and survives a reload.
    expect(screen.getByTestId('location-search')).toHaveTextContent('?round=2');
    // Payments: satisfaction 3 on all 5 answers -> mean 3.0, favorable 0 of 5 (Wilson 0-43%).
    expect(screen.getByText('3.0')).toBeInTheDocument();
    expect(screen.getByText('0% (0–43%)')).toBeInTheDocument();
    expect(screen.getByText('Hidden so that a smaller group cannot be worked out')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(getOverviewCsv).toHaveBeenCalledWith(2);
  });

  it('shows no management control to someone without pulse.survey.manage', async () => {
    const getTemplates = jest.fn();
    await renderPage({ getOverview: jest.fn().mockResolvedValue(overview), getTemplates });
    expect(await screen.findByText('Developer experience, round 3', { selector: 'h2' })).toBeInTheDocument();
    await waitFor(() =>
      expect(authorize).toHaveBeenCalledWith(
        expect.objectContaining({ permission: expect.objectContaining({ name: 'pulse.survey.manage' }) }),
      ),
    );
    expect(screen.queryByTestId('survey-round-manager')).toBeNull();
    for (const name of ['New round', 'New template', 'Close now', 'Delete']) {
      expect(screen.queryByRole('button', { name })).toBeNull();
    }
    expect(getTemplates).not.toHaveBeenCalled();
  });

  it('explains how to start when no round has opened', async () => {
    await renderPage({
      getRounds: jest.fn().mockResolvedValue([]),
      getOverview: jest.fn().mockResolvedValue({ ...overview, round: null, teams: [], entities: [], painPoints: [] }),
    });
    expect(await screen.findByText('No survey round has opened yet')).toBeInTheDocument();
  });

  it('shows the error when the rounds cannot be listed', async () => {
    await renderPage({
      getRounds: jest.fn().mockRejectedValue(new Error('pulse backend down')),
      getOverview: jest.fn().mockResolvedValue(overview),
    });
    expect((await screen.findAllByText(/pulse backend down/)).length).toBeGreaterThan(0);
  });

  it('opens the round named in the URL, and says nothing about newer rounds there', async () => {
    const getOverview = jest.fn(async (id?: number) => (id === 2 ? overview2 : overview));
    await renderPage({ getOverview }, '/?round=2');
    expect(await screen.findByText('Developer experience, round 2', { selector: 'h2' })).toBeInTheDocument();
    expect(getOverview).toHaveBeenCalledWith(2);
    expect(getOverview).not.toHaveBeenCalledWith(undefined);
    expect(screen.queryByTestId('survey-newest-round-note')).toBeNull();
  });

  it('ignores a round in the URL that is not an id and lets the server pick', async () => {
    const getOverview = jest.fn().mockResolvedValue(overview);
    await renderPage({ getOverview }, '/?round=latest');
    expect(await screen.findByText('Developer experience, round 3', { selector: 'h2' })).toBeInTheDocument();
    expect(getOverview).toHaveBeenCalledWith(undefined);
  });

  it('says why it opens on an older round than the newest opened one', async () => {
    // Round 4 (open) is the newest opened round, but its round-wide result is hidden, so the server picked round 3.
    const round4 = rounds[1];
    const getOverview = jest.fn(async (id?: number) =>
      id === 4
        ? { ...overview, round: round4, overall: { ref: 'round', title: round4.title, hidden: true as const, reason: 'Fewer than 5 responses' } }
        : overview,
    );
    await renderPage({ getOverview });
    expect(await screen.findByTestId('survey-newest-round-note')).toHaveTextContent(
      'Showing Developer experience, round 3, the newest round whose results show. Developer experience, round 4 ' +
        '(open) is newer, but its round-wide results are hidden: Fewer than 5 responses. Pick it under Round to see ' +
        'which teams show.',
    );
  });

  it('says nothing when it opens on the newest opened round', async () => {
    const round4 = rounds[1];
    const getOverview = jest.fn().mockResolvedValue({ ...overview, round: round4 });
    await renderPage({ getOverview });
    expect(await screen.findByText('Developer experience, round 4', { selector: 'h2' })).toBeInTheDocument();
    expect(screen.queryByTestId('survey-newest-round-note')).toBeNull();
    expect(getOverview).toHaveBeenCalledTimes(1);
  });

  it('marks the shown round in the trend and its text alternative', async () => {
    const trend = [
      { roundId: 2, title: round2.title, opensAt: round2.opensAt, hidden: true as const, reason: 'Fewer than 5 responses' },
      { roundId: 3, title: round.title, opensAt: round.opensAt, hidden: false as const, respondents: 26 },
    ];
    await renderPage({ getOverview: jest.fn().mockResolvedValue({ ...overview, trend }) });
    const figure = await screen.findByRole('figure', { name: /^Satisfaction trend/ });
    const firstCells = within(figure)
      .getAllByRole('row')
      .slice(1)
      .map(r => r.querySelector('td')!.textContent);
    expect(firstCells).toEqual(['Developer experience, round 2', 'Developer experience, round 3 (selected)']);
  });
});
