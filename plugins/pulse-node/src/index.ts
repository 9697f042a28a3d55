/**
 * The shared Pulse store and the extension points for data sources.
 *
 * @packageDocumentation
 */
export { PulseStore } from './store/PulseStore';
export { SloRepository, sloKey } from './store/SloRepository';
export type { SloRecord, SliSampleRow, SliValueRow } from './store/SloRepository';
export { SloSumsRepository } from './store/SloSumsRepository';
export type { SloSums, SloSumsQuery, SloTimeSliceRule } from './store/SloSumsRepository';
export { SloRollupRepository, SLO_ROLLUP_BATCH_ROWS } from './store/SloRollupRepository';
export { JobRunRepository } from './store/JobRunRepository';
export type { JobRunOutcome, JobRunRecord } from './store/JobRunRepository';
export { DeliveryStore } from './store/DeliveryStore';
export type {
  ClaimedDelivery,
  DeliveryInput,
  DeliveryOutcome,
  DeliveryQuery,
  DeliveryRecord,
  DeliveryStatus,
} from './store/DeliveryStore';
export { DoraRepository } from './store/DoraRepository';
export type {
  DoraChangeRecord,
  DoraCountingRules,
  DoraDeploymentRecord,
  DoraEventBatch,
  DoraIncidentRecord,
  DoraQueryScope,
} from './store/DoraTypes';
export { OncallRepository } from './store/OncallRepository';
export type { OncallPageRecord, OncallQueryScope } from './store/OncallTypes';
export { OutcomeRepository, outcomeKey, outcomeMetricKey } from './store/OutcomeRepository';
export type { OutcomeRecord, OutcomeValueRecord, OutcomeWeekBounds } from './store/OutcomeRepository';
export { SurveyRepository, SURVEY_NO_OWNER } from './store/SurveyRepository';
export type { SurveyRoundRecord, SurveyRoundSnapshot } from './store/SurveyRepository';
export { DecisionRepository } from './store/DecisionRepository';
export type { ReleaseExceptionRevocation } from './store/ReleaseExceptionStore';
export type {
  EntityPolicyInput,
  EntityPolicyRow,
  GateDecisionInput,
  GateDecisionRow,
  IncidentReviewRow,
  IncidentReviewScope,
  IncidentToAssess,
  ReleaseExceptionRow,
} from './store/DecisionTypes';
export { pulseStoreServiceRef } from './service/pulseStoreServiceRef';
export { pulseDoraWebhooksExtensionPoint } from './extensions/doraWebhooks';
export type {
  PulseDoraWebhook,
  PulseDoraWebhookDelivery,
  PulseDoraWebhookEvents,
  PulseDoraWebhookIgnored,
  PulseDoraWebhookRequest,
  PulseDoraWebhookStoredDelivery,
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
export { pulseFactsServiceRef, PulseFactsClient } from './service/pulseFactsServiceRef';
export type { PulseEntityName, PulseFactsService } from './service/pulseFactsServiceRef';
