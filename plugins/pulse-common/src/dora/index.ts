export * from './types';
export * from './stats';
export * from './percentile';
export * from './tiers';
export * from './window';
export * from './scorecard';
