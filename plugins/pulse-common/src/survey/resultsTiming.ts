import { SurveyOpenResults } from './types';

/**
 * When a round's results appear, in the words the survey tab and the platform page use: never per answer, so that
 * reading results before and after a colleague answers shows nothing of theirs.
 */
export function surveyResultsTiming(openResults: SurveyOpenResults, minRespondents: number): string {
  return openResults === 'closed'
    ? 'Results show when the round closes.'
    : `Results show after every ${minRespondents} responses on an entity; optional questions and participation when the round closes.`;
}
