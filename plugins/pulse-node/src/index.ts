/**
 * The shared Pulse store and the extension points for data sources.
 *
 * @packageDocumentation
 */
export { PulseStore } from './store/PulseStore';
export { SloRepository, sloKey } from './store/SloRepository';
export type { SloRecord, SliSampleRow, SliValueRow } from './store/SloRepository';
export { SloSumsRepository } from './store/SloSumsRepository';
export type { SloSums, SloSumsQuery } from './store/SloSumsRepository';
export { SloRollupRepository, SLO_ROLLUP_BATCH_ROWS } from './store/SloRollupRepository';
export { JobRunRepository } from './store/JobRunRepository';
export type { JobRunOutcome, JobRunRecord } from './store/JobRunRepository';
export { DoraRepository } from './store/DoraRepository';
export type {
  DoraChangeRecord,
  DoraCountingRules,
  DoraDeploymentRecord,
  DoraEventBatch,
  DoraIncidentRecord,
  DoraQueryScope,
} from './store/DoraTypes';
export { SurveyRepository, SURVEY_NO_OWNER } from './store/SurveyRepository';
export type { SurveyRoundRecord, SurveyRoundSnapshot } from './store/SurveyRepository';
export { DecisionRepository } from './store/DecisionRepository';
export type {
  EntityPolicyRow,
  GateDecisionInput,
  GateDecisionRow,
  IncidentReviewRow,
  IncidentReviewScope,
  IncidentToAssess,
} from './store/DecisionTypes';
export { pulseStoreServiceRef } from './service/pulseStoreServiceRef';
export { pulseDoraWebhooksExtensionPoint } from './extensions/doraWebhooks';
export type {
  PulseDoraWebhook,
  PulseDoraWebhookEvents,
  PulseDoraWebhookIgnored,
  PulseDoraWebhookRequest,
  PulseDoraWebhooksExtensionPoint,
} from './extensions/doraWebhooks';
export { pulseSliSourcesExtensionPoint } from './extensions/sliSources';
export type {
  PulseSliCounts,
  PulseSliFetchRequest,
  PulseSliValue,
  PulseSliValueFetchRequest,
  PulseSliSource,
  PulseSliSourcesExtensionPoint,
} from './extensions/sliSources';
