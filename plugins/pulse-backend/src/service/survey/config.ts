import { LoggerService, RootConfigService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { clampSurveyThresholds, SURVEY_MIN_RESPONDENTS_FLOOR, SurveyOpenResults } from '@pulse/plugin-pulse-common';

const OPEN_RESULTS: SurveyOpenResults[] = ['batched', 'closed'];

/** The anonymity rules in force. */
export interface SurveyThresholds {
  /** No result for fewer responses than this (never below 3). */
  minRespondents: number;
  /** Free-text answers only from this many responses. */
  minTextRespondents: number;
  /** `pulse.surveys.openResults`. */
  openResults: SurveyOpenResults;
}

/** Reads `pulse.surveys`, clamping the thresholds to safe values with a warning. */
export function readSurveyThresholds(config: RootConfigService, logger: LoggerService): SurveyThresholds {
  const configured = {
    minRespondents: config.getOptionalNumber('pulse.surveys.minRespondents'),
    minTextRespondents: config.getOptionalNumber('pulse.surveys.minTextRespondents'),
  };
  const thresholds = clampSurveyThresholds(configured);
  if (configured.minRespondents !== undefined && configured.minRespondents !== thresholds.minRespondents) {
    logger.warn(
      `pulse.surveys.minRespondents ${configured.minRespondents} is below the floor of ${SURVEY_MIN_RESPONDENTS_FLOOR}; using ${thresholds.minRespondents}`,
    );
  }
  if (configured.minTextRespondents !== undefined && configured.minTextRespondents !== thresholds.minTextRespondents) {
    logger.warn(
      `pulse.surveys.minTextRespondents ${configured.minTextRespondents} is below minRespondents; using ${thresholds.minTextRespondents}`,
    );
  }
  const openResults = config.getOptionalString('pulse.surveys.openResults') ?? 'batched';
  if (!OPEN_RESULTS.includes(openResults as SurveyOpenResults)) {
    throw new InputError(`pulse.surveys.openResults must be 'batched' or 'closed', got '${openResults}'`);
  }
  return { ...thresholds, openResults: openResults as SurveyOpenResults };
}
