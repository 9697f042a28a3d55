export { PermittedSurveyRoundManager, SurveyRoundManager } from './SurveyRoundManager';
export type { RoundsChanged } from './SurveyRoundManager';
