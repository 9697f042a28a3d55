/**
 * The shared Pulse store and the extension points for data sources.
 *
 * @packageDocumentation
 */
export { PulseStore } from './store/PulseStore';
export { SloRepository, sloKey } from './store/SloRepository';
export type { SloRecord, SliSampleRow } from './store/SloRepository';
export { SloSumsRepository } from './store/SloSumsRepository';
export type { SloSums, SloSumsQuery } from './store/SloSumsRepository';
export { SloRollupRepository } from './store/SloRollupRepository';
export { DoraRepository } from './store/DoraRepository';
export type {
  DoraChangeRecord,
  DoraCountingRules,
  DoraDeploymentRecord,
  DoraEventBatch,
  DoraIncidentRecord,
  DoraQueryScope,
} from './store/DoraTypes';
export { SurveyRepository } from './store/SurveyRepository';
export { pulseStoreServiceRef } from './service/pulseStoreServiceRef';
