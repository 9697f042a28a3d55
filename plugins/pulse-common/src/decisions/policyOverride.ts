import { SloGateDecision } from '../slo/releaseGate';
import { ErrorBudgetPolicyState } from './policy';

/** A state an owner forced on an entity whatever its budget says, with why, who and until when (epoch ms). */
export interface ForcedPolicyState {
  state: ErrorBudgetPolicyState;
  reason: string;
  setBy: string;
  expiresAt: number;
}

/** Longest an override with a forced state may run: a forced state is a decision, not a new default. */
export const MAX_POLICY_OVERRIDE_DAYS = 90;

/**
 * Whether an override expiring at `expiresAt` (none: never) still applies at `nowMs`. Decided at read time from the
 * instant, so nothing has to run (or write) when an override lapses.
 */
export function overrideIsActive(expiresAt: number | null | undefined, nowMs: number): boolean {
  return expiresAt === null || expiresAt === undefined || nowMs < expiresAt;
}

/** An instant in ISO 8601, without milliseconds when it has none: `2026-12-10T00:00:00Z`. */
export function instantText(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

const FORCED_VERB: Record<ErrorBudgetPolicyState, string> = {
  freeze: 'Frozen',
  caution: 'Set to caution',
  normal: 'Set to normal',
};

/** The gate's first reason under a forced state, e.g. `Frozen by user:default/ada until 2026-12-10T00:00:00Z: audit`. */
export function forcedStateReason(forced: ForcedPolicyState): string {
  return `${FORCED_VERB[forced.state]} by ${forced.setBy} until ${instantText(forced.expiresAt)}: ${forced.reason}`;
}

/** What a state decides before the policy's freeze rules: normal allows, caution warns, freeze blocks. */
export function decisionOfPolicyState(state: ErrorBudgetPolicyState): SloGateDecision {
  if (state === 'freeze') return 'block';
  return state === 'caution' ? 'warn' : 'allow';
}
