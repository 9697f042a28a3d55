export * from './PostmortemDialog';
export * from './LearningsText';
