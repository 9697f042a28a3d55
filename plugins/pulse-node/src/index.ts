/**
 * The shared Pulse store and the extension points for data sources.
 *
 * @packageDocumentation
 */
export { PulseStore } from './store/PulseStore';
export { SloRepository } from './store/SloRepository';
export { DoraRepository } from './store/DoraRepository';
export { SurveyRepository } from './store/SurveyRepository';
export { pulseStoreServiceRef } from './service/pulseStoreServiceRef';
