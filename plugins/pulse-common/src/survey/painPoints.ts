import { SurveyQuestionAggregate } from './scoring';
import { SurveyPainPoint, SurveyQuestion } from './types';

/**
 * The choices of a multiple-choice question ranked by how many picked them (ties by the template's order), with the
 * change of each share since the previous round when that round's aggregate is known.
 */
export function rankSurveyPainPoints(
  question: SurveyQuestion,
  current: SurveyQuestionAggregate,
  previous?: SurveyQuestionAggregate,
): SurveyPainPoint[] {
  if (current.answered === 0) return [];
  return (question.choices ?? [])
    .map(choice => {
      const count = current.distribution[choice.id] ?? 0;
      const share = count / current.answered;
      if (!previous || previous.answered === 0) return { choiceId: choice.id, label: choice.label, count, share };
      const previousShare = (previous.distribution[choice.id] ?? 0) / previous.answered;
      return { choiceId: choice.id, label: choice.label, count, share, previousShare, change: share - previousShare };
    })
    .filter(point => point.count > 0)
    .sort((a, b) => b.count - a.count);
}
