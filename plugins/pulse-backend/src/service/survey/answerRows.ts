import { SurveyAnswerValue } from '@pulse/plugin-pulse-common';
import { SurveyRepository } from '@pulse/plugin-pulse-node';

type StoredAnswer = Parameters<SurveyRepository['responses']['submit']>[0]['answers'][number];

/** The stored rows of answers: one per number, per picked choice (a marker row when none is picked) and per text. */
export function surveyAnswerRows(answers: Array<[questionId: string, value: SurveyAnswerValue]>): StoredAnswer[] {
  return answers.flatMap(([questionId, value]): StoredAnswer[] => {
    if (typeof value === 'number') return [{ questionId, valueNumber: value }];
    if (typeof value === 'string') return [{ questionId, valueText: value }];
    return value.length === 0 ? [{ questionId }] : value.map(choice => ({ questionId, choice }));
  });
}
