export * from './durationText';
export * from './niceTicks';
