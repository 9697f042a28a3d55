import { SurveyAnswerValue, SurveyQuestion } from './types';

/** Longest free-text answer accepted. */
export const SURVEY_TEXT_MAX_LENGTH = 2000;

/** The NPS question's scale: 0 to 10. */
export const NPS_MIN = 0;
export const NPS_MAX = 10;

/** A rejected answer, naming its question. */
export interface SurveyAnswerError {
  questionId: string;
  message: string;
}

/** The lowest and highest points of a numeric question. */
export function surveyScaleOf(question: SurveyQuestion): { min: number; max: number } {
  return question.type === 'nps'
    ? { min: NPS_MIN, max: NPS_MAX }
    : { min: question.min ?? 1, max: question.max ?? 5 };
}

/** Whether an answer counts as not given (optional questions may be skipped). */
function isBlank(value: SurveyAnswerValue | undefined | null): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function valueError(question: SurveyQuestion, value: SurveyAnswerValue): string | undefined {
  switch (question.type) {
    case 'scale':
    case 'nps': {
      const { min, max } = surveyScaleOf(question);
      if (typeof value !== 'number' || !Number.isInteger(value)) {
        return `must be a whole number from ${min} to ${max}`;
      }
      return value < min || value > max ? `must be from ${min} to ${max}, got ${value}` : undefined;
    }
    case 'choice': {
      if (!Array.isArray(value) || value.some(v => typeof v !== 'string')) {
        return 'must be a list of choice ids';
      }
      const known = new Set((question.choices ?? []).map(c => c.id));
      const unknown = value.filter(v => !known.has(v));
      if (unknown.length > 0) return `unknown choice '${unknown[0]}'`;
      if (new Set(value).size !== value.length) return 'lists a choice twice';
      if (!question.multiple && value.length > 1) return 'allows one choice only';
      return question.required && value.length === 0 ? 'is required' : undefined;
    }
    case 'text':
      if (typeof value !== 'string') return 'must be a string';
      return value.length > SURVEY_TEXT_MAX_LENGTH
        ? `must be at most ${SURVEY_TEXT_MAX_LENGTH} characters`
        : undefined;
    default:
      return 'has an unknown question type';
  }
}

/**
 * Every problem with a set of answers: unknown questions, missing required answers, wrong types and out-of-scale
 * values. Empty when the answers may be stored.
 */
export function surveyAnswerErrors(
  questions: SurveyQuestion[],
  answers: Record<string, SurveyAnswerValue | null | undefined>,
): SurveyAnswerError[] {
  const byId = new Map(questions.map(q => [q.id, q]));
  const errors: SurveyAnswerError[] = Object.keys(answers)
    .filter(id => !byId.has(id))
    .map(questionId => ({ questionId, message: 'is not a question of this survey' }));
  for (const question of questions) {
    const value = answers[question.id];
    if (isBlank(value)) {
      if (question.required) errors.push({ questionId: question.id, message: 'is required' });
      continue;
    }
    const message = valueError(question, value as SurveyAnswerValue);
    if (message) errors.push({ questionId: question.id, message });
  }
  return errors;
}

/** The answers worth storing: blanks of optional questions dropped, free text trimmed. */
export function surveyAnswersToStore(
  questions: SurveyQuestion[],
  answers: Record<string, SurveyAnswerValue | null | undefined>,
): Array<{ question: SurveyQuestion; value: SurveyAnswerValue }> {
  return questions.flatMap(question => {
    const value = answers[question.id];
    if (isBlank(value)) return [];
    return [{ question, value: typeof value === 'string' ? value.trim() : (value as SurveyAnswerValue) }];
  });
}
