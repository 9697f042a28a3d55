import { createApiRef } from '@backstage/core-plugin-api';
import { PulseHttpClient } from './PulseHttpClient';

/** Reads and writes the survey part of the Pulse API. Components render only what this returns. */
export interface SurveyApi {}

export const pulseSurveyApiRef = createApiRef<SurveyApi>({ id: 'plugin.pulse.survey' });

/** The HTTP client of {@link SurveyApi}. */
export class SurveyClient extends PulseHttpClient implements SurveyApi {}
