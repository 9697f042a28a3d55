import { defaultSurveyTemplate } from './defaultTemplate';
import { netPromoterScore, npsCounts, npsInterval, surveyHeadline, surveyQuestionResult, wilsonInterval } from './scoring';

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
  // Adjusted Wald: n' = n + 3, p' = (promoters + 0.75) / n', d' = (detractors + 0.75) / n',
  // interval 100 (p' - d') +- 196 x sqrt(((p' + d') - (p' - d')^2) / n'), clamped to -100..+100.

  it('five passives: 0, and an interval of real width (-30.0 to +30.0), not "0 (0 to 0)"', () => {
    // n' = 8, p' = d' = 0.75 / 8 = 0.09375; centre 0; variance (0.1875 - 0) / 8 = 0.0234375, sd 0.1530931;
    // margin 196 x 0.1530931 = 30.0062
    const nps = netPromoterScore({ promoters: 0, passives: 5, detractors: 0 })!;
    expect(nps.score).toBe(0);
    expect(nps.low).toBeCloseTo(-30.0062, 3);
    expect(nps.high).toBeCloseTo(30.0062, 3);
    expect([nps.promoters, nps.passives, nps.detractors]).toEqual([0, 1, 0]);
  });

  it('five promoters: +100, from +17.5 to the +100 bound', () => {
    // p' = 5.75 / 8 = 0.71875, d' = 0.09375; centre 62.5; variance (0.8125 - 0.625^2) / 8 = 0.421875 / 8 = 0.052734375,
    // sd 0.2296397; margin 196 x 0.2296397 = 45.0094: 17.4906 to 107.5094, clamped to 100
    const nps = netPromoterScore({ promoters: 5, passives: 0, detractors: 0 })!;
    expect(nps.score).toBe(100);
    expect(nps.low).toBeCloseTo(17.4906, 3);
    expect(nps.high).toBe(100);
    // five detractors mirror it
    const down = netPromoterScore({ promoters: 0, passives: 0, detractors: 5 })!;
    expect(down.score).toBe(-100);
    expect(down.low).toBe(-100);
    expect(down.high).toBeCloseTo(-17.4906, 3);
  });

  it('3 promoters, 1 passive, 1 detractor: +40 (-29.8 to +79.8)', () => {
    // score 100 x (3 - 1) / 5 = 40. p' = 3.75 / 8 = 0.46875, d' = 1.75 / 8 = 0.21875; centre 25;
    // variance (0.6875 - 0.25^2) / 8 = 0.625 / 8 = 0.078125, sd 0.2795085; margin 196 x 0.2795085 = 54.7837
    const nps = netPromoterScore({ promoters: 3, passives: 1, detractors: 1 })!;
    expect(nps.score).toBeCloseTo(40, 10);
    expect(nps.low).toBeCloseTo(-29.7837, 3);
    expect(nps.high).toBeCloseTo(79.7837, 3);
  });

  it('2 promoters, 1 passive, 2 detractors: 0 +- 57.5', () => {
    // p' = d' = 2.75 / 8 = 0.34375; variance 0.6875 / 8 = 0.0859375, sd 0.2931510; margin 57.4576
    const nps = netPromoterScore({ promoters: 2, passives: 1, detractors: 2 })!;
    expect(nps.score).toBeCloseTo(0, 10);
    expect(nps.low).toBeCloseTo(-57.4576, 3);
    expect(nps.high).toBeCloseTo(57.4576, 3);
    expect([nps.promoters, nps.passives, nps.detractors]).toEqual([0.4, 0.2, 0.4]);
  });

  it('6 promoters, 3 passives, 1 detractor: +50, the interval centred on the adjusted +38.5', () => {
    // n' = 13, p' = 6.75 / 13 = 0.519231, d' = 1.75 / 13 = 0.134615; centre 38.4615;
    // variance (0.653846 - 0.384615^2) / 13 = 0.505917 / 13 = 0.0389167, sd 0.1972732; margin 38.6655
    const nps = netPromoterScore({ promoters: 6, passives: 3, detractors: 1 })!;
    expect(nps.score).toBeCloseTo(50, 10);
    expect(nps.low).toBeCloseTo(-0.2040, 3);
    expect(nps.high).toBeCloseTo(77.1271, 3);
  });

  it('stays inside -100..+100 and contains the observed score for every split of 2 to 40 answers', () => {
    const violations: string[] = [];
    for (let n = 2; n <= 40; n++) {
      for (let promoters = 0; promoters <= n; promoters++) {
        for (let detractors = 0; detractors <= n - promoters; detractors++) {
          const { score, low, high } = netPromoterScore({ promoters, passives: n - promoters - detractors, detractors })!;
          const inside = low >= -100 && high <= 100 && low < high && score >= low - 1e-9 && score <= high + 1e-9;
          if (!inside) violations.push(`${promoters}/${n - promoters - detractors}/${detractors}: ${score} (${low}, ${high})`);
        }
      }
    }
    expect(violations).toEqual([]);
  });

  it('is null without answers: no score, rather than a score of 0', () => {
    expect(netPromoterScore({ promoters: 0, passives: 0, detractors: 0 })).toBeNull();
  });
});

describe('npsInterval', () => {
  it('is the interval netPromoterScore reports', () => {
    // five passives, as above: +- 30.0062
    const { low, high } = npsInterval({ promoters: 0, passives: 5, detractors: 0 });
    expect(low).toBeCloseTo(-30.0062, 3);
    expect(high).toBeCloseTo(30.0062, 3);
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
    // 2 promoters (10, 9), 1 passive (8), 2 detractors (6, 3): 0 +- 57.4576 (see netPromoterScore above)
    expect(result.nps!.score).toBeCloseTo(0, 10);
    expect(result.nps!.high).toBeCloseTo(57.4576, 3);
  });

  it('gives answers that all fall in one category an interval of real width', () => {
    // Five NPS answers of 7 (passives): 0 (-30.0 to +30.0), see netPromoterScore above.
    const nps = surveyQuestionResult(question('nps'), { answered: 5, distribution: { '7': 5 } }, { minRespondents: 5 });
    expect(nps.nps).toMatchObject({ score: 0, low: expect.closeTo(-30.0062, 3), high: expect.closeTo(30.0062, 3) });
    // Five answers of 3 on satisfaction (1-5): 0 of 5 favorable, Wilson high = 0.768320 / 1.76832 = 0.434491.
    const neutral = surveyQuestionResult(
      question('satisfaction'),
      { answered: 5, distribution: { '3': 5 } },
      { minRespondents: 5 },
    );
    expect(neutral.favorable).toEqual({ share: 0, low: 0, high: expect.closeTo(0.434491, 5) });
    // Five answers of 5: 5 of 5 favorable, Wilson low = 1 - 0.434491 = 0.565509 (the interval is symmetric in p).
    const all = surveyQuestionResult(question('satisfaction'), { answered: 5, distribution: { '5': 5 } }, { minRespondents: 5 });
    expect(all.favorable).toEqual({ share: 1, low: expect.closeTo(0.565509, 5), high: 1 });
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
