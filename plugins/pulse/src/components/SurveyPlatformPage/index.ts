export { SurveyPlatformPage } from './SurveyPlatformPage';
