/**
 * The Pulse frontend plugin: SLO card, DORA card, developer-satisfaction tab and team pages.
 *
 * @packageDocumentation
 */
export {
  pulsePlugin,
  EntitySloCard,
  EntityErrorBudgetPolicyCard,
  EntityDoraCard,
  EntityOncallHealthCard,
  EntityOutcomesCard,
  EntityTeamDoraCard,
  EntityTeamSloCard,
  EntityTeamSurveyCard,
  EntitySurveyContent,
  PulsePage,
} from './plugin';
export * from './api';
export { rootRouteRef as pulseRootRouteRef } from './routes';
