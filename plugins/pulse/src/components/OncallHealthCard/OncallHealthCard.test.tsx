import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { OncallHealth } from '@pulse/plugin-pulse-common';
import { screen, within } from '@testing-library/react';
import { OncallApi, pulseOncallApiRef } from '../../api/OncallApi';
import { EntityOncallHealthCard } from './OncallHealthCard';

const metric = (value: number | null, reading: OncallHealth['metrics']['noise']['reading'], unit = '') => ({ value, unit, reading, sampleSize: 7 });

/** The payments figures of the backend's router test (service/oncall/router.test.ts). */
const payments: OncallHealth = {
  ref: 'group:default/payments',
  window: { from: '2026-10-18T22:00:00.000Z', to: '2026-11-01T23:00:00.000Z', days: 14 },
  timeZone: 'Europe/Berlin',
  pages: 7,
  reading: 'warning',
  metrics: {
    pagesPerWeek: metric(3.5, null),
    pagesPerShift: { ...metric(0.36, 'healthy'), median: 0.25 },
    offHoursPagesPerWeek: { ...metric(2.5, 'warning'), share: 71.43 },
    nightPagesPerWeek: { ...metric(1.5, 'warning'), share: 42.86 },
    timeToAcknowledge: { ...metric(5, 'healthy'), p90: 16 },
    noise: metric(14.29, 'healthy'),
    fairness: { ...metric(0.444, 'warning'), busiestShare: 66.67 },
  },
  weekly: [
    { start: '2026-10-18T22:00:00.000Z', end: '2026-10-25T23:00:00.000Z', pages: 5, offHoursPages: 4, nightPages: 3, shifts: 14, pagesPerShift: 0.36 },
    { start: '2026-10-25T23:00:00.000Z', end: '2026-11-01T23:00:00.000Z', pages: 2, offHoursPages: 1, nightPages: 0, shifts: 14, pagesPerShift: 0.14 },
  ],
};

const group: Entity = { apiVersion: 'backstage.io/v1alpha1', kind: 'Group', metadata: { name: 'payments', namespace: 'default' }, spec: {} };
const component: Entity = { apiVersion: 'backstage.io/v1alpha1', kind: 'Component', metadata: { name: 'search', namespace: 'default' }, spec: {} };

const renderCard = (entity: Entity, api: Partial<OncallApi>) =>
  renderInTestApp(
    <TestApiProvider apis={[[pulseOncallApiRef, api]]}>
      <EntityProvider entity={entity}>
        <EntityOncallHealthCard />
      </EntityProvider>
    </TestApiProvider>,
  );

describe('EntityOncallHealthCard', () => {
  it('shows the team’s figures with their readings, the weekly numbers and the survey score beside them', async () => {
    const getSurveyScore = jest.fn().mockResolvedValue({ roundTitle: 'Q3 pulse', mean: 2.4, count: 8 });
    await renderCard(group, { getGroupHealth: jest.fn().mockResolvedValue(payments), getSurveyScore });

    expect(getSurveyScore).toHaveBeenCalledWith({ groupRef: 'group:default/payments' });
    expect(screen.getByText('7 pages in the last 14 days, hours in Europe/Berlin')).toBeInTheDocument();
    const row = (key: string) => within(screen.getByTestId(`oncall-${key}`));
    expect(row('pagesPerShift').getByText('0.36 worst week, 0.25 median week')).toBeInTheDocument();
    expect(row('pagesPerShift').getByText('Healthy')).toBeInTheDocument();
    expect(row('offHoursPagesPerWeek').getByText('2.5 (71 % of pages)')).toBeInTheDocument();
    expect(row('offHoursPagesPerWeek').getByText('Warning')).toBeInTheDocument();
    expect(row('timeToAcknowledge').getByText('5 min median, 16 min p90')).toBeInTheDocument();
    expect(row('fairness').getByText('0.44; busiest person 67 % of pages')).toBeInTheDocument();
    // The chart's text alternative: one row per week with its numbers.
    const chart = within(screen.getByTestId('oncall-weekly'));
    expect(chart.getByRole('row', { name: '2026-10-18 5 4 3 0.36' })).toBeInTheDocument();
    expect(screen.getByTestId('oncall-survey-score')).toHaveTextContent('2.4 of 5 from 8 answers');
  });

  it('says why the survey score is not shown', async () => {
    const hidden = { roundTitle: 'Q3 pulse', hidden: 'Fewer than 5 responses: results are hidden to keep answers anonymous' };
    await renderCard(group, { getGroupHealth: jest.fn().mockResolvedValue(payments), getSurveyScore: jest.fn().mockResolvedValue(hidden) });
    expect(screen.getByText(/on-call burden: Fewer than 5 responses/)).toBeInTheDocument();
  });

  it('stays off a component’s overview while the component has no pages', async () => {
    const quiet = { ...payments, ref: 'component:default/search', pages: 0 };
    await renderCard(component, { getEntityHealth: jest.fn().mockResolvedValue(quiet), getSurveyScore: jest.fn().mockResolvedValue(undefined) });
    expect(screen.queryByText('On-call health')).not.toBeInTheDocument();
  });
});
