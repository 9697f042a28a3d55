export { GateDecisionLog } from './GateDecisionLog';
export { OutstandingPostmortems } from './OutstandingPostmortems';
export { percentText } from './format';
