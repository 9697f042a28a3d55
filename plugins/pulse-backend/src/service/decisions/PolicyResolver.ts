import {
  ForcedPolicyState,
  overrideIsActive,
  ResolvedErrorBudgetPolicy,
  resolveErrorBudgetPolicy,
} from '@pulse/plugin-pulse-common';
import { EntityPolicyRow, PulseStore } from '@pulse/plugin-pulse-node';
import { DecisionsConfig } from './config';

/** An entity's policy with what it was resolved from. */
export interface EntityPolicy {
  resolved: ResolvedErrorBudgetPolicy;
  /** The entity's stored override, applied or not. */
  override?: EntityPolicyRow;
  /** Whether the override applies now (false once it expired). */
  overrideActive: boolean;
  /** The state the active override forces, if it forces one. */
  forced?: ForcedPolicyState;
}

/**
 * Resolves the policy of an entity: portal default, owning group's override (app-config), entity override (API). An
 * entity override past its `expiresAt` is left out, decided from the instant at each read: nothing is written when it
 * lapses.
 */
export class PolicyResolver {
  constructor(
    private readonly store: PulseStore,
    private readonly config: DecisionsConfig,
  ) {}

  async resolve(entityRef: string, ownerRef: string | undefined, nowMs: number): Promise<EntityPolicy> {
    const override = await this.store.decisions.policies.get(entityRef);
    const overrideActive = override !== undefined && overrideIsActive(override.expiresAt, nowMs);
    const groupOverride = ownerRef ? this.config.groups.get(ownerRef) : undefined;
    const resolved = resolveErrorBudgetPolicy({
      portal: this.config.portal,
      ...(groupOverride && ownerRef ? { group: { groupRef: ownerRef, override: groupOverride } } : {}),
      ...(override && overrideActive ? { entity: override.override } : {}),
    });
    const forced: ForcedPolicyState | undefined =
      override && overrideActive && override.state && override.reason && override.expiresAt !== undefined
        ? { state: override.state, reason: override.reason, setBy: override.updatedBy, expiresAt: override.expiresAt }
        : undefined;
    return { resolved, overrideActive, ...(override ? { override } : {}), ...(forced ? { forced } : {}) };
  }
}
