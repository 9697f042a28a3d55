export { SpeedReliabilityView, SpeedReliability } from './SpeedReliabilityView';
