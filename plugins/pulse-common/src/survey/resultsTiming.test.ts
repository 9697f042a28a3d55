import { surveyResultsTiming } from './resultsTiming';

describe('surveyResultsTiming', () => {
  it('says results show when the round closes in closed mode', () => {
    expect(surveyResultsTiming('closed', 5)).toBe('Results show when the round closes.');
  });
  it('says results show after every minRespondents responses in batched mode', () => {
    expect(surveyResultsTiming('batched', 7)).toContain('after every 7 responses');
  });
});
