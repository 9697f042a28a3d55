export * from './types';
export * from './calendar';
export * from './fairness';
export * from './thresholds';
export * from './health';
