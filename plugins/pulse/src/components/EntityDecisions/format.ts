import { SloGateDecision } from '@pulse/plugin-pulse-common';
import { StatusTone } from '../StatusChip';

/** A fraction as a percentage with one decimal, e.g. 0.304 as "30.4%"; a dash when unknown. */
export const percentText = (fraction: number | null | undefined) =>
  fraction === null || fraction === undefined ? '–' : `${(fraction * 100).toFixed(1)}%`;

/** A gate decision's badge colour: allow good, warn warning, block bad. */
export const GATE_DECISION_TONE: Record<SloGateDecision, StatusTone> = { allow: 'good', warn: 'warning', block: 'bad' };
