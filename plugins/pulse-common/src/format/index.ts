export * from './durationText';
