export * from './types';
export * from './stats';
export * from './percentile';
export * from './tiers';
export * from './window';
export * from './calendar';
export * from './changeFailureRate';
export * from './scorecard';
