import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { IncidentReviewResponse } from '@pulse/plugin-pulse-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useLocation } from 'react-router-dom';
import { DecisionsApi, pulseDecisionsApiRef } from '../../api/DecisionsApi';
import { checkoutOutstanding, decisionsApiAnswering } from '../EntityDecisions/decisionsFixtures';
import { IncidentReview, IncidentReviewPage } from './IncidentReviewPage';

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
      learnings: { text: 'Cache the rates\nand alert on misses', updatedBy: 'user:default/ada', updatedAt: '2026-11-22T09:30:00.000Z' },
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
      // 135 min = 2.25 h, shown under the duration policy as 2.3 h (hours under two days)
      '2 incidents, 2.3 h in total · 2 postmortems required, 1 done, 1 outstanding',
    );
    expect(getIncidentReview).toHaveBeenCalledWith({ month: '2026-11', groupRef: 'group:default/payments' });
    expect(screen.getByText('inc-42: Checkout 500s')).toBeInTheDocument();
    expect(screen.getByText('availability / 99%: 30.0%')).toBeInTheDocument();
    expect(screen.getByText('(by time)').parentElement).toHaveTextContent('dep-7 (by time)');
    expect(screen.getByText('outstanding')).toBeInTheDocument();
    expect(screen.getByText('latency / 95% under 300ms: 45.0%')).toBeInTheDocument();
    expect(screen.getByText('done').closest('a')).toHaveAttribute('href', 'https://wiki.example.com/pm/inc-43');
    // 120 min = 2.0 h; 15 min stays in minutes (under an hour)
    expect(screen.getByText('2.0 h')).toBeInTheDocument();
    expect(screen.getByText('15 min')).toBeInTheDocument();
  });

  it('explains "(by time)": the attribution rule, on hover or keyboard focus', async () => {
    await render();
    const byTime = await screen.findByTestId('review-attribution-by-time');
    expect(byTime.tagName).toBe('BUTTON');
    fireEvent.mouseOver(byTime);
    expect(await screen.findByRole('tooltip')).toHaveTextContent(/latest successful production deployment .* within the attribution window/);
  });

  it('sorts the incidents by a column when its header is clicked', async () => {
    await render();
    await screen.findByTestId('review-summary');
    const order = () => screen.getAllByRole('row').slice(1).map(row => within(row).getAllByRole('cell')[0].textContent);
    expect(order()).toEqual(['inc-42: Checkout 500s', 'inc-43']);
    // Duration ascending: inc-43 (15 min) before inc-42 (120 min).
    fireEvent.click(screen.getByRole('button', { name: 'Duration' }));
    expect(order()).toEqual(['inc-43', 'inc-42: Checkout 500s']);
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

describe('IncidentReview learnings and follow-up', () => {
  it('shows each incident\'s learnings with their author, and "Edit" only where the caller may edit', async () => {
    await render();
    const learnings = await screen.findAllByTestId('incident-learnings');
    // inc-42 has none; inc-43 has ada's, the line break kept, then who wrote it.
    expect(learnings[0]).toHaveTextContent('none yet');
    expect(learnings[1].textContent).toContain('Cache the rates\nand alert on misses');
    expect(learnings[1]).toHaveTextContent(/^Cache the rates and alert on misses\s*user:default\/ada, /);
    // canEdit: true for inc-42 only, so one Edit button.
    expect(screen.getAllByRole('button', { name: 'Edit' })).toHaveLength(1);
  });

  it('edits an incident in the dialog and reloads the review after Save', async () => {
    const getIncidentReview = jest.fn(async () => review);
    const updateIncidentFollowUp = jest.fn(async () => ({
      id: 'inc-42',
      entityRef: 'component:default/checkout',
      postmortemUrl: 'https://wiki.example.com/pm/inc-42',
      postmortemRequired: true,
      postmortemStatus: 'done' as const,
      learnings: null,
    }));
    await render(decisionsApiAnswering({ getIncidentReview, updateIncidentFollowUp }));
    fireEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    const dialog = within(await screen.findByTestId('postmortem-dialog'));
    fireEvent.change(dialog.getByLabelText('Postmortem URL'), { target: { value: 'https://wiki.example.com/pm/inc-42' } });
    fireEvent.click(dialog.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(getIncidentReview).toHaveBeenCalledTimes(2));
    expect(updateIncidentFollowUp).toHaveBeenCalledWith('inc-42', { postmortemUrl: 'https://wiki.example.com/pm/inc-42', learnings: null });
    await waitFor(() => expect(screen.queryByTestId('postmortem-dialog')).not.toBeInTheDocument());
  });

  it('exports the month as Markdown and CSV files fetched through the API client', async () => {
    const blobs: Blob[] = [];
    const names: string[] = [];
    const createObjectURL = jest.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:review';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function recordDownload(this: HTMLAnchorElement) {
      names.push(this.download);
    });
    const getIncidentReviewExport = jest.fn(async ({ format }: { format: 'md' | 'csv' }) => (format === 'md' ? '# Incident review' : 'id\n'));
    await render(decisionsApiAnswering({ getIncidentReview: async () => review, getIncidentReviewExport }));

    fireEvent.click(await screen.findByTestId('review-export-md'));
    await waitFor(() => expect(names).toEqual(['pulse-review-2026-11-payments.md']));
    fireEvent.click(screen.getByTestId('review-export-csv'));
    await waitFor(() => expect(names).toEqual(['pulse-review-2026-11-payments.md', 'pulse-review-2026-11-payments.csv']));
    expect(getIncidentReviewExport.mock.calls.map(([options]) => options)).toEqual([
      { month: '2026-11', groupRef: 'group:default/payments', format: 'md' },
      { month: '2026-11', groupRef: 'group:default/payments', format: 'csv' },
    ]);
    expect(await blobs[0].text()).toBe('# Incident review');
    expect(blobs[1].type).toBe('text/csv;charset=utf-8');
    expect(screen.getByTestId('review-export-md')).toHaveTextContent('Export Markdown');
    expect(screen.getByTestId('review-export-csv')).toHaveTextContent('Export CSV');
    click.mockRestore();
  });
});

/** Shows the current URL's query, to check that the month picker writes the month into it. */
const Search = () => <span data-testid="search">{useLocation().search}</span>;

describe('IncidentReviewPage', () => {
  it('reads the month from the URL and writes the picked month back into it', async () => {
    const getIncidentReview = jest.fn(async ({ month }: { month: string }) => ({ ...review, month, incidents: [] }));
    const api: DecisionsApi = decisionsApiAnswering({ getIncidentReview });
    await renderInTestApp(
      <TestApiProvider apis={[[pulseDecisionsApiRef, api]]}>
        <IncidentReviewPage />
        <Search />
      </TestApiProvider>,
      { routeEntries: ['/?month=2026-10'] },
    );
    expect(await screen.findByText('No production incidents in 2026-10')).toBeInTheDocument();
    expect(getIncidentReview).toHaveBeenCalledWith({ month: '2026-10', groupRef: undefined });

    fireEvent.change(screen.getByLabelText('Month'), { target: { value: '2026-09' } });
    expect(await screen.findByText('No production incidents in 2026-09')).toBeInTheDocument();
    expect(screen.getByTestId('search')).toHaveTextContent('?month=2026-09');
  });
});
