/**
 * The Pulse backend plugin.
 *
 * @packageDocumentation
 */
export { pulsePlugin as default } from './plugin';
export { pulseRootHealthServiceFactory } from './service/health/rootHealthServiceFactory';
export { readinessChecksServiceRef, ReadinessChecks } from './service/health/readinessChecks';
export type { ReadinessCheck } from './service/health/readinessChecks';
