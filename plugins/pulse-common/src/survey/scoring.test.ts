import { defaultSurveyTemplate } from './defaultTemplate';
import { netPromoterScore, npsCounts, surveyHeadline, surveyQuestionResult, wilsonInterval } from './scoring';

const question = (id: string) => defaultSurveyTemplate.questions.find(q => q.id === id)!;

describe('wilsonInterval', () => {
  it('matches the hand-computed interval for 3 favorable of 5', () => {
    // p = 0.6, z^2 = 3.8416: (0.6 + 0.38416 -+ 1.96 x sqrt(0.048 + 0.038416)) / 1.76832
    const { share, low, high } = wilsonInterval(3, 5);
    expect(share).toBe(0.6);
    expect(low).toBeCloseTo(0.230720, 5);
    expect(high).toBeCloseTo(0.882382, 5);
  });

  it('is not zero-width at 0% and 100%, and stays inside [0, 1]', () => {
    // 0 of 5: high = (0.38416 + 1.96 x sqrt(0.038416)) / 1.76832 = 0.768320 / 1.76832
    expect(wilsonInterval(0, 5)).toEqual({ share: 0, low: 0, high: expect.closeTo(0.434491, 5) });
    const all = wilsonInterval(5, 5);
    expect(all.share).toBe(1);
    expect(all.low).toBeCloseTo(0.565509, 5);
    expect(all.high).toBe(1);
  });

  it('narrows as n grows: 1 of 10', () => {
    const { low, high } = wilsonInterval(1, 10);
    expect(low).toBeCloseTo(0.017876, 5);
    expect(high).toBeCloseTo(0.404156, 5);
  });

  it('gives an empty interval for no answers', () => {
    expect(wilsonInterval(0, 0)).toEqual({ share: 0, low: 0, high: 0 });
  });
});

describe('netPromoterScore', () => {
  it('is 0 +- 78.4 for 2 promoters, 1 passive and 2 detractors', () => {
    // p = d = 0.4: Var = 10000 x (0.8 - 0) / 5 = 1600, sd 40, 1.96 x 40 = 78.4
    const nps = netPromoterScore({ promoters: 2, passives: 1, detractors: 2 })!;
    expect(nps.score).toBeCloseTo(0, 10);
    expect(nps.low).toBeCloseTo(-78.4, 10);
    expect(nps.high).toBeCloseTo(78.4, 10);
    expect([nps.promoters, nps.passives, nps.detractors]).toEqual([0.4, 0.2, 0.4]);
  });

  it('is +50 for 6 promoters, 3 passives, 1 detractor with the textbook variance', () => {
    // p = 0.6, d = 0.1: Var = 10000 x (0.7 - 0.25) / 10 = 450, 1.96 x sqrt(450) = 41.5779
    const nps = netPromoterScore({ promoters: 6, passives: 3, detractors: 1 })!;
    expect(nps.score).toBeCloseTo(50, 10);
    expect(nps.low).toBeCloseTo(8.4221, 4);
    expect(nps.high).toBeCloseTo(91.5779, 4);
  });

  it('clamps the interval to -100..+100', () => {
    // all promoters: Var = 10000 x (1 - 1) / 3 = 0; 9 promoters, 1 detractor: 80 +- 1.96 x sqrt(10000 x (1 - 0.64) / 10)
    expect(netPromoterScore({ promoters: 3, passives: 0, detractors: 0 })).toMatchObject({
      score: 100,
      low: 100,
      high: 100,
    });
    const nps = netPromoterScore({ promoters: 9, passives: 0, detractors: 1 })!;
    expect(nps.score).toBeCloseTo(80, 10);
    expect(nps.low).toBeCloseTo(80 - 1.96 * Math.sqrt(360), 10);
    expect(nps.high).toBe(100);
  });

  it('is null without answers: no score, rather than a score of 0', () => {
    expect(netPromoterScore({ promoters: 0, passives: 0, detractors: 0 })).toBeNull();
  });
});

describe('npsCounts', () => {
  it('puts 9-10 in promoters, 7-8 in passives and 0-6 in detractors', () => {
    expect(npsCounts({ '0': 1, '6': 2, '7': 3, '8': 1, '9': 4, '10': 5 })).toEqual({
      promoters: 9,
      passives: 4,
      detractors: 3,
    });
  });
});

