/**
 * Isomorphic types and pure math shared by the Pulse frontend and backend.
 *
 * @packageDocumentation
 */
export * from './annotations';
export * from './csv';
export * from './format';
export * from './permissions';
export * from './health';
export * from './slo';
export * from './slo/teamSloState';
export * from './dora';
export * from './dora/tierExplanation';
export * from './survey';
export * from './decisions';
export * from './deliveries';
export * from './oncall';
export * from './outcomes';
export * from './facts';
