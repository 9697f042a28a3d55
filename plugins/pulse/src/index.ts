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
  EntitySurveyContent,
  PulsePage,
} from './plugin';
export * from './api';
export { rootRouteRef as pulseRootRouteRef } from './routes';
