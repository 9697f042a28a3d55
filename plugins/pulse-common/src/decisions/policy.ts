import { SloGateDecision, SloReleaseGatePolicy } from '../slo/releaseGate';

/** Where an entity stands under its error-budget policy. */
export type ErrorBudgetPolicyState = 'normal' | 'caution' | 'freeze';

/** An error-budget policy: when an entity is in caution or freeze, what a freeze does, and which exceptions pass. */
export interface ErrorBudgetPolicy {
  caution: {
    /** Caution when any objective's remaining budget fraction is below this (default 0.25). */
    remainingBelow: number;
    /** Caution while a ticket alert (slow burn) fires (default true). */
    onTicketAlert: boolean;
  };
  freeze: {
    /** Freeze when any objective's remaining budget fraction is at or below this (default 0: exhausted). */
    remainingAtOrBelow: number;
    /** Freeze while a page alert (fast burn) fires (default true). */
    onPageAlert: boolean;
    /** Whether a freeze blocks releases (default true); false makes it advisory: the gate warns. */
    blocksReleases: boolean;
  };
  /** Reasons a release may pass a freeze with, e.g. `security`, `incident-fix`. */
  exceptions: string[];
}

/** Part of a policy, as set for an owning group (app-config) or an entity (the policy API). */
export interface ErrorBudgetPolicyOverride {
  caution?: Partial<ErrorBudgetPolicy['caution']>;
  freeze?: Partial<ErrorBudgetPolicy['freeze']>;
  exceptions?: string[];
}

/** The layer a policy value came from, most specific last. */
export type ErrorBudgetPolicySource = 'portal' | 'group' | 'entity';

/** A policy with the layers it was merged from. */
export interface ResolvedErrorBudgetPolicy {
  policy: ErrorBudgetPolicy;
  /** Layers that contributed, e.g. ['portal', 'group']. */
  sources: ErrorBudgetPolicySource[];
  /** The owning group whose override applied, if any. */
  groupRef?: string;
}

/** The SRE Workbook's example policy: freeze once the budget is spent, urgent fixes excepted. */
export const DEFAULT_ERROR_BUDGET_POLICY: ErrorBudgetPolicy = {
  caution: { remainingBelow: 0.25, onTicketAlert: true },
  freeze: { remainingAtOrBelow: 0, onPageAlert: true, blocksReleases: true },
  exceptions: ['security', 'incident-fix'],
};

/** A policy with an override's keys laid over it; `exceptions` is replaced, not added to. */
export function mergeErrorBudgetPolicy(
  policy: ErrorBudgetPolicy,
  override: ErrorBudgetPolicyOverride,
): ErrorBudgetPolicy {
  return {
    caution: { ...policy.caution, ...override.caution },
    freeze: { ...policy.freeze, ...override.freeze },
    exceptions: override.exceptions ?? policy.exceptions,
  };
}

/** The policy of an entity: the portal default, then its owning group's override, then its own. */
export function resolveErrorBudgetPolicy(layers: {
  portal: ErrorBudgetPolicy;
  group?: { groupRef: string; override: ErrorBudgetPolicyOverride };
  entity?: ErrorBudgetPolicyOverride;
}): ResolvedErrorBudgetPolicy {
  let policy = layers.portal;
  const sources: ErrorBudgetPolicySource[] = ['portal'];
  if (layers.group) {
    policy = mergeErrorBudgetPolicy(policy, layers.group.override);
    sources.push('group');
  }
  if (layers.entity) {
    policy = mergeErrorBudgetPolicy(policy, layers.entity);
    sources.push('entity');
  }
  return { policy, sources, ...(layers.group ? { groupRef: layers.group.groupRef } : {}) };
}

/** The release-gate thresholds a policy implies: freeze findings block, caution findings warn. */
export function sloGatePolicyOf(
  policy: ErrorBudgetPolicy,
  insufficientData: SloGateDecision,
): SloReleaseGatePolicy {
  return {
    blockWhenRemainingAtMost: policy.freeze.remainingAtOrBelow,
    blockOnPageAlert: policy.freeze.onPageAlert,
    warnWhenRemainingBelow: policy.caution.remainingBelow,
    warnOnTicketAlert: policy.caution.onTicketAlert,
    insufficientData,
  };
}

/** The state a gate outcome puts an entity in: a block is a freeze, a warning a caution. */
export function errorBudgetPolicyStateOf(decision: SloGateDecision): ErrorBudgetPolicyState {
  if (decision === 'block') return 'freeze';
  return decision === 'warn' ? 'caution' : 'normal';
}
