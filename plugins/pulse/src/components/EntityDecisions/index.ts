export { GateDecisionLog } from './GateDecisionLog';
export { OutstandingPostmortems } from './OutstandingPostmortems';
export { GATE_DECISION_TONE, percentText } from './format';
