export { EntitySurveyContent } from './EntitySurveyContent';
