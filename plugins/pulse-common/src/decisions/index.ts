export * from './policy';
export * from './policyGate';
export * from './transition';
export * from './postmortem';
export * from './quadrant';
export * from './reviewMonth';
export * from './review';
export * from './types';
