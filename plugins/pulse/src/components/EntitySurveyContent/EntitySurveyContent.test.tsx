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
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
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
  // Midday UTC, so the day reads 30 November in any time zone the tests run in.
  closesAt: '2026-11-30T12:00:00.000Z',
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
    // Never disabled: a disabled button is skipped by Tab and does not say what is missing.
    expect(submit).toBeEnabled();
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

  describe('the form', () => {
    const open: SurveyEntityView = { ...shownView, round: { ...round, template: defaultSurveyTemplate }, results: null };
    const [satisfactionQuestion, npsQuestion] = defaultSurveyTemplate.questions;
    const pick = (prompt: string, value: string) =>
      fireEvent.click(screen.getByRole('radiogroup', { name: prompt }).querySelector(`input[value="${value}"]`)!);

    it('shows when the round closes', async () => {
      await renderWith({ getEntitySurvey: jest.fn().mockResolvedValue(open) });
      expect(await screen.findByText(/This round closes on 30 November 2026 at \d\d:\d\d/)).toBeInTheDocument();
    });

    it('lists the unanswered questions next to Submit, each a link that focuses its question, and sends nothing', async () => {
      const submitResponse = jest.fn();
      await renderWith({ getEntitySurvey: jest.fn().mockResolvedValue(open), submitResponse });
      const summary = await screen.findByTestId('survey-missing-summary');
      expect(summary).toHaveAttribute('aria-live', 'polite');
      expect(summary).toBeEmptyDOMElement(); // nothing is said before Submit is pressed

      // Six of the eight required scales answered: satisfaction and NPS remain.
      defaultSurveyTemplate.questions.filter(q => q.type === 'scale' && q.id !== 'satisfaction').forEach(q => pick(q.prompt, '3'));
      fireEvent.click(screen.getByRole('button', { name: 'Submit' }));
      expect(summary).toHaveTextContent('2 questions still need an answer:');
      const links = within(summary).getAllByRole('button');
      expect(links.map(l => l.textContent)).toEqual([satisfactionQuestion.prompt, npsQuestion.prompt]);
      expect(submitResponse).not.toHaveBeenCalled();

      fireEvent.click(links[1]);
      // The NPS scale runs 0-10: its first radio takes the focus.
      const npsFirst = screen.getByRole('radiogroup', { name: npsQuestion.prompt }).querySelector('input[value="0"]');
      expect(npsFirst).toHaveFocus();

      // The summary follows the answers: one left, in the singular.
      pick(npsQuestion.prompt, '8');
      expect(summary).toHaveTextContent(/^1 question still needs an answer:/);
      expect(within(summary).getAllByRole('button').map(l => l.textContent)).toEqual([satisfactionQuestion.prompt]);
    });

    it('ties each scale end label to its radio and names each question by a legend', async () => {
      await renderWith({ getEntitySurvey: jest.fn().mockResolvedValue(open) });
      const group = await screen.findByRole('radiogroup', { name: satisfactionQuestion.prompt });
      const radios = within(group).getAllByRole('radio');
      expect(radios).toHaveLength(5);
      // A screen reader hears "1, Very dissatisfied" and "5, Very satisfied", not a bare number.
      expect(radios[0]).toHaveAccessibleDescription('Very dissatisfied');
      expect(radios[4]).toHaveAccessibleDescription('Very satisfied');
      expect(radios[2]).not.toHaveAccessibleDescription();
      expect(screen.getByRole('group', { name: `${satisfactionQuestion.prompt} *` })).toBeInTheDocument(); // the fieldset's legend
    });

    it('rings the radio that has keyboard focus', async () => {
      await renderWith({ getEntitySurvey: jest.fn().mockResolvedValue(open) });
      const group = await screen.findByRole('radiogroup', { name: satisfactionQuestion.prompt });
      const first = within(group).getAllByRole('radio')[0];
      fireEvent.keyDown(document.body, { key: 'Tab' }); // focus comes from the keyboard
      act(() => first.focus());
      const radio = first.closest('.MuiRadio-root')!;
      expect(radio).toHaveClass('Mui-focusVisible');
      // The ring: our class, added only in MUI's focus-visible state, is a 2 px outline (jsdom draws nothing, so the
      // rule is read from the style sheet).
      const ring = Array.from(radio.classList).find(c => /focusVisible-\d+$/.test(c));
      const rule = Array.from(document.styleSheets)
        .flatMap(sheet => Array.from(sheet.cssRules) as CSSStyleRule[])
        .find(r => r.selectorText === `.${ring}`);
      expect(rule?.style.outline).toMatch(/^2px solid/);
      act(() => first.blur());
      expect(radio.className).not.toMatch(/focusVisible/);
    });
  });

  it('says "you already answered this round" on an entity where the user did not answer', async () => {
    // The user answered round 7 on another service: the server says hasResponded for the round, wherever asked.
    await renderWith({
      getEntitySurvey: jest.fn().mockResolvedValue({
        ...shownView,
        round: { ...round, template: defaultSurveyTemplate },
        hasResponded: true,
      }),
    });
    expect(await screen.findByTestId('survey-already-answered')).toHaveTextContent(
      /^You already answered this round \(Developer experience, round 4\), here or on another entity/,
    );
    expect(screen.queryByRole('button', { name: 'Submit' })).toBeNull();
    expect(screen.getByText('Results')).toBeInTheDocument();
  });
});
