import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { IncidentReviewResponse } from '@pulse/plugin-pulse-common';
import { screen } from '@testing-library/react';
import { pulseDecisionsApiRef } from '../../api/DecisionsApi';
import { checkoutOutstanding, decisionsApiAnswering } from '../EntityDecisions/decisionsFixtures';
import { IncidentReview } from './IncidentReviewPage';

const review: IncidentReviewResponse = {
  month: '2026-11',
  from: '2026-11-01T00:00:00.000Z',
  to: '2026-12-01T00:00:00.000Z',
  groupRef: 'group:default/payments',
  postmortemThreshold: 0.2,
  summary: { incidents: 2, totalDurationMinutes: 135, postmortemsRequired: 2, postmortemsDone: 1, postmortemsOutstanding: 1 },
  incidents: [
    {
      ...checkoutOutstanding.items[0],
      deployment: { id: 'dep-7', finishedAt: '2026-11-20T09:50:00.000Z', linked: 'attributed' },
      canEdit: true,
    },
    {
      id: 'inc-43',
      entityRef: 'component:default/payments-api',
      createdAt: '2026-11-21T10:00:00.000Z',
      resolvedAt: '2026-11-21T10:15:00.000Z',
      durationMinutes: 15,
      budgetShare: 0.45,
      budgetSpent: [{ slo: 'latency', objective: '95% under 300ms', share: 0.45 }],
      deployment: { id: 'dep-9', linked: 'explicit' },
      postmortemRequired: true,
      postmortemStatus: 'done',
      postmortemUrl: 'https://wiki.example.com/pm/inc-43',
      learnings: null,
      canEdit: false,
    },
  ],
};

const render = (api = decisionsApiAnswering({ getIncidentReview: async () => review })) =>
  renderInTestApp(
    <TestApiProvider apis={[[pulseDecisionsApiRef, api]]}>
      <IncidentReview month="2026-11" groupRef="group:default/payments" />
    </TestApiProvider>,
  );

describe('IncidentReview', () => {
  it('shows the summary and every incident with its cost, cause and postmortem', async () => {
    const getIncidentReview = jest.fn(async () => review);
    await render(decisionsApiAnswering({ getIncidentReview }));
    expect(await screen.findByTestId('review-summary')).toHaveTextContent(
      '2 incident(s), 135 minutes in total · 2 postmortem(s) required, 1 done, 1 outstanding',
    );
    expect(getIncidentReview).toHaveBeenCalledWith({ month: '2026-11', groupRef: 'group:default/payments' });
    expect(screen.getByText('inc-42: Checkout 500s')).toBeInTheDocument();
    expect(screen.getByText('availability / 99%: 30.0%')).toBeInTheDocument();
    expect(screen.getByText('dep-7 (by time)')).toBeInTheDocument();
    expect(screen.getByText('outstanding')).toBeInTheDocument();
    expect(screen.getByText('latency / 95% under 300ms: 45.0%')).toBeInTheDocument();
    expect(screen.getByText('done').closest('a')).toHaveAttribute('href', 'https://wiki.example.com/pm/inc-43');
    expect(screen.getByText('15 min')).toBeInTheDocument();
  });

  it('explains where incidents come from when the month has none', async () => {
    await render(decisionsApiAnswering({ getIncidentReview: async () => ({ ...review, incidents: [] }) }));
    expect(await screen.findByText('No production incidents in 2026-11')).toBeInTheDocument();
  });

  it('shows an error panel when Pulse fails', async () => {
    await render(
      decisionsApiAnswering({
        getIncidentReview: async () => {
          throw new Error('Pulse is down');
        },
      }),
    );
    expect(await screen.findByText(/Could not load the incident review/)).toBeInTheDocument();
  });
});
