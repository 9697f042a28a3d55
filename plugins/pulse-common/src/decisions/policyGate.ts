import { SloGateDecision, SloGateOutcome } from '../slo/releaseGate';
import { ErrorBudgetPolicy, ErrorBudgetPolicyState, errorBudgetPolicyStateOf } from './policy';

/** An exception a caller asked for (`pulse gate --reason security`), and whether the policy let it pass a freeze. */
export interface GateException {
  requested: string;
  /** True only when the entity was frozen and the policy lists the reason. */
  used: boolean;
}

/** The gate's answer once the policy's freeze rules and exceptions are applied. */
export interface PolicyGateOutcome {
  decision: SloGateDecision;
  state: ErrorBudgetPolicyState;
  reasons: string[];
  exception: GateException | null;
}

/**
 * Applies a policy to the objectives' verdict: a freeze blocks (or only warns when the policy's freeze is advisory),
 * and an exception the policy lists lets a frozen release through; either way the reasons say so.
 */
export function decideUnderErrorBudgetPolicy(
  outcome: SloGateOutcome,
  policy: ErrorBudgetPolicy,
  requestedException?: string,
): PolicyGateOutcome {
  const state = errorBudgetPolicyStateOf(outcome.decision);
  const allowed = policy.exceptions.length > 0 ? policy.exceptions.join(', ') : 'none';
  const result = (decision: SloGateDecision, note: string[], used = false): PolicyGateOutcome => ({
    decision,
    state,
    reasons: [...note, ...outcome.reasons],
    exception: requestedException ? { requested: requestedException, used } : null,
  });

  if (state !== 'freeze') {
    const note = requestedException
      ? [`Exception '${requestedException}' not needed: the entity is not frozen (state ${state})`]
      : [];
    return result(outcome.decision, note);
  }
  if (!policy.freeze.blocksReleases) {
    return result('warn', ['Error-budget freeze (advisory): this policy does not block releases']);
  }
  if (requestedException && policy.exceptions.includes(requestedException)) {
    return result(
      'allow',
      [`Error-budget freeze, released under the policy exception '${requestedException}'`],
      true,
    );
  }
  if (requestedException) {
    return result('block', [
      `Error-budget freeze: exception '${requestedException}' is not one this policy allows (allowed: ${allowed})`,
    ]);
  }
  return result('block', [`Error-budget freeze: releases are blocked except for: ${allowed}`]);
}
