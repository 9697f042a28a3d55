import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  defaultSurveyTemplate,
  netPromoterScore,
  surveyQuestionResult,
  SurveyEntityView,
  wilsonInterval,
} from '@pulse/plugin-pulse-common';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { pulseSurveyApiRef, SurveyApi } from '../../api/SurveyApi';
import { EntitySurveyContent } from './EntitySurveyContent';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout', namespace: 'default' },
  spec: { owner: 'group:default/payments' },
};

const round = {
  id: 7,
  templateId: defaultSurveyTemplate.id,
  title: 'Developer experience, round 4',
  target: { type: 'components' as const },
  opensAt: '2026-11-01T00:00:00.000Z',
  closesAt: '2026-11-30T00:00:00.000Z',
  status: 'open' as const,
  templateVersion: 1,
  audience: 'owners' as const,
  createdBy: 'user:default/ada',
  createdAt: '2026-11-01T00:00:00.000Z',
};

const satisfaction = surveyQuestionResult(
  defaultSurveyTemplate.questions[0],
  { answered: 5, distribution: { '1': 1, '3': 1, '4': 2, '5': 1 } },
  { minRespondents: 5 },
);

/** Results of 5 responses: satisfaction 3.4 with 60% favorable (23-88%), NPS 0 (-57 to +57), 5 of 8 took part. */
const shownView: SurveyEntityView = {
  entityRef: 'component:default/checkout',
  round: null,
  hasResponded: false,
  results: {
    roundId: 7,
    scope: { type: 'entity', entityRef: 'component:default/checkout' },
    hidden: false,
    respondents: 5,
    satisfaction: { mean: 3.4, favorable: wilsonInterval(3, 5) },
    nps: netPromoterScore({ promoters: 2, passives: 1, detractors: 2 }),
    questions: [satisfaction],
    participation: { audienceSize: 8, participants: 5, rate: 0.625 },
  },
  trend: [],
  minRespondents: 5,
  openResults: 'batched',
};

function renderWith(api: Partial<SurveyApi>) {
  return renderInTestApp(
    <TestApiProvider apis={[[pulseSurveyApiRef, api]]}>
      <EntityProvider entity={entity}>
        <EntitySurveyContent />
      </EntityProvider>
    </TestApiProvider>,
  );
}

describe('EntitySurveyContent', () => {
  it('shows the results with scores, intervals, NPS and participation', async () => {
    await renderWith({ getEntitySurvey: jest.fn().mockResolvedValue(shownView) });
    expect(await screen.findByText('Results')).toBeInTheDocument();
    expect(screen.getAllByText('3.4').length).toBeGreaterThan(0);
    expect(screen.getAllByText('60% (23–88%)').length).toBeGreaterThan(0);
    expect(screen.getByText('0 (-57 to +57)')).toBeInTheDocument();
    expect(screen.getByText('63% (5 of 8)')).toBeInTheDocument();
  });

  it('says why results are hidden', async () => {
    await renderWith({
      getEntitySurvey: jest.fn().mockResolvedValue({
        ...shownView,
        results: { roundId: 7, scope: shownView.results!.scope, hidden: true, reason: 'Fewer than 5 responses' },
      }),
    });
    expect(await screen.findByText('Results hidden: Fewer than 5 responses.')).toBeInTheDocument();
  });

  it('explains what to do when there is no round and no results', async () => {
    await renderWith({ getEntitySurvey: jest.fn().mockResolvedValue({ ...shownView, results: null }) });
    expect(await screen.findByText('No survey round is open')).toBeInTheDocument();
  });

  it('shows the form, submits the answers and thanks the user', async () => {
    const open: SurveyEntityView = {
      ...shownView,
      round: { ...round, template: defaultSurveyTemplate },
      results: null,
    };
    const getEntitySurvey = jest
      .fn()
      .mockResolvedValueOnce(open)
      .mockResolvedValue({ ...shownView, round: open.round, hasResponded: true });
    const submitResponse = jest.fn().mockResolvedValue({ roundId: 7, entityRef: open.entityRef });
    await renderWith({ getEntitySurvey, submitResponse });

    const submit = await screen.findByRole('button', { name: 'Submit' });
    expect(submit).toBeDisabled();
    const pick = (prompt: string, value: string) => {
      const group = screen.getByRole('radiogroup', { name: prompt });
      fireEvent.click(group.querySelector(`input[value="${value}"]`)!);
    };
    defaultSurveyTemplate.questions
      .filter(q => q.type === 'scale')
      .forEach(q => pick(q.prompt, '4'));
    pick(defaultSurveyTemplate.questions[1].prompt, '9');
    fireEvent.click(screen.getByLabelText('Slow builds'));
    fireEvent.change(screen.getByLabelText(defaultSurveyTemplate.questions[9].prompt), {
      target: { value: 'Faster CI' },
    });
    expect(submit).toBeEnabled();
    fireEvent.click(submit);

    await waitFor(() => expect(submitResponse).toHaveBeenCalled());
    expect(submitResponse).toHaveBeenCalledWith(7, {
      entityRef: 'component:default/checkout',
      answers: {
        satisfaction: 4,
        nps: 9,
        'ease-of-shipping': 4,
        'feedback-speed': 4,
        documentation: 4,
        'cognitive-load': 4,
        'focus-time': 4,
        'on-call': 4,
        'pain-points': ['slow-builds'],
        'one-change': 'Faster CI',
      },
    });
    expect(await screen.findByText('Thank you for answering!')).toBeInTheDocument();
    expect(await screen.findByText('Results')).toBeInTheDocument();
  });
});
