export * from './types';
export * from './entityFacts';
