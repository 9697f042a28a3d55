export { EntityTeamDoraCard } from './EntityTeamDoraCard';
export { EntityTeamSloCard } from './EntityTeamSloCard';
export { EntityTeamSurveyCard } from './EntityTeamSurveyCard';
export { teamPagePath } from './teamLinks';