describe('surveyQuestionResult', () => {
  it('scores a 1-5 scale: mean, distribution and top-2-box', () => {
    const result = surveyQuestionResult(
      question('satisfaction'),
      { answered: 5, distribution: { '1': 1, '3': 1, '4': 2, '5': 1 } },
      { minRespondents: 5 },
    );
    expect(result.count).toBe(5);
    expect(result.mean).toBeCloseTo(17 / 5, 10);
    expect(result.distribution!.map(d => [d.value, d.count, d.share])).toEqual([
      ['1', 1, 0.2],
      ['2', 0, 0],
      ['3', 1, 0.2],
      ['4', 2, 0.4],
      ['5', 1, 0.2],
    ]);
    expect(result.distribution![0].label).toBe('Very dissatisfied');
    expect(result.favorable!.share).toBe(0.6);
    expect(result.favorable!.low).toBeCloseTo(0.230720, 5);
  });

  it('counts only the top point as favorable on a 1-3 scale: all-neutral answers are 0% favorable', () => {
    // 1-3 has 3 points (< 5): top-box. Four answers of 2 (neutral): 0 of 4 favorable (top-2-box said 100%).
    const neutral = surveyQuestionResult(
      { id: 'q', type: 'scale', prompt: 'OK?', required: true, min: 1, max: 3 },
      { answered: 4, distribution: { '2': 4 } },
      { minRespondents: 3 },
    );
    expect(neutral.favorable!.share).toBe(0);
    // 1-4 (4 points) is top-box too: 1 of 4 answered 4, the two 3s are not favorable -> 0.25.
    const four = surveyQuestionResult(
      { id: 'q', type: 'scale', prompt: 'OK?', required: true, min: 1, max: 4 },
      { answered: 4, distribution: { '2': 1, '3': 2, '4': 1 } },
      { minRespondents: 3 },
    );
    expect(four.favorable!.share).toBe(0.25);
  });

  it('uses the top two points of a scale of 5 or more points as favorable (6 and 7 of 1-7)', () => {
    const result = surveyQuestionResult(
      { id: 'ci', type: 'scale', prompt: 'CI?', required: true, min: 1, max: 7 },
      { answered: 4, distribution: { '5': 2, '6': 1, '7': 1 } },
      { minRespondents: 3 },
    );
    expect(result.favorable!.share).toBe(0.5);
    expect(result.distribution).toHaveLength(7);
  });

  it('scores NPS with its mean and interval', () => {
    const result = surveyQuestionResult(
      question('nps'),
      { answered: 5, distribution: { '10': 1, '9': 1, '8': 1, '6': 1, '3': 1 } },
      { minRespondents: 5 },
    );
    expect(result.mean).toBeCloseTo(36 / 5, 10);
    expect(result.distribution).toHaveLength(11);
    expect(result.nps!.score).toBeCloseTo(0, 10);
    expect(result.nps!.high).toBeCloseTo(78.4, 10);
  });

  it('shares each choice over the responses that answered', () => {
    const result = surveyQuestionResult(
      question('pain-points'),
      { answered: 8, distribution: { 'slow-builds': 6, 'flaky-tests': 2 } },
      { minRespondents: 5 },
    );
    expect(result.distribution!.slice(0, 3).map(d => [d.value, d.count, d.share])).toEqual([
      ['slow-builds', 6, 0.75],
      ['flaky-tests', 2, 0.25],
      ['code-review-wait', 0, 0],
    ]);
  });

  it('hides a question that fewer than the minimum answered: no numbers', () => {
    expect(
      surveyQuestionResult(question('pain-points'), { answered: 4, distribution: { 'slow-builds': 4 } }, { minRespondents: 5 }),
    ).toEqual({ questionId: 'pain-points', type: 'choice', prompt: question('pain-points').prompt, count: 4, hidden: true });
  });

  it('shows free text only when given the comments, else the reason', () => {
    const text = question('one-change');
    expect(surveyQuestionResult(text, { answered: 2, distribution: {} }, { minRespondents: 5, comments: ['a', 'b'] }).comments).toEqual(['a', 'b']);
    expect(
      surveyQuestionResult(text, { answered: 2, distribution: {} }, { minRespondents: 5, commentsHiddenReason: 'too few' }),
    ).toMatchObject({ commentsHiddenReason: 'too few' });
  });
});

describe('surveyHeadline', () => {
  it('takes the first shown scale question and the first NPS question', () => {
    const satisfaction = surveyQuestionResult(question('satisfaction'), { answered: 5, distribution: { '4': 5 } }, { minRespondents: 5 });
    const nps = surveyQuestionResult(question('nps'), { answered: 5, distribution: { '10': 5 } }, { minRespondents: 5 });
    expect(surveyHeadline(5, [nps, satisfaction])).toEqual({
      respondents: 5,
      satisfaction: { mean: 4, favorable: satisfaction.favorable },
      nps: nps.nps,
    });
    expect(surveyHeadline(0, [])).toEqual({ respondents: 0 });
  });
});
