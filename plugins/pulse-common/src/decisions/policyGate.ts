import { SloGateDecision, SloGateOutcome } from '../slo/releaseGate';
import { ErrorBudgetPolicy, ErrorBudgetPolicyState, errorBudgetPolicyStateOf } from './policy';
import { decisionOfPolicyState, ForcedPolicyState, forcedStateReason } from './policyOverride';
import { ReleaseExceptionGrant, releaseExceptionReason } from './releaseException';

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

/** What else decides besides the objectives and the policy: a forced state, and a one-release exception grant. */
export interface PolicyGateExtras {
  /** The entity's active forced state: it replaces the objectives' verdict (their reasons stay listed). */
  forced?: ForcedPolicyState;
  /** The oldest active one-release exception, to let a blocking freeze through; `preview` only says it would. */
  grant?: { grant: ReleaseExceptionGrant; mode: 'check' | 'preview' };
}

/**
 * Applies a policy to the objectives' verdict: a freeze blocks (or only warns when the policy's freeze is advisory),
 * and an exception the policy lists, or else a one-release exception grant, lets a frozen release through; either
 * way the reasons say so. A forced state stands in for the objectives' verdict and its reason comes first.
 */
export function decideUnderErrorBudgetPolicy(
  outcome: SloGateOutcome,
  policy: ErrorBudgetPolicy,
  requestedException?: string,
  extras: PolicyGateExtras = {},
): PolicyGateOutcome {
  const { forced, grant } = extras;
  const state = forced?.state ?? errorBudgetPolicyStateOf(outcome.decision);
  const verdict = forced ? decisionOfPolicyState(forced.state) : outcome.decision;
  const lead = forced ? [forcedStateReason(forced)] : [];
  const allowed = policy.exceptions.length > 0 ? policy.exceptions.join(', ') : 'none';
  const result = (decision: SloGateDecision, note: string[], used = false): PolicyGateOutcome => ({
    decision,
    state,
    reasons: [...lead, ...note, ...outcome.reasons],
    exception: requestedException ? { requested: requestedException, used } : null,
  });

  if (state !== 'freeze') {
    const note = requestedException
      ? [`Exception '${requestedException}' not needed: the entity is not frozen (state ${state})`]
      : [];
    return result(verdict, note);
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
  if (grant) {
    // The grant lifts the freeze only: what the objectives themselves warn about still warns.
    return result(outcome.decision === 'warn' ? 'warn' : 'allow', [releaseExceptionReason(grant.grant, grant.mode)]);
  }
  if (requestedException) {
    return result('block', [
      `Error-budget freeze: exception '${requestedException}' is not one this policy allows (allowed: ${allowed})`,
    ]);
  }
  return result('block', [`Error-budget freeze: releases are blocked except for: ${allowed}`]);
}
