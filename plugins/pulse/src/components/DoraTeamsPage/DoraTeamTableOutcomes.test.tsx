import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { DoraTeamRow } from '@pulse/plugin-pulse-common';
import { screen, within } from '@testing-library/react';
import { OutcomesApi, pulseOutcomesApiRef } from '../../api/OutcomesApi';
import { checkoutMetrics, checkoutWeekly, fullCoverage } from '../EntityDoraCard/doraFixtures';
import { DoraTeamTable } from './DoraTeamTable';

const team = (name: string): DoraTeamRow => ({
  groupRef: `group:default/${name}`,
  title: name,
  entityCount: 1,
  coverage: fullCoverage,
  tier: 'high',
  insufficientData: false,
  deployments: 9,
  metrics: checkoutMetrics,
  weekly: checkoutWeekly,
});

describe('DoraTeamTable outcomes column', () => {
  it('shows each team’s outcomes on track from one request, and "none" for a team without outcomes', async () => {
    const getTeamSummaries = jest.fn().mockResolvedValue({
      teams: [
        { groupRef: 'group:default/payments', total: 2, onTrack: 1, behind: 1, noData: 0, sentence: '1 of 2 outcomes on track' },
        { groupRef: 'group:default/search', total: 0, onTrack: 0, behind: 0, noData: 0, sentence: 'No outcomes defined' },
      ],
    });
    const api: Partial<OutcomesApi> = { getTeamSummaries };
    await renderInTestApp(
      <TestApiProvider apis={[[pulseOutcomesApiRef, api]]}>
        <DoraTeamTable title="Teams" teams={[team('payments'), team('search')]} days={90} />
      </TestApiProvider>,
    );
    expect(getTeamSummaries).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('columnheader', { name: /Outcomes/ })).toBeInTheDocument();
    const payments = within(screen.getByRole('link', { name: 'payments' }).closest('tr')!);
    expect(payments.getByTestId('outcomes-cell')).toHaveTextContent('1 of 2 on track');
    const search = within(screen.getByRole('link', { name: 'search' }).closest('tr')!);
    expect(search.getByText('none')).toBeInTheDocument();
  });
});
