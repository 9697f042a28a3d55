import { surveyScaleOf } from './answers';
import {
  SurveyDistributionEntry,
  SurveyHeadline,
  SurveyNps,
  SurveyQuestion,
  SurveyQuestionResult,
  SurveyShare,
} from './types';

/** z for a two-sided 95% interval. */
export const SURVEY_Z_95 = 1.96;

/**
 * Wilson score interval of a share: successes out of n, clamped to [0, 1]. Better than the normal approximation for
 * the small n and extreme shares of team surveys (it never leaves [0, 1] and is not zero-width at 0% or 100%).
 */
export function wilsonInterval(successes: number, n: number, z = SURVEY_Z_95): SurveyShare {
  if (n <= 0) return { share: 0, low: 0, high: 0 };
  const p = successes / n;
  const z2 = z * z;
  const center = p + z2 / (2 * n);
  const margin = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const denominator = 1 + z2 / n;
  return {
    share: p,
    low: Math.max(0, (center - margin) / denominator),
    high: Math.min(1, (center + margin) / denominator),
  };
}

/** Counts of NPS answers in the three groups. */
export interface NpsCounts {
  promoters: number;
  passives: number;
  detractors: number;
}

/**
 * Pseudo-observations of the adjusted-Wald NPS interval (Rocks, 2016): 3/4 promoter and 3/4 detractor, so 3/2
 * passive, 3 in all. Without them the Wald variance (p + d) - (p - d)^2 is 0 whenever every answer falls in one group,
 * and five passives would read "0 (0 to 0)": certainty that five answers cannot give.
 */
export const NPS_PSEUDO_PROMOTERS = 0.75;
export const NPS_PSEUDO_DETRACTORS = 0.75;
export const NPS_PSEUDO_TOTAL = 3;

/**
 * The adjusted-Wald 95% interval of an NPS, clamped to [-100, 100]: with n' = n + 3, p' = (promoters + 3/4) / n' and
 * d' = (detractors + 3/4) / n', it is 100 (p' - d') +- z x 100 sqrt(((p' + d') - (p' - d')^2) / n'). It is centred on
 * the adjusted score, which is pulled towards 0 for small n; for every n >= 2 it still contains the observed score.
 * Rocks (2016) found it the best covering of six NPS intervals on trinomial and real data.
 */
export function npsInterval(counts: NpsCounts, z = SURVEY_Z_95): { low: number; high: number } {
  const n = counts.promoters + counts.passives + counts.detractors + NPS_PSEUDO_TOTAL;
  const p = (counts.promoters + NPS_PSEUDO_PROMOTERS) / n;
  const d = (counts.detractors + NPS_PSEUDO_DETRACTORS) / n;
  const center = 100 * (p - d);
  const margin = z * 100 * Math.sqrt((p + d - (p - d) ** 2) / n);
  return { low: Math.max(-100, center - margin), high: Math.min(100, center + margin) };
}

/**
 * Net Promoter Score: % promoters (9-10) - % detractors (0-6), with its adjusted-Wald 95% interval
 * ({@link npsInterval}). Null without answers: there is no score, not a score of 0.
 */
export function netPromoterScore(counts: NpsCounts, z = SURVEY_Z_95): SurveyNps | null {
  const n = counts.promoters + counts.passives + counts.detractors;
  if (n === 0) return null;
  const p = counts.promoters / n;
  const d = counts.detractors / n;
  return {
    score: 100 * (p - d),
    ...npsInterval(counts, z),
    promoters: p,
    passives: counts.passives / n,
    detractors: d,
  };
}

/** Counts of NPS answers (0-10) by group: promoters 9-10, passives 7-8, detractors 0-6. */
export function npsCounts(distribution: Record<string, number>): NpsCounts {
  const counts = { promoters: 0, passives: 0, detractors: 0 };
  for (const [value, count] of Object.entries(distribution)) {
    const score = Number(value);
    if (score >= 9) counts.promoters += count;
    else if (score >= 7) counts.passives += count;
    else counts.detractors += count;
  }
  return counts;
}

/** What the store aggregates for one question in one scope (GROUP BY value or choice; never the rows). */
export interface SurveyQuestionAggregate {
  /** Responses that answered the question. */
  answered: number;
  /** Answers by scale point (e.g. "4") or choice id. */
  distribution: Record<string, number>;
}

