export { PulseHttpClient, entityPath } from './PulseHttpClient';
export { pulseSloApiRef, SloClient } from './SloApi';
export type { SloApi } from './SloApi';
export { pulseDoraApiRef, DoraClient } from './DoraApi';
export type { DoraApi } from './DoraApi';
export { pulseSurveyApiRef, SurveyClient } from './SurveyApi';
export type { SurveyApi } from './SurveyApi';
