import { rankSurveyPainPoints } from './painPoints';
import { defaultSurveyTemplate } from './defaultTemplate';
import { clampSurveyThresholds, surveyRoundStatus } from './rounds';

describe('surveyRoundStatus', () => {
  const round = { opensAt: 1000, closesAt: 2000, closedAt: null };
  it.each([
    [999, 'scheduled'],
    [1000, 'open'],
    [1999, 'open'],
    [2000, 'closed'],
  ])('at %d is %s', (now, status) => {
    expect(surveyRoundStatus(round, now)).toBe(status);
  });
  it('is closed once a manager closed it, even before it opened', () => {
    expect(surveyRoundStatus({ ...round, closedAt: 1500 }, 1200)).toBe('closed');
    expect(surveyRoundStatus({ ...round, closedAt: 500 }, 600)).toBe('closed');
  });
});

describe('clampSurveyThresholds', () => {
  it('defaults to 5 and 10', () => {
    expect(clampSurveyThresholds({})).toEqual({ minRespondents: 5, minTextRespondents: 10 });
  });
  it('never goes below 3, and free text never below the minimum', () => {
    expect(clampSurveyThresholds({ minRespondents: 1 })).toEqual({ minRespondents: 3, minTextRespondents: 10 });
    expect(clampSurveyThresholds({ minRespondents: 8, minTextRespondents: 4 })).toEqual({
      minRespondents: 8,
      minTextRespondents: 8,
    });
    expect(clampSurveyThresholds({ minRespondents: 3.2 })).toEqual({ minRespondents: 4, minTextRespondents: 10 });
  });
});

describe('rankSurveyPainPoints', () => {
  const painPoints = defaultSurveyTemplate.questions.find(q => q.id === 'pain-points')!;
  it('ranks by count with shares over the responses that answered, and the change since last round', () => {
    const ranked = rankSurveyPainPoints(
      painPoints,
      { answered: 10, distribution: { 'flaky-tests': 3, 'slow-builds': 6 } },
      { answered: 20, distribution: { 'slow-builds': 4, 'flaky-tests': 8 } },
    );
    expect(ranked.map(p => [p.choiceId, p.count, p.share, p.previousShare])).toEqual([
      ['slow-builds', 6, 0.6, 0.2],
      ['flaky-tests', 3, 0.3, 0.4],
    ]);
    expect(ranked[0].change).toBeCloseTo(0.4, 10);
    expect(ranked[1].change).toBeCloseTo(-0.1, 10);
    expect(ranked[0].label).toBe('Slow builds');
  });
  it('keeps the template order on ties and has no change without a previous round', () => {
    const ranked = rankSurveyPainPoints(painPoints, { answered: 5, distribution: { 'tech-debt': 2, 'slow-builds': 2 } });
    expect(ranked.map(p => p.choiceId)).toEqual(['slow-builds', 'tech-debt']);
    expect(ranked[0]).not.toHaveProperty('change');
    expect(rankSurveyPainPoints(painPoints, { answered: 0, distribution: {} })).toEqual([]);
  });
});
