export * from './types';
export * from './defaultTemplate';
export * from './rounds';
export * from './answers';
export * from './scoring';
export * from './anonymity';
export * from './painPoints';
export * from './resultsTiming';
