import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { netPromoterScore, SurveyOverview, wilsonInterval } from '@pulse/plugin-pulse-common';
import { fireEvent, screen } from '@testing-library/react';
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
  createdBy: 'user:default/ada',
  createdAt: '2026-10-01T00:00:00.000Z',
};

const overview: SurveyOverview = {
  round,
  previousRound: { ...round, id: 2, title: 'Developer experience, round 2' },
  minRespondents: 5,
  overall: { ref: 'round', hidden: false, respondents: 26 },
  teams: [
    {
      ref: 'group:default/payments',
      hidden: false,
      respondents: 8,
      satisfaction: { mean: 4.125, favorable: wilsonInterval(6, 8) },
      nps: netPromoterScore({ promoters: 6, passives: 3, detractors: 1 }),
      participation: { audienceSize: 8, participants: 8, rate: 1 },
    },
    { ref: 'group:default/mobile', hidden: true, reason: 'Fewer than 5 responses' },
  ],
  entities: [{ ref: 'component:default/checkout', groupRef: 'group:default/payments', hidden: false, respondents: 8 }],
  painPoints: [
    { choiceId: 'code-review-wait', label: 'Waiting for code review', count: 13, share: 0.5, previousShare: 0.25, change: 0.25 },
  ],
  trend: [],
};

describe('SurveyPlatformPage', () => {
  it('lists teams with scores, hidden teams with the reason, pain points with their change, and exports CSV', async () => {
    const getOverviewCsv = jest.fn().mockResolvedValue('section,ref\n');
    (global as any).URL.createObjectURL = jest.fn(() => 'blob:csv');
    (global as any).URL.revokeObjectURL = jest.fn();
    const api: Partial<SurveyApi> = { getOverview: jest.fn().mockResolvedValue(overview), getOverviewCsv };
    await renderInTestApp(
      <TestApiProvider apis={[[pulseSurveyApiRef, api]]}>
        <SurveyPlatformPage />
      </TestApiProvider>,
    );
    expect(await screen.findByText('Developer experience, round 3')).toBeInTheDocument();
    expect(screen.getByText('group:default/payments')).toBeInTheDocument();
    expect(screen.getByText('4.1')).toBeInTheDocument();
    // 6 of 8 favorable: Wilson 41-93%; NPS 50 +- 41.6.
    expect(screen.getByText('75% (41–93%)')).toBeInTheDocument();
    expect(screen.getByText('+50 (+8 to +92)')).toBeInTheDocument();
    expect(screen.getByText('Fewer than 5 responses')).toBeInTheDocument();
    expect(screen.getByText('Waiting for code review')).toBeInTheDocument();
    expect(screen.getByText('13 (50%)')).toBeInTheDocument();
    expect(screen.getByText('+25 pts')).toBeInTheDocument();
    expect(screen.getByText('component:default/checkout')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(getOverviewCsv).toHaveBeenCalledWith(3);
  });

  it('explains how to start when no round has opened', async () => {
    const api: Partial<SurveyApi> = {
      getOverview: jest.fn().mockResolvedValue({ ...overview, round: null, teams: [], entities: [], painPoints: [] }),
    };
    await renderInTestApp(
      <TestApiProvider apis={[[pulseSurveyApiRef, api]]}>
        <SurveyPlatformPage />
      </TestApiProvider>,
    );
    expect(await screen.findByText('No survey round has opened yet')).toBeInTheDocument();
  });
});
