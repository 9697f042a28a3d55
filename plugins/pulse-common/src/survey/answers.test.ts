import { surveyAnswerErrors, surveyAnswersToStore } from './answers';
import { defaultSurveyTemplate } from './defaultTemplate';

const { questions } = defaultSurveyTemplate;
const complete = {
  satisfaction: 4,
  nps: 9,
  'ease-of-shipping': 3,
  'feedback-speed': 2,
  documentation: 5,
  'cognitive-load': 1,
  'focus-time': 4,
  'on-call': 3,
};

describe('surveyAnswerErrors', () => {
  it('accepts complete answers with optional ones skipped or given', () => {
    expect(surveyAnswerErrors(questions, complete)).toEqual([]);
    expect(
      surveyAnswerErrors(questions, { ...complete, 'pain-points': ['slow-builds', 'flaky-tests'], 'one-change': 'CI' }),
    ).toEqual([]);
    expect(surveyAnswerErrors(questions, { ...complete, 'pain-points': [], 'one-change': '  ' })).toEqual([]);
  });

  it.each([
    [{ satisfaction: 0 }, 'satisfaction', 'must be from 1 to 5, got 0'],
    [{ satisfaction: 6 }, 'satisfaction', 'must be from 1 to 5, got 6'],
    [{ satisfaction: 4.5 }, 'satisfaction', 'must be a whole number from 1 to 5'],
    [{ satisfaction: '4' }, 'satisfaction', 'must be a whole number from 1 to 5'],
    [{ nps: -1 }, 'nps', 'must be from 0 to 10, got -1'],
    [{ nps: 11 }, 'nps', 'must be from 0 to 10, got 11'],
    [{ 'pain-points': 'slow-builds' }, 'pain-points', 'must be a list of choice ids'],
    [{ 'pain-points': ['slow-builds', 'slow-builds'] }, 'pain-points', 'lists a choice twice'],
    [{ 'pain-points': ['bad-coffee'] }, 'pain-points', "unknown choice 'bad-coffee'"],
    [{ 'one-change': 42 }, 'one-change', 'must be a string'],
    [{ 'one-change': 'x'.repeat(2001) }, 'one-change', 'must be at most 2000 characters'],
    [{ mood: 3 }, 'mood', 'is not a question of this survey'],
  ])('rejects %j naming %s', (change, questionId, message) => {
    expect(surveyAnswerErrors(questions, { ...complete, ...change })).toEqual([{ questionId, message }]);
  });

  it('names every missing required question', () => {
    expect(surveyAnswerErrors(questions, { satisfaction: 3 }).map(e => e.questionId)).toEqual([
      'nps',
      'ease-of-shipping',
      'feedback-speed',
      'documentation',
      'cognitive-load',
      'focus-time',
      'on-call',
    ]);
    expect(surveyAnswerErrors(questions, { ...complete, nps: null })).toEqual([{ questionId: 'nps', message: 'is required' }]);
  });

  it('allows one choice only on a single-choice question and requires one when required', () => {
    const single = [{ id: 'team', type: 'choice' as const, prompt: 'Team?', required: true, choices: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }] }];
    expect(surveyAnswerErrors(single, { team: ['a', 'b'] })).toEqual([{ questionId: 'team', message: 'allows one choice only' }]);
    expect(surveyAnswerErrors(single, { team: [] })).toEqual([{ questionId: 'team', message: 'is required' }]);
  });
});

describe('surveyAnswersToStore', () => {
  it('drops blank optional answers and trims text', () => {
    const stored = surveyAnswersToStore(questions, { ...complete, 'one-change': '  faster CI ', 'pain-points': [] });
    expect(stored.map(s => [s.question.id, s.value])).toEqual([
      ...Object.entries(complete),
      ['pain-points', []],
      ['one-change', 'faster CI'],
    ]);
    expect(surveyAnswersToStore(questions, { ...complete, 'one-change': ' ' })).toHaveLength(8);
  });
});