/** Options of {@link surveyQuestionResult}: the anonymity decisions for the scope. */
export interface SurveyQuestionResultOptions {
  minRespondents: number;
  /** Free text of the scope, when the scope may show it. */
  comments?: string[];
  /** Why free text is withheld, when it is. */
  commentsHiddenReason?: string;
}

function numericDistribution(
  question: SurveyQuestion,
  aggregate: SurveyQuestionAggregate,
): SurveyDistributionEntry[] {
  const { min, max } = surveyScaleOf(question);
  const entries: SurveyDistributionEntry[] = [];
  for (let point = min; point <= max; point++) {
    const count = aggregate.distribution[String(point)] ?? 0;
    const label = { [min]: question.minLabel, [max]: question.maxLabel }[point];
    entries.push({ value: String(point), ...(label ? { label } : {}), count, share: count / aggregate.answered });
  }
  return entries;
}

/** Scales of at least this many points count their top two points as favorable; shorter scales only the top one. */
export const SURVEY_TOP_TWO_BOX_MIN_POINTS = 5;

/**
 * The lowest favorable point of a scale: top-2-box on scales of 5 points or more (4 and 5 of 1-5, 6 and 7 of 1-7),
 * top-box below that (3 of 1-3: a neutral middle answer is not favorable).
 */
export function favorableFrom(scale: { min: number; max: number }): number {
  const points = scale.max - scale.min + 1;
  return points >= SURVEY_TOP_TWO_BOX_MIN_POINTS ? scale.max - 1 : scale.max;
}

function meanOf(distribution: SurveyDistributionEntry[], answered: number): number {
  return distribution.reduce((sum, entry) => sum + Number(entry.value) * entry.count, 0) / answered;
}

/**
 * The result of one question: count, mean and distribution; the favorable share (top-2-box, top-box on scales of
 * fewer than 5 points) with its Wilson interval
 * for scales; NPS with its interval; choice shares; free text when allowed. Hidden (no numbers) when fewer than the
 * minimum answered it; free text shows when the caller passes the comments (the scope has enough responses).
 */
export function surveyQuestionResult(
  question: SurveyQuestion,
  aggregate: SurveyQuestionAggregate,
  options: SurveyQuestionResultOptions,
): SurveyQuestionResult {
  const base = { questionId: question.id, type: question.type, prompt: question.prompt, count: aggregate.answered };
  if (question.type === 'text') {
    return options.comments
      ? { ...base, comments: options.comments }
      : { ...base, commentsHiddenReason: options.commentsHiddenReason };
  }
  if (aggregate.answered < options.minRespondents) {
    return { ...base, hidden: true };
  }
  switch (question.type) {
    case 'scale': {
      const distribution = numericDistribution(question, aggregate);
      const lowestFavorable = favorableFrom(surveyScaleOf(question));
      const favorable = distribution
        .filter(entry => Number(entry.value) >= lowestFavorable)
        .reduce((sum, entry) => sum + entry.count, 0);
      return {
        ...base,
        mean: meanOf(distribution, aggregate.answered),
        distribution,
        favorable: wilsonInterval(favorable, aggregate.answered),
      };
    }
    case 'nps': {
      const distribution = numericDistribution(question, aggregate);
      return {
        ...base,
        mean: meanOf(distribution, aggregate.answered),
        distribution,
        nps: netPromoterScore(npsCounts(aggregate.distribution)),
      };
    }
    default:
      return {
        ...base,
        distribution: (question.choices ?? []).map(choice => {
          const count = aggregate.distribution[choice.id] ?? 0;
          return { value: choice.id, label: choice.label, count, share: count / aggregate.answered };
        }),
      };
  }
}

/** The headline of a set of question results: the first scale question (overall satisfaction) and the first NPS. */
export function surveyHeadline(respondents: number, questions: SurveyQuestionResult[]): SurveyHeadline {
  const satisfaction = questions.find(q => q.type === 'scale' && !q.hidden);
  const nps = questions.find(q => q.type === 'nps' && !q.hidden);
  return {
    respondents,
    ...(satisfaction?.mean !== undefined && satisfaction.favorable
      ? { satisfaction: { mean: satisfaction.mean, favorable: satisfaction.favorable } }
      : {}),
    ...(nps && nps.nps !== undefined ? { nps: nps.nps } : {}),
  };
}
