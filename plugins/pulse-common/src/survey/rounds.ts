import { SurveyRoundStatus } from './types';

/** No survey result ever shows for fewer respondents than this, whatever the configuration says. */
export const SURVEY_MIN_RESPONDENTS_FLOOR = 3;

/** A round is open from `opensAt` (inclusive) until `closesAt` (exclusive) or until a manager closes it. */
export function surveyRoundStatus(
  round: { opensAt: number; closesAt: number; closedAt?: number | null },
  now: number,
): SurveyRoundStatus {
  if (round.closedAt !== undefined && round.closedAt !== null) return 'closed';
  if (now < round.opensAt) return 'scheduled';
  return now < round.closesAt ? 'open' : 'closed';
}

/** Configured thresholds made safe: the minimum never goes below 3, free text never below the minimum. */
export function clampSurveyThresholds(configured: {
  minRespondents?: number;
  minTextRespondents?: number;
}): { minRespondents: number; minTextRespondents: number } {
  const minRespondents = Math.max(SURVEY_MIN_RESPONDENTS_FLOOR, Math.ceil(configured.minRespondents ?? 5));
  const minTextRespondents = Math.max(minRespondents, Math.ceil(configured.minTextRespondents ?? 10));
  return { minRespondents, minTextRespondents };
}
