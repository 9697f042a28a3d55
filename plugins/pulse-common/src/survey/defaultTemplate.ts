import { SurveyQuestion, SurveyTemplate } from './types';

/** Id of the template that ships with Pulse and is upserted into the store at start. */
export const DEFAULT_SURVEY_TEMPLATE_ID = 'developer-experience-5min';

const agreementScale = (
  id: string,
  prompt: string,
  minLabel: string,
  maxLabel: string,
): SurveyQuestion => ({ id, type: 'scale', prompt, required: true, min: 1, max: 5, minLabel, maxLabel });

/**
 * The five-minute developer-experience survey: satisfaction and NPS, then the DevEx drivers (feedback loops, cognitive
 * load, flow) and SPACE's well-being (on-call), pain points and one free-text question.
 */
export const defaultSurveyTemplate: SurveyTemplate = {
  id: DEFAULT_SURVEY_TEMPLATE_ID,
  title: 'Developer experience (5 minutes)',
  description:
    'Ten questions on satisfaction, feedback loops, cognitive load and flow, after SPACE (Forsgren et al., 2021) and DevEx (Noda et al., 2023).',
  questions: [
    agreementScale(
      'satisfaction',
      'Overall, how satisfied are you with your experience of working on this service?',
      'Very dissatisfied',
      'Very satisfied',
    ),
    {
      id: 'nps',
      type: 'nps',
      prompt: 'How likely are you to recommend working on this service to a fellow engineer?',
      required: true,
      minLabel: 'Not at all likely',
      maxLabel: 'Extremely likely',
    },
    agreementScale('ease-of-shipping', 'How easy is it to ship a change to production?', 'Very hard', 'Very easy'),
    agreementScale(
      'feedback-speed',
      'How satisfied are you with the speed of build and test feedback?',
      'Very dissatisfied',
      'Very satisfied',
    ),
    agreementScale(
      'documentation',
      'How well does the documentation help you get your work done?',
      'Not at all',
      'Very well',
    ),
    agreementScale(
      'cognitive-load',
      'How manageable is the amount you must keep in your head to make a change?',
      'Overwhelming',
      'Very manageable',
    ),
    agreementScale(
      'focus-time',
      'How often do you get long stretches of focus time without interruptions?',
      'Almost never',
      'Almost always',
    ),
    agreementScale('on-call', 'How sustainable is the on-call burden?', 'Unsustainable', 'Very sustainable'),
    {
      id: 'pain-points',
      type: 'choice',
      prompt: 'What slows you down most? Pick all that apply.',
      required: false,
      multiple: true,
      choices: [
        { id: 'slow-builds', label: 'Slow builds' },
        { id: 'flaky-tests', label: 'Flaky tests' },
        { id: 'code-review-wait', label: 'Waiting for code review' },
        { id: 'deployment-friction', label: 'Deployment friction' },
        { id: 'local-environment', label: 'Hard to run locally' },
        { id: 'missing-docs', label: 'Missing or outdated documentation' },
        { id: 'unclear-ownership', label: 'Unclear ownership' },
        { id: 'interruptions', label: 'Meetings and interruptions' },
        { id: 'noisy-alerts', label: 'Noisy alerts and pages' },
        { id: 'tech-debt', label: 'Technical debt' },
      ],
    },
    {
      id: 'one-change',
      type: 'text',
      prompt: 'What one thing should change to make your work here easier?',
      required: false,
    },
  ],
};
