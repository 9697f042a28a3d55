import { ResolvedErrorBudgetPolicy, resolveErrorBudgetPolicy } from '@pulse/plugin-pulse-common';
import { EntityPolicyRow, PulseStore } from '@pulse/plugin-pulse-node';
import { DecisionsConfig } from './config';

/** An entity's policy with what it was resolved from. */
export interface EntityPolicy {
  resolved: ResolvedErrorBudgetPolicy;
  override?: EntityPolicyRow;
}

/** Resolves the policy of an entity: portal default, owning group's override (app-config), entity override (API). */
export class PolicyResolver {
  constructor(
    private readonly store: PulseStore,
    private readonly config: DecisionsConfig,
  ) {}

  async resolve(entityRef: string, ownerRef: string | undefined): Promise<EntityPolicy> {
    const override = await this.store.decisions.policies.get(entityRef);
    const groupOverride = ownerRef ? this.config.groups.get(ownerRef) : undefined;
    const resolved = resolveErrorBudgetPolicy({
      portal: this.config.portal,
      ...(groupOverride && ownerRef ? { group: { groupRef: ownerRef, override: groupOverride } } : {}),
      ...(override ? { entity: override.override } : {}),
    });
    return { resolved, ...(override ? { override } : {}) };
  }
}
