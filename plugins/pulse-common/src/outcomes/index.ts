export * from './types';
export * from './progress';
