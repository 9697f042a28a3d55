/**
 * The Pulse frontend plugin: SLO card, DORA card, developer-satisfaction tab and team pages.
 *
 * @packageDocumentation
 */
export {
  pulsePlugin,
  EntitySloCard,
  EntityDoraCard,
  EntitySurveyContent,
} from './plugin';
export * from './api';
